//! Reports as JSON text: the shape the JS API documents (DESIGN §3). Building one string in
//! Rust and calling `JSON.parse` once in JS is several times faster than building JS objects
//! across the boundary, and keeps this code testable natively.

use crate::certificate::CertificateInfo;
use crate::claims::Check;
use crate::decode::{Payload, UntrustedToken};
use crate::error::{Diagnostic, Error};
use crate::generate::GeneratedKey;
use crate::json::write_string;
use crate::key::{KeyFormat, Keyring, Material};
use crate::report_kinds;
use crate::verify::VerifyReport;
use object::Obj;

mod object;

fn diagnostic(out: &mut String, d: &Diagnostic) {
    let mut o = Obj::open(out);
    o.str("code", Some(d.code.as_str())).str("severity", Some(d.severity.as_str())).str("message", Some(&d.message));
    if let Some(hint) = &d.hint {
        o.str("hint", Some(hint));
    }
    o.close();
}

fn check(out: &mut String, c: &Check) {
    let mut o = Obj::open(out);
    o.str("name", Some(c.name)).bool("ok", c.ok);
    if let Some(code) = c.code {
        o.str("code", Some(code.as_str()));
    }
    o.str("message", Some(&c.message)).close();
}

/// The exact payload text as a JSON value: itself when it is JSON, a string when it is text.
fn payload_value(token: &UntrustedToken) -> Option<String> {
    match (&token.payload, &token.payload_json) {
        (Some(Payload::Json(_)), Some(text)) => Some(text.clone()),
        (Some(Payload::Text(text)), _) => {
            let mut out = String::new();
            write_string(&mut out, text);
            Some(out)
        }
        _ => None,
    }
}

/// How `decoded_json_with` writes `headerJson` and `payloadJson`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Texts {
    /// As JSON strings: the `Decoded` object exactly as the JS API documents it.
    Strings,
    /// For the wasm boundary: where the exact text already appears verbatim in the same output
    /// (as the `header` or `payload` value), as its `[start, end]` UTF-16 offsets in the output,
    /// which the JS layer slices out (js/api.js). Saves writing, transferring and parsing the
    /// texts a second time, escaped; a text that does not appear verbatim stays a string.
    Offsets,
}

/// The `Decoded` object of the JS API.
#[must_use]
pub fn decoded_json(token: &UntrustedToken) -> String {
    decoded_json_with(token, Texts::Strings)
}

/// The `Decoded` object, with the header and payload texts written as `texts` says.
#[must_use]
pub fn decoded_json_with(token: &UntrustedToken, texts: Texts) -> String {
    let mut out = String::with_capacity(
        256 + token.header_json.as_ref().map_or(0, String::len) * 2 + token.payload_json.as_ref().map_or(0, String::len) * 2,
    );
    let header = token.header.as_ref().and(token.header_json.as_deref());
    // The payload value is the exact payload text only when the payload is JSON.
    let payload_verbatim = matches!(token.payload, Some(Payload::Json(_)));
    let payload = payload_value(token);
    let offsets = texts == Texts::Offsets;
    let mut o = Obj::open(&mut out);
    o.str("kind", Some(token.kind.as_str()));
    let header_span = o.raw_span("header", header).filter(|_| offsets);
    o.text("headerJson", token.header_json.as_deref(), header_span);
    let payload_span = o.raw_span("payload", payload.as_deref()).filter(|_| offsets && payload_verbatim);
    o.text("payloadJson", token.payload_json.as_deref(), payload_span)
        .str("signature", token.signature_b64.as_deref())
        .list("segments", &token.segments, |out, s| {
            Obj::open(out).str("part", Some(s.part)).num("start", s.start).num("end", s.end).close();
        })
        .list("diagnostics", &token.diagnostics, diagnostic)
        // Issue 4, token kinds.
        .str("serialization", Some(token.serialization.as_str()))
        .raw("signatures", report_kinds::signatures(token).as_deref())
        .raw("b64", (!token.b64).then_some("false"))
        .bool("detached", token.detached)
        .raw("nested", token.nested.as_deref().map(decoded_json).as_deref())
        .raw("jwe", report_kinds::jwe(token).as_deref())
        .raw("sdJwt", report_kinds::sd_jwt(token).as_deref())
        .close();
    out
}

/// The `VerifyReport` object of the JS API.
#[must_use]
pub fn verify_json(report: &VerifyReport) -> String {
    let token = &report.token;
    let mut out =
        String::with_capacity(512 + token.header_json.as_ref().map_or(0, String::len) + token.payload_json.as_ref().map_or(0, String::len));
    Obj::open(&mut out)
        .bool("valid", report.valid)
        .bool("signatureValid", report.signature_valid)
        .str("alg", report.alg())
        .str("kid", report.kid())
        .str("keyThumbprint", report.key_thumbprint.as_deref())
        .raw("header", token.header.as_ref().and(token.header_json.as_deref()))
        .raw("payload", payload_value(token).as_deref())
        .list("checks", &report.checks, check)
        .list("errors", &report.errors, diagnostic)
        .list("warnings", &report.warnings, diagnostic)
        .raw("signatureIndex", report.signature_index.map(|i| i.to_string()).as_deref())
        .str("matchedKid", report.matched_kid.as_deref())
        .raw("matchedIndex", report.matched_index.map(|i| i.to_string()).as_deref())
        .close();
    out
}

/// The description part of a `KeyHandle` (the handle itself is added by the binding).
#[must_use]
pub fn key_info_json(ring: &Keyring) -> String {
    let first = ring.keys.first();
    let mut out = String::new();
    let format = match ring.format {
        KeyFormat::Secret => "secret",
        KeyFormat::Pem => "pem",
        KeyFormat::Der => "der",
        KeyFormat::Certificate => "certificate",
        KeyFormat::Jwk => "jwk",
        KeyFormat::Jwks => "jwks",
    };
    let mut algorithms: Vec<&str> = Vec::new();
    for name in ring.keys.iter().flat_map(|k| k.algorithms()).map(|a| a.name) {
        if !algorithms.contains(&name) {
            algorithms.push(name);
        }
    }
    let (kind, kty, curve, public_jwk, public_pem) = match first.map(|k| &k.material) {
        Some(Material::Secret(_)) => ("secret", "oct", None, None, None),
        Some(Material::Asymmetric(key)) => {
            let kind = if key.has_private() { "private" } else { "public" };
            (kind, key.kty(), key.curve(), Some(key.public_jwk(first.and_then(|k| k.kid.as_deref()))), key.public_pem())
        }
        Some(Material::Unsupported(kty)) => ("unsupported", kty.as_str(), None, None, None),
        None => ("unsupported", "", None, None, None),
    };
    Obj::open(&mut out)
        .str("kind", Some(kind))
        .str("kty", Some(kty))
        .str("curve", curve)
        .str("format", Some(format))
        .num("bits", first.map_or(0, |k| k.bits()))
        .list("algorithms", &algorithms, |out, a| write_string(out, a))
        .str("thumbprint", first.map(|k| k.thumbprint.as_str()))
        .str("kid", first.and_then(|k| k.kid.as_deref()))
        .raw("publicJwk", public_jwk.as_deref())
        .str("publicPem", public_pem.as_deref())
        .raw("certificate", ring.certificate.as_ref().map(certificate_json).as_deref())
        .num("keyCount", ring.keys.len())
        .list("diagnostics", &ring.notes, diagnostic)
        .close();
    out
}

fn certificate_json(info: &CertificateInfo) -> String {
    let mut out = String::new();
    Obj::open(&mut out)
        .str("subject", Some(&info.subject))
        .str("issuer", Some(&info.issuer))
        .str("serialNumber", Some(&info.serial))
        .int("notBefore", info.not_before)
        .int("notAfter", info.not_after)
        .close();
    out
}

/// The `GeneratedKey` object of the JS API.
#[must_use]
pub fn generated_json(key: &GeneratedKey) -> String {
    let mut out = String::new();
    Obj::open(&mut out)
        .str("alg", Some(key.alg))
        .str("kid", Some(&key.kid))
        .raw("privateJwk", Some(&key.private_jwk))
        .raw("publicJwk", key.public_jwk.as_deref());
    let mut o = Obj { out: &mut out, first: false };
    for (name, value) in [("secret", &key.secret), ("privatePem", &key.private_pem), ("publicPem", &key.public_pem)] {
        if let Some(value) = value {
            o.str(name, Some(value));
        }
    }
    o.close();
    out
}

/// A caller error as `{ code, message, hint? }`.
#[must_use]
pub fn error_json(e: &Error) -> String {
    let mut out = String::new();
    let mut o = Obj::open(&mut out);
    o.str("code", Some(e.code.as_str())).str("message", Some(&e.message));
    if let Some(hint) = &e.hint {
        o.str("hint", Some(hint));
    }
    o.close();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode;

    /// The UTF-16 code units of `text` between the offsets `field` holds, as JS `slice` reads them.
    fn sliced(text: &str, field: &str) -> Option<String> {
        let after = text.split(&format!("\"{field}\":[")).nth(1)?;
        let (pair, _) = after.split_once(']')?;
        let (start, end) = pair.split_once(',')?;
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(units.get(start.parse::<usize>().ok()?..end.parse::<usize>().ok()?)?).ok()
    }

    #[test]
    fn offsets_point_at_the_exact_texts_even_after_non_ascii() {
        use base64::Engine as _;
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        let header = r#"{"alg":"HS256", "kid":"é😀"}"#;
        let payload = r#"{"sub":"ü\u00fc","n":1.50}"#;
        let token = decode(&format!("{}.{}.c2ln", b64(header), b64(payload)));
        let text = decoded_json_with(&token, Texts::Offsets);
        assert_eq!(sliced(&text, "headerJson").as_deref(), Some(header));
        assert_eq!(sliced(&text, "payloadJson").as_deref(), Some(payload));
        assert!(decoded_json(&token).contains(r#""headerJson":"{\"alg\""#), "the documented form keeps strings");
    }

    #[test]
    fn a_text_that_is_not_written_verbatim_stays_a_string() {
        use base64::Engine as _;
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        let token = decode(&format!("{}.{}.c2ln", b64("[1]"), b64("plain text")));
        let text = decoded_json_with(&token, Texts::Offsets);
        assert!(text.contains(r#""headerJson":"[1]""#), "{text}");
        assert!(text.contains(r#""payloadJson":"plain text""#), "{text}");
    }
}
