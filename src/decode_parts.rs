//! Reading a token's segments for `decode`: each base64url part (header, payload, signature)
//! into bytes, text and JSON, with what is wrong in it as diagnostics. Also used by the other
//! serializations (`jws_json`, `jwe`, `sd_jwt`) so every kind reports a bad part the same way.

use crate::alg;
use crate::b64;
use crate::decode::{Limits, Payload, UntrustedToken};
use crate::error::{Code, Diagnostic, Severity};
use crate::json::{self, Json};

pub(crate) fn base64_diagnostic(part: &str, e: &b64::B64Error) -> Diagnostic {
    let d = Diagnostic::error(Code::InvalidBase64, format!("The {part} {} (at character {}).", e.reason, e.offset + 1));
    match e.hint {
        Some(hint) => d.with_hint(hint),
        None => d,
    }
}

/// The segment's text; `Err` carries the decoded bytes when they are not UTF-8 (reported at
/// `severity`: an error for the header, a warning for a payload, which a JWS may make binary).
fn decode_text(token: &mut UntrustedToken, part: &str, segment: &str, severity: Severity) -> Option<Result<String, usize>> {
    let bytes = b64::decode(segment).map_err(|e| token.diagnostics.push(base64_diagnostic(part, &e))).ok()?;
    let len = bytes.len();
    Some(String::from_utf8(bytes).map_err(|e| {
        let d = Diagnostic::error(
            Code::InvalidUtf8,
            format!("The {part} is not UTF-8 text (invalid byte at offset {}).", e.utf8_error().valid_up_to()),
        );
        token.diagnostics.push(d.at(severity));
        len
    }))
}

pub(crate) fn report_duplicates(token: &mut UntrustedToken, part: &str, duplicates: &[String]) {
    for name in duplicates {
        token.diagnostics.push(
            Diagnostic::warning(Code::DuplicateMember, format!("The {part} names the member \"{name}\" more than once."))
                .with_hint("Parsers disagree on which copy wins; jwt-lens shows the last, and verify refuses the token."),
        );
    }
}

pub(crate) fn read_header(token: &mut UntrustedToken, segment: &str, limits: &Limits) {
    if let Some(header) = parse_header(token, segment, limits) {
        check_header(token, &header);
        token.header = Some(header);
    }
}

/// Decodes a protected header segment into `token.header_json` and returns it when it is a
/// JSON object; what is wrong goes into the diagnostics.
pub(crate) fn parse_header(token: &mut UntrustedToken, segment: &str, limits: &Limits) -> Option<Json> {
    if b64::decoded_len(segment.len()) > limits.max_header_bytes {
        token.diagnostics.push(Diagnostic::error(
            Code::TooLarge,
            format!(
                "The header would decode to about {} bytes; the limit is {}.",
                b64::decoded_len(segment.len()),
                limits.max_header_bytes
            ),
        ));
        return None;
    }
    let Some(Ok(text)) = decode_text(token, "header", segment, Severity::Error) else { return None };
    let header = match json::parse(&text, limits.max_depth) {
        Err(e) => {
            token
                .diagnostics
                .push(Diagnostic::error(Code::InvalidJson, format!("The header is not JSON: {} (at byte {}).", e.message, e.offset)));
            None
        }
        Ok(parsed) if !matches!(parsed.value, Json::Object(_)) => {
            token.diagnostics.push(Diagnostic::error(
                Code::HeaderNotObject,
                format!("The header is {}; it must be a JSON object.", parsed.value.type_name()),
            ));
            None
        }
        Ok(parsed) => {
            report_duplicates(token, "header", &parsed.duplicates);
            Some(parsed.value)
        }
    };
    token.header_json = Some(text);
    header
}

/// What the (complete) header says that is wrong: its `alg` and `kid`.
pub(crate) fn check_header(token: &mut UntrustedToken, header: &Json) {
    check_alg(token, header);
    if let Some(kid) = header.get("kid").filter(|k| k.as_str().is_none()) {
        token.diagnostics.push(Diagnostic::warning(
            Code::Malformed,
            format!("The header's \"kid\" is {}; it must be a string (RFC 7515 §4.1.4), so no key set can match it.", kid.type_name()),
        ));
    }
}

fn check_alg(token: &mut UntrustedToken, header: &Json) {
    match header.get("alg") {
        None => token.diagnostics.push(Diagnostic::error(Code::Malformed, "The header has no \"alg\" member (RFC 7515 §4.1.1).")),
        Some(Json::String(name)) if name == "none" => token.diagnostics.push(
            Diagnostic::warning(Code::AlgNone, "The token is unsecured (\"alg\": \"none\"): anyone can have written it.")
                .with_hint("verify() never accepts alg none."),
        ),
        Some(Json::String(name)) => match alg::lookup(name) {
            Some(found) if found.supported => {}
            Some(found) => token.diagnostics.push(Diagnostic::warning(
                Code::UnsupportedAlg,
                format!("{} is a registered algorithm that this build cannot verify yet.", found.name),
            )),
            None if header.get("enc").is_some() => {}
            None => {
                token.diagnostics.push(Diagnostic::warning(Code::UnsupportedAlg, format!("\"{name}\" is not a registered JWS algorithm.")))
            }
        },
        Some(other) => token
            .diagnostics
            .push(Diagnostic::error(Code::Malformed, format!("The header's \"alg\" is {}; it must be a string.", other.type_name()))),
    }
}

pub(crate) fn read_payload(token: &mut UntrustedToken, segment: &str, limits: &Limits) {
    match decode_text(token, "payload", segment, Severity::Warning) {
        None => {}
        Some(Err(len)) => token.payload = Some(Payload::Binary(len)),
        Some(Ok(text)) => set_payload_text(token, text, limits),
    }
}

/// Sets the payload from its decoded text: JSON when it parses, otherwise text.
pub(crate) fn set_payload_text(token: &mut UntrustedToken, text: String, limits: &Limits) {
    token.payload = Some(match json::parse(&text, limits.max_depth) {
        Ok(parsed) => {
            report_duplicates(token, "payload", &parsed.duplicates);
            Payload::Json(parsed.value)
        }
        Err(e) => {
            token.diagnostics.push(Diagnostic::warning(
                Code::InvalidJson,
                format!("The payload is not JSON ({} at byte {}), so it is not a JWT claims set.", e.message, e.offset),
            ));
            Payload::Text(text.clone())
        }
    });
    token.payload_json = Some(text);
}

pub(crate) fn read_signature(token: &mut UntrustedToken, segment: &str) {
    match b64::decode(segment) {
        Ok(bytes) => {
            if token.alg() == Some("none") && !bytes.is_empty() {
                token.diagnostics.push(Diagnostic::error(
                    Code::Malformed,
                    "An unsecured token (alg none) must have an empty signature (RFC 7518 §3.6).",
                ));
            }
            token.signature = Some(bytes);
        }
        Err(e) => token.diagnostics.push(base64_diagnostic("signature", &e)),
    }
    token.signature_b64 = Some(segment.to_owned());
}
