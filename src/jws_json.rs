//! JWS JSON serialization (RFC 7515 §7.2), read strictly: the general form (a `signatures`
//! array) and the flattened form (one signature's members at the top level). Each signature's
//! header is its protected header merged with its unprotected one; the two must be disjoint.

use crate::b64;
use crate::decode::{empty_token, Limits, Segment, UntrustedToken};
use crate::decode_parts::{base64_diagnostic, check_header, parse_header, read_payload, report_duplicates, set_payload_text};
use crate::error::{Code, Diagnostic};
use crate::json::{self, Json};
use crate::signing_input::b64_of;

/// Most signatures read from one JSON serialization: each costs a verification.
pub const MAX_SIGNATURES: usize = 16;

/// How a JWS is written down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Serialization {
    /// `header.payload.signature` (RFC 7515 §7.1).
    Compact,
    /// JSON with one signature's members at the top level (RFC 7515 §7.2.2).
    JsonFlattened,
    /// JSON with a `signatures` array (RFC 7515 §7.2.1).
    JsonGeneral,
}

impl Serialization {
    /// The name used in reports.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Compact => "compact",
            Self::JsonFlattened => "json-flattened",
            Self::JsonGeneral => "json-general",
        }
    }
}

/// One signature of a JSON serialization.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatureEntry {
    /// Its position in `signatures` (0 for the flattened form).
    pub index: usize,
    /// The protected and unprotected headers merged, when both are JSON objects.
    pub header: Option<Json>,
    /// The merged header as text: the protected header's exact text when it is the whole header.
    pub header_json: Option<String>,
    /// The protected header's exact decoded text.
    pub protected_json: Option<String>,
    /// The `protected` member as written (empty when absent): the first half of the signing input.
    pub protected_b64: String,
    /// The unprotected `header` member.
    pub unprotected: Option<Json>,
    /// The `signature` member as written.
    pub signature_b64: String,
    /// The decoded signature.
    pub signature: Option<Vec<u8>>,
}

impl SignatureEntry {
    /// A member of the merged header, when it is a string.
    #[must_use]
    pub fn header_str(&self, name: &str) -> Option<&str> {
        self.header.as_ref()?.get(name)?.as_str()
    }
}

fn malformed(token: &mut UntrustedToken, message: impl Into<String>) {
    token.diagnostics.push(Diagnostic::error(Code::Malformed, message));
}

/// Reads `text` (found at byte `offset` of `input`), which starts with `{`.
pub(crate) fn read(token: &mut UntrustedToken, input: &str, offset: usize, text: &str, limits: &Limits) {
    let root = match json::parse(text, limits.max_depth) {
        Ok(parsed) => {
            report_duplicates(token, "JSON serialization", &parsed.duplicates);
            parsed.value
        }
        Err(e) => {
            let message = format!("The input starts with '{{' but is not JSON: {} (at byte {}).", e.message, e.offset);
            return token.diagnostics.push(Diagnostic::error(Code::InvalidJson, message));
        }
    };
    if ["ciphertext", "recipients", "iv", "encrypted_key"].iter().any(|m| root.get(m).is_some()) {
        return malformed(token, "This is a JWE in JSON serialization (RFC 7516 §7.2); jwt-lens explains only the compact JWE form.");
    }
    if !["payload", "protected", "header", "signature", "signatures"].iter().any(|m| root.get(m).is_some()) {
        return malformed(token, "This is JSON, but not a JWS JSON serialization (it has no \"signatures\", \"signature\" or \"payload\" member); paste the token itself.");
    }
    let entries: Vec<&Json> = match root.get("signatures") {
        None => {
            token.serialization = Serialization::JsonFlattened;
            vec![&root]
        }
        Some(Json::Array(items)) if !items.is_empty() => {
            token.serialization = Serialization::JsonGeneral;
            if let Some(m) = ["protected", "header", "signature"].iter().find(|m| root.get(m).is_some()) {
                malformed(
                    token,
                    format!("A general JSON serialization keeps \"{m}\" inside \"signatures\", never beside it (RFC 7515 §7.2.2)."),
                );
            }
            items.iter().collect()
        }
        Some(_) => return malformed(token, "\"signatures\" must be a non-empty array of signature objects (RFC 7515 §7.2.1)."),
    };
    if entries.len() > MAX_SIGNATURES {
        let message = format!("The token has {} signatures; jwt-lens reads at most {MAX_SIGNATURES}.", entries.len());
        return token.diagnostics.push(Diagnostic::error(Code::TooLarge, message));
    }
    let several = entries.len() > 1;
    for (index, entry) in entries.into_iter().enumerate() {
        let read = read_entry(index, entry, limits);
        let prefix = if several { format!("Signature {index}: ") } else { String::new() };
        token.diagnostics.extend(read.1.into_iter().map(|mut d| {
            d.message.insert_str(0, &prefix);
            d
        }));
        token.signatures.push(read.0);
    }
    read_payload_member(token, &root, limits);
    let payload_as_written = match root.get("payload") {
        Some(Json::String(payload)) => payload.as_str(),
        _ => "",
    };
    if let Some(first) = token.signatures.first() {
        token.header = first.header.clone();
        token.header_json = first.header_json.clone();
        token.signature = first.signature.clone();
        token.signature_b64 = Some(first.signature_b64.clone());
        token.signing_input = Some(format!("{}.{payload_as_written}", first.protected_b64));
    }
    token.segments = locate_segments(input, offset, text, token, payload_as_written);
}

fn read_payload_member(token: &mut UntrustedToken, root: &Json, limits: &Limits) {
    let b64 = b64_of(token.signatures.first().and_then(|s| s.header.as_ref()));
    if token.signatures.iter().any(|s| b64_of(s.header.as_ref()) != b64) {
        token.diagnostics.push(Diagnostic::error(
            Code::B64Invalid,
            "The signatures disagree on \"b64\"; RFC 7797 §3 requires one value for every signature of a payload.",
        ));
    }
    token.b64 = b64;
    match root.get("payload") {
        None => token.detached = true,
        Some(Json::String(payload)) if b64 => read_payload(token, payload, limits),
        Some(Json::String(payload)) => set_payload_text(token, payload.clone(), limits),
        Some(other) => malformed(token, format!("\"payload\" is {}; it must be a string (RFC 7515 §7.2.1).", other.type_name())),
    }
}

/// One signature object: its entry and what is wrong with it.
fn read_entry(index: usize, entry: &Json, limits: &Limits) -> (SignatureEntry, Vec<Diagnostic>) {
    let mut scratch = empty_token();
    let mut out = SignatureEntry {
        index,
        header: None,
        header_json: None,
        protected_json: None,
        protected_b64: String::new(),
        unprotected: None,
        signature_b64: String::new(),
        signature: None,
    };
    if !matches!(entry, Json::Object(_)) {
        malformed(&mut scratch, format!("The signature is {}; it must be a JSON object.", entry.type_name()));
        return (out, scratch.diagnostics);
    }
    let protected = match entry.get("protected") {
        None => None,
        Some(Json::String(p)) => {
            out.protected_b64.clone_from(p);
            let header = parse_header(&mut scratch, p, limits);
            out.protected_json = scratch.header_json.take();
            // A protected member that is present but unreadable leaves no header to merge.
            Some(header)
        }
        Some(other) => {
            malformed(&mut scratch, format!("\"protected\" is {}; it must be a base64url string.", other.type_name()));
            Some(None)
        }
    };
    match entry.get("header") {
        None => {}
        Some(object @ Json::Object(_)) => out.unprotected = Some(object.clone()),
        Some(other) => malformed(&mut scratch, format!("\"header\" is {}; it must be a JSON object.", other.type_name())),
    }
    match entry.get("signature") {
        Some(Json::String(s)) => {
            out.signature_b64.clone_from(s);
            match b64::decode(s) {
                Ok(bytes) => out.signature = Some(bytes),
                Err(e) => scratch.diagnostics.push(base64_diagnostic("signature", &e)),
            }
        }
        _ => malformed(&mut scratch, "The signature object has no \"signature\" string (RFC 7515 §7.2.1)."),
    }
    if protected.is_none() && out.unprotected.is_none() {
        malformed(&mut scratch, "The signature has neither a \"protected\" nor a \"header\" member; one is required (RFC 7515 §7.2.1).");
    }
    let protected_ok = protected.as_ref().is_none_or(Option::is_some);
    if protected_ok && scratch.diagnostics.iter().all(|d| d.severity != crate::error::Severity::Error) {
        merge(&mut scratch, &mut out, protected.flatten());
    }
    (out, scratch.diagnostics)
}

/// The merged header (RFC 7515 §7.2.1: the protected and unprotected names must be disjoint).
fn merge(scratch: &mut UntrustedToken, out: &mut SignatureEntry, protected: Option<Json>) {
    let mut members = match protected {
        Some(Json::Object(members)) => members,
        _ => Vec::new(),
    };
    let unprotected = out.unprotected.as_ref().and_then(Json::as_object).unwrap_or_default();
    for (name, value) in unprotected {
        if members.iter().any(|(n, _)| n == name) {
            malformed(
                scratch,
                format!("\"{name}\" is in both the protected and the unprotected header; RFC 7515 §7.2.1 requires them disjoint."),
            );
        } else if name == "crit" || name == "b64" {
            let code = if name == "b64" { Code::B64Invalid } else { Code::Malformed };
            let message =
                format!("\"{name}\" is in the unprotected header; it must be integrity protected (RFC 7515 §4.1.11, RFC 7797 §3).");
            scratch.diagnostics.push(Diagnostic::error(code, message));
        }
        members.push((name.clone(), value.clone()));
    }
    let header = Json::Object(members);
    check_header(scratch, &header);
    out.header_json = if unprotected.is_empty() { out.protected_json.clone() } else { Some(header.to_compact()) };
    out.header = Some(header);
}

/// Where each `protected`, `payload` and `signature` value sits in the input, for colouring.
/// Base64url values need no escaping, so each appears verbatim between quotes. (A plain byte
/// scan and an insertion sort: the browser engine is size-budgeted, and these lists are short.)
fn locate_segments(input: &str, offset: usize, text: &str, token: &UntrustedToken, payload: &str) -> Vec<Segment> {
    let mut wanted: Vec<(&'static str, &str)> = vec![("payload", payload)];
    for entry in &token.signatures {
        wanted.push(("header", &entry.protected_b64));
        wanted.push(("signature", &entry.signature_b64));
    }
    let utf16 = |byte: usize| input.get(..byte).map_or(byte, |s| s.encode_utf16().count());
    let bytes = text.as_bytes();
    let mut found: Vec<Segment> = Vec::new();
    let mut taken: Vec<usize> = Vec::new();
    for (part, value) in wanted.into_iter().filter(|(_, v)| !v.is_empty()) {
        let value = value.as_bytes();
        let quoted_at = |at: &usize| {
            bytes.get(at.wrapping_sub(1)) == Some(&b'"')
                && bytes.get(*at..at + value.len()) == Some(value)
                && bytes.get(at + value.len()) == Some(&b'"')
        };
        let Some(start) = (1..bytes.len()).filter(|at| !taken.contains(at)).find(quoted_at) else { continue };
        taken.push(start);
        let segment = Segment { part, start: utf16(offset + start), end: utf16(offset + start + value.len()) };
        let at = found.iter().position(|s| s.start > segment.start).unwrap_or(found.len());
        found.insert(at, segment);
    }
    found
}
