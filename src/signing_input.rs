//! How the payload enters the JWS signing input (RFC 7515 §5.2): base64url by default, as its
//! own bytes when the header says `"b64": false` (RFC 7797 §3), or supplied by the caller when
//! it travels separately (detached content, RFC 7515 Appendix F).

use crate::b64;
use crate::claims::Check;
use crate::decode::{Limits, UntrustedToken};
use crate::decode_parts::{read_payload, set_payload_text};
use crate::error::Code;
use crate::json::Json;
use crate::options::VerifyOptions;

/// Whether the payload is base64url-encoded: only an explicit `"b64": false` says it is not.
#[must_use]
pub(crate) fn b64_of(header: Option<&Json>) -> bool {
    !matches!(header.and_then(|h| h.get("b64")), Some(Json::Bool(false)))
}

/// Reads the payload segment of a compact JWS whose header is already decoded.
pub(crate) fn read_payload_segment(token: &mut UntrustedToken, segment: &str, limits: &Limits) {
    token.b64 = b64_of(token.header.as_ref());
    if segment.is_empty() {
        // An empty payload segment is how RFC 7515 Appendix F writes detached content.
        token.detached = true;
    } else if token.b64 {
        read_payload(token, segment, limits);
    } else {
        set_payload_text(token, segment.to_owned(), limits);
    }
}

/// Puts the caller's `detachedPayload` into the signing input of a detached token. The returned
/// check says whether the payload the signature covers is there at all.
pub(crate) fn attach_detached(token: &mut UntrustedToken, options: &VerifyOptions) -> Option<Check> {
    match (token.detached, &options.detached_payload) {
        (false, None) => None,
        (false, Some(_)) => Some(Check::fail(
            "payload",
            Code::Malformed,
            "The option detachedPayload was given, but the token carries its own payload; a token is detached only when its payload is empty.",
        )),
        // An empty payload is also a payload (Wycheproof's emptyPayload cases are valid): it is
        // verified as empty, and the check says how to verify detached content instead.
        (true, None) => Some(Check::pass(
            "payload",
            "The payload is empty and was verified as such; if the content is detached (RFC 7515 Appendix F), pass it as the option detachedPayload.",
        )),
        (true, Some(content)) => {
            let input = token.signing_input.as_mut()?;
            if token.b64 {
                input.push_str(&b64::encode(content.as_bytes()));
            } else {
                input.push_str(content);
            }
            set_payload_text(token, content.clone(), &Limits::default());
            token.detached = false;
            Some(Check::pass("payload", "The detached payload given in detachedPayload is the one verified (RFC 7515 Appendix F)."))
        }
    }
}

/// RFC 7797 §3 and §6: `b64` is a boolean, and `false` is honoured only when `crit` lists it
/// and the caller declared support (`supportsB64`); otherwise the payload would be misread.
#[must_use]
pub(crate) fn b64_check(header: &Json, options: &VerifyOptions) -> Option<Check> {
    let critical = header.get("crit").and_then(Json::as_array).is_some_and(|names| names.iter().any(|n| n.as_str() == Some("b64")));
    Some(match header.get("b64")? {
        Json::Bool(true) => Check::pass("b64", "\"b64\": true is the default encoding (RFC 7797 §3)."),
        Json::Bool(false) if !critical => Check::fail(
            "b64",
            Code::B64Invalid,
            "The header says \"b64\": false but \"crit\" does not list \"b64\"; RFC 7797 §6 requires it, so that a verifier that does not know the option refuses rather than misreads the payload.",
        ),
        Json::Bool(false) if !options.supports_b64 => Check::fail(
            "b64",
            Code::B64Invalid,
            "The payload is unencoded (\"b64\": false, RFC 7797); it is accepted only when the caller sets the option supportsB64: true.",
        ),
        Json::Bool(false) => Check::pass("b64", "The payload is unencoded (\"b64\": false, RFC 7797) and supportsB64 is set."),
        other => Check::fail("b64", Code::B64Invalid, format!("\"b64\" is {}; RFC 7797 §3 makes it a boolean.", other.type_name())),
    })
}
