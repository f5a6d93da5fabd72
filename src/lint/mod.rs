//! The token lint run by `decode`: what is risky or surprising about a token even before any
//! key is tried (issue 4). Findings are warnings or info, never errors: a lint finding never
//! makes `verify` fail; `verify` copies them into its `warnings`.

mod known_secrets;
mod numbers;
mod patterns;

pub use known_secrets::{is_known_secret, known_secret_of_verifying_key, known_secret_used, KNOWN_SECRETS};
pub(crate) use patterns::has;

use crate::claims::span;
use crate::decode::{Payload, TokenKind, UntrustedToken};
use crate::error::{Code, Diagnostic};
use crate::json::Json;
use crate::options::VerifyOptions;
use crate::verify::crit_check;
use core::fmt::Write as _;

/// Header parameters that carry a key or a key location (RFC 7515 §4.1.2–4.1.6).
pub const EMBEDDED_KEY_PARAMS: [&str; 4] = ["jwk", "x5c", "jku", "x5u"];
/// Longer-lived tokens are flagged (RFC 8725 §3.10 asks for short lifetimes; 24 h is the
/// usual upper bound for access tokens).
const MAX_LIFETIME_SECONDS: f64 = 86_400.0;
/// At most this many `big_number` and `personal_data` findings per payload.
const MAX_LEAF_FINDINGS: usize = 8;

/// Every lint finding about a decoded token.
#[must_use]
pub fn lint(token: &UntrustedToken) -> Vec<Diagnostic> {
    let mut found = lint_but_known_secrets(token);
    found.extend(known_secret_used(token));
    found
}

/// Every lint finding but `known_secret`, the costly one (an HMAC per listed secret), which
/// `verify` decides more cheaply once it knows which key verified (verify_known_secret.rs). It is the last
/// finding `lint` makes.
#[must_use]
pub fn lint_but_known_secrets(token: &UntrustedToken) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let Some(header) = &token.header else { return found };
    for name in EMBEDDED_KEY_PARAMS.iter().filter(|n| header.get(n).is_some()) {
        found.push(
            Diagnostic::warning(Code::EmbeddedKeyIgnored, format!("The header carries \"{name}\"; jwt-lens never fetches or uses it."))
                .with_hint("A key named by the token itself proves nothing: anyone can attach their own. Verify with a key you trust."),
        );
    }
    if let Some(kid) = header.get("kid").and_then(Json::as_str) {
        found.extend(patterns::suspicious_kid(kid));
    }
    // As a verifier that understands RFC 7797 would judge it: whether `b64` is enabled is the
    // caller's choice at verify time, so decode does not warn about it.
    let crit = crit_check(header, &VerifyOptions { supports_b64: true, ..VerifyOptions::default() });
    if let (false, Some(code)) = (crit.ok, crit.code) {
        found.push(
            Diagnostic::warning(code, crit.message)
                .with_hint("verify() refuses a token whose critical extensions it does not understand (RFC 7515 §4.1.11)."),
        );
    }
    each_leaf(header, &mut String::new(), &mut |path, leaf| {
        if let Json::Number(text) = leaf {
            found.extend(numbers::big_number("header", path, text));
        }
    });
    if let Some(Payload::Json(claims)) = &token.payload {
        let claims_set = claims.as_object().is_some() && token.kind != TokenKind::Jwe;
        let mut leaves = Vec::new();
        each_leaf(claims, &mut String::new(), &mut |path, leaf| match leaf {
            Json::Number(text) => leaves.extend(numbers::big_number("payload", path, text)),
            Json::String(text) if claims_set => leaves.extend(patterns::personal_data(path, text)),
            _ => {}
        });
        // A payload of thousands of ids or addresses need not list them all.
        found.extend(leaves.into_iter().take(MAX_LEAF_FINDINGS));
        if claims_set {
            found.extend(lifetime(claims));
        }
    }
    found
}

/// `missing_exp` and `long_lifetime` (from `iat`) for a claims set.
fn lifetime(claims: &Json) -> Option<Diagnostic> {
    let Some(exp) = claims.get("exp") else {
        return Some(
            Diagnostic::warning(Code::MissingExp, "The token has no \"exp\" claim: it never expires.")
                .with_hint("Issue tokens with an expiry (RFC 8725 §3.10); a leaked token without one is valid forever."),
        );
    };
    let (exp, iat) = (exp.as_f64()?, claims.get("iat")?.as_f64()?);
    long(exp - iat, "from \"iat\" to \"exp\"")
}

/// The finding that needs the time: `long_lifetime` measured from `now` for a claims set
/// without `iat`. `decode` reads no clock; `decode_at` and `verify` pass theirs.
#[must_use]
pub fn timed(token: &UntrustedToken, now: f64) -> Option<Diagnostic> {
    match &token.payload {
        Some(Payload::Json(claims @ Json::Object(_))) if token.kind != TokenKind::Jwe => remaining_lifetime(claims, now),
        _ => None,
    }
}

/// `long_lifetime` measured from `now`, for a claims set without `iat`.
#[must_use]
pub fn remaining_lifetime(claims: &Json, now: f64) -> Option<Diagnostic> {
    if claims.get("iat").is_some() {
        return None;
    }
    let exp = claims.get("exp")?.as_f64()?;
    long(exp - now, "from now until \"exp\"")
}

fn long(seconds: f64, measured: &str) -> Option<Diagnostic> {
    (seconds > MAX_LIFETIME_SECONDS).then(|| {
        Diagnostic::warning(Code::LongLifetime, format!("The token lives {} ({measured}), more than 24 h.", span(seconds)))
            .with_hint("Long-lived bearer tokens stay useful to whoever steals them; prefer short lifetimes and refresh tokens.")
    })
}

/// Calls `visit(path, leaf)` for every value inside `value` that is neither an object nor an
/// array, with its path (`address.street`, `ids[0]`; empty for `value` itself).
fn each_leaf(value: &Json, path: &mut String, visit: &mut dyn FnMut(&str, &Json)) {
    let len = path.len();
    match value {
        Json::Object(members) => {
            for (name, member) in members {
                if len > 0 {
                    path.push('.');
                }
                path.push_str(name);
                each_leaf(member, path, visit);
                path.truncate(len);
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let _ = write!(path, "[{i}]");
                each_leaf(item, path, visit);
                path.truncate(len);
            }
        }
        leaf => visit(path, leaf),
    }
}
