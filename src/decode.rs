//! `decode`: everything that can be read from a token without a key, plus what is wrong with it.
//! It never fails: a broken token yields its decodable parts and diagnostics.

use crate::decode_parts::{read_header, read_signature};
use crate::error::{Code, Diagnostic, Severity};
use crate::input::locate_token;
use crate::json::Json;
pub use crate::jwe::JweInfo;
pub use crate::jws_json::{Serialization, SignatureEntry};
pub use crate::sd_jwt::SdJwt;

/// Size and shape limits, checked before any decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes. Default 1 MiB.
    pub max_token_bytes: usize,
    /// Largest decoded protected header, in bytes. Default 16 KiB.
    pub max_header_bytes: usize,
    /// Deepest JSON nesting accepted. Default 64.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_token_bytes: 1 << 20, max_header_bytes: 16 << 10, max_depth: 64 }
    }
}

/// What kind of token the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A compact JWS (RFC 7515 §7.1).
    Jws,
    /// A compact JWE (RFC 7516 §7.1); only its header is decoded.
    Jwe,
    /// An unsecured JWT (`alg: none`, RFC 7519 §6).
    Unsecured,
    /// Not a well-formed token.
    Invalid,
}

impl TokenKind {
    /// The name used in reports.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Jws => "jws",
            Self::Jwe => "jwe",
            Self::Unsecured => "unsecured",
            Self::Invalid => "invalid",
        }
    }
}

/// One dot-separated part of the input, as UTF-16 offsets (what JS string indices count).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Its name: `header`, `payload`, `signature`, the JWE part names, or `extra`.
    pub part: &'static str,
    /// UTF-16 offset of its first character in the input.
    pub start: usize,
    /// UTF-16 offset just past its last character.
    pub end: usize,
}

/// A decoded payload: JSON when it parses, otherwise its text.
#[derive(Clone, Debug, PartialEq)]
pub enum Payload {
    /// The payload parsed as JSON.
    Json(Json),
    /// The payload is UTF-8 but not JSON.
    Text(String),
    /// The payload is not UTF-8 (a JWS may sign any bytes); its length.
    Binary(usize),
}

/// Everything `decode` found. Nothing in it is verified: it is untrusted.
#[derive(Clone, Debug, PartialEq)]
pub struct UntrustedToken {
    /// The token kind.
    pub kind: TokenKind,
    /// The protected header, when it is a JSON object.
    pub header: Option<Json>,
    /// The header's exact decoded text.
    pub header_json: Option<String>,
    /// The payload (JWS only).
    pub payload: Option<Payload>,
    /// The payload's exact decoded text.
    pub payload_json: Option<String>,
    /// The signature segment, as written.
    pub signature_b64: Option<String>,
    /// The decoded signature.
    pub signature: Option<Vec<u8>>,
    /// The JWS signing input (`header.payload`, as written).
    pub signing_input: Option<String>,
    /// The parts, for colouring the input.
    pub segments: Vec<Segment>,
    /// What is wrong or notable.
    pub diagnostics: Vec<Diagnostic>,
    // Issue 4, token kinds (one block so parallel merges stay easy).
    /// How the token is serialized.
    pub serialization: Serialization,
    /// Each signature of a JWS JSON serialization (empty for a compact token).
    pub signatures: Vec<SignatureEntry>,
    /// `false` when the header has `"b64": false` (RFC 7797): the payload is not base64url.
    pub b64: bool,
    /// The payload is detached (RFC 7515 Appendix F): an empty compact segment or no `payload` member.
    pub detached: bool,
    /// The inner token, when `cty` is `JWT` and the payload is a token.
    pub nested: Option<Box<UntrustedToken>>,
    /// The parts of a compact JWE, explained.
    pub jwe: Option<JweInfo>,
    /// The disclosures of an SD-JWT.
    pub sd_jwt: Option<SdJwt>,
}

const JWS_PARTS: [&str; 3] = ["header", "payload", "signature"];
const JWE_PARTS: [&str; 5] = ["header", "encrypted_key", "iv", "ciphertext", "tag"];

impl UntrustedToken {
    /// Whether any diagnostic is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    /// The header's `alg`, when it is a string.
    #[must_use]
    pub fn alg(&self) -> Option<&str> {
        self.header.as_ref()?.get("alg")?.as_str()
    }
}

/// Decodes `input` with the default limits.
#[must_use]
pub fn decode(input: &str) -> UntrustedToken {
    decode_with(input, &Limits::default())
}

/// Decodes `input` as of `now` (NumericDate seconds): `decode` plus the lint finding that needs
/// the time (`long_lifetime` from now until `exp` when there is no `iat`). The core reads no
/// clock; the binding passes it.
#[must_use]
pub fn decode_at(input: &str, now: f64) -> UntrustedToken {
    let mut token = decode(input);
    let timed = crate::lint::timed(&token, now);
    token.diagnostics.extend(timed);
    token
}

/// Decodes `input` with explicit limits.
#[must_use]
pub fn decode_with(input: &str, limits: &Limits) -> UntrustedToken {
    decode_at_depth(input, limits, 0)
}

/// A token with nothing decoded yet.
pub(crate) const fn empty_token() -> UntrustedToken {
    UntrustedToken {
        kind: TokenKind::Invalid,
        header: None,
        header_json: None,
        payload: None,
        payload_json: None,
        signature_b64: None,
        signature: None,
        signing_input: None,
        segments: Vec::new(),
        diagnostics: Vec::new(),
        serialization: Serialization::Compact,
        signatures: Vec::new(),
        b64: true,
        detached: false,
        nested: None,
        jwe: None,
        sd_jwt: None,
    }
}

/// Decodes and lints `input`, itself the payload of `depth` enclosing tokens (nested JWTs).
pub(crate) fn decode_at_depth(input: &str, limits: &Limits, depth: usize) -> UntrustedToken {
    decode_linted_by(input, limits, depth, crate::lint::lint)
}

/// `decode` for `verify`: every lint finding but `known_secret`, which verify adds itself
/// (`lint::lint_but_known_secrets`).
#[must_use]
pub(crate) fn decode_for_verify(input: &str) -> UntrustedToken {
    decode_linted_by(input, &Limits::default(), 0, crate::lint::lint_but_known_secrets)
}

fn decode_linted_by(input: &str, limits: &Limits, depth: usize, lint: fn(&UntrustedToken) -> Vec<Diagnostic>) -> UntrustedToken {
    let mut token = empty_token();
    if input.len() > limits.max_token_bytes {
        token.diagnostics.push(Diagnostic::error(
            Code::TooLarge,
            format!("The input is {} bytes; the limit is {} bytes.", input.len(), limits.max_token_bytes),
        ));
        return token;
    }
    let located = locate_token(input);
    token.diagnostics.extend(located.note);
    if located.token.is_empty() {
        token.diagnostics.push(Diagnostic::error(Code::Malformed, "There is no token to decode."));
        return token;
    }
    // `cfg!` rather than `#[cfg]`: without the `kinds` feature the code still compiles, and the
    // optimiser drops it from the HMAC-only engine.
    if located.token.starts_with('{') {
        if cfg!(feature = "kinds") {
            crate::jws_json::read(&mut token, input, located.offset, located.token, limits);
        } else {
            not_in_this_build(&mut token, Severity::Error, "A JWS JSON serialization");
        }
    } else if let Some((jwt, rest)) = located.token.split_once('~') {
        read_compact(&mut token, input, located.offset, jwt, limits);
        if cfg!(feature = "kinds") {
            crate::sd_jwt::read(&mut token, input, located.offset + jwt.len() + 1, rest, limits);
        } else {
            not_in_this_build(&mut token, Severity::Error, "An SD-JWT");
        }
    } else {
        read_compact(&mut token, input, located.offset, located.token, limits);
    }
    if !token.b64 {
        // An unencoded RFC 7797 payload may hold spaces: they are content, not a wrapped token.
        let whitespace = crate::input::inner_whitespace(located.token);
        token.diagnostics.retain(|d| Some(d) != whitespace.as_ref());
    }
    crate::nested::read(&mut token, limits, depth);
    token.kind = kind_of(&token);
    let findings = lint(&token);
    token.diagnostics.extend(findings);
    token
}

/// The HMAC-only engine leaves out the rarer token kinds (README "Two engines"). `unsupported_alg`
/// is how an engine says "not in this build", so the debugger loads the full engine and asks again.
pub(crate) fn not_in_this_build(token: &mut UntrustedToken, severity: Severity, what: &str) {
    let message = format!("{what} is read by the full jwt-lens engine, not by this HMAC-only build.");
    token.diagnostics.push(Diagnostic::error(Code::UnsupportedAlg, message).at(severity));
}

/// Reads a compact JWS or JWE (`compact`, found at byte `offset` of `input`).
fn read_compact(token: &mut UntrustedToken, input: &str, offset: usize, compact: &str, limits: &Limits) {
    let parts: Vec<&str> = compact.split('.').collect();
    let names: &[&'static str] = if parts.len() == 5 { &JWE_PARTS } else { &JWS_PARTS };
    token.segments = segments(input, offset, &parts, names);
    if parts.len() != 3 && parts.len() != 5 {
        token.diagnostics.push(
            Diagnostic::error(Code::Malformed, format!("The token has {} segments; a JWS has 3 and a JWE 5.", parts.len()))
                .with_hint("Check that the whole token was copied, and only the token."),
        );
    }
    if let [header, payload, _] = parts.as_slice() {
        token.signing_input = compact.get(..header.len() + 1 + payload.len()).map(str::to_owned);
    }
    let mut parts = parts.into_iter();
    if let Some(header) = parts.next() {
        read_header(token, header, limits);
    }
    if names.len() == 5 {
        crate::jwe::read(token, parts.collect::<Vec<_>>().as_slice());
    } else {
        if let Some(payload) = parts.next() {
            crate::signing_input::read_payload_segment(token, payload, limits);
        }
        if let Some(signature) = parts.next() {
            read_signature(token, signature);
        }
    }
}

fn kind_of(token: &UntrustedToken) -> TokenKind {
    if token.has_errors() {
        TokenKind::Invalid
    } else if token.jwe.is_some() {
        TokenKind::Jwe
    } else if token.alg() == Some("none") {
        TokenKind::Unsecured
    } else {
        TokenKind::Jws
    }
}

pub(crate) fn segments(input: &str, offset: usize, parts: &[&str], names: &[&'static str]) -> Vec<Segment> {
    // Counted as we go, each character once: recounting from the input's start for every
    // segment made non-ASCII input with many dots quadratic (a 150 kB one took minutes; found
    // by the `decode` fuzz target, tests/fuzz_regressions.rs).
    let utf16_len = |s: &str| if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
    let mut at = input.get(..offset).map_or(offset, utf16_len);
    let mut out = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let name = names.get(i).copied().unwrap_or("extra");
        let end = at + utf16_len(part);
        out.push(Segment { part: name, start: at, end });
        at = end + 1; // the '.' is one UTF-16 unit
    }
    out
}
