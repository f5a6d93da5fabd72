//! Nested JWTs (RFC 7519 §5.2, §7.1 step 8): a header `cty` of `JWT` says the payload is itself
//! a token, which is decoded too. Nesting is capped so a crafted token cannot recurse forever.

use crate::decode::{decode_at_depth, Limits, Payload, UntrustedToken};
use crate::error::{Code, Diagnostic};
use crate::json::Json;

/// Deepest inner token decoded: the outer token is depth 0.
pub const MAX_NESTING: usize = 4;

/// Whether the header's `cty` names a JWT (case-insensitive; RFC 7515 §4.1.10 lets the
/// `application/` prefix be omitted, so both forms count).
fn says_jwt(token: &UntrustedToken) -> bool {
    let cty = token.header.as_ref().and_then(|h| h.get("cty")).and_then(Json::as_str).unwrap_or_default();
    cty.eq_ignore_ascii_case("JWT") || cty.eq_ignore_ascii_case("application/jwt")
}

/// Decodes the inner token of `token` (itself at `depth`) when its header says there is one.
pub(crate) fn read(token: &mut UntrustedToken, limits: &Limits, depth: usize) {
    if token.jwe.is_some() || !says_jwt(token) {
        return;
    }
    let inner = match &token.payload {
        Some(Payload::Text(text)) if matches!(text.trim().split('.').count(), 3 | 5) => text.clone(),
        Some(_) => {
            return token.diagnostics.push(Diagnostic::warning(
                Code::Malformed,
                "The header's \"cty\" says the payload is a JWT, but the payload is not a compact token.",
            ))
        }
        None => return,
    };
    if depth >= MAX_NESTING {
        return token.diagnostics.push(Diagnostic::warning(
            Code::Malformed,
            format!("The token nests more than {MAX_NESTING} tokens deep; the innermost ones are not decoded."),
        ));
    }
    token.nested = Some(Box::new(decode_at_depth(&inner, limits, depth + 1)));
}
