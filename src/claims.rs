//! JWT claim validation (RFC 7519 §4.1, RFC 8725 §3.11). Every check is reported with its
//! outcome, not only the first failure.

use crate::error::Code;
use crate::json::Json;
use crate::options::VerifyOptions;

/// One validation step and its outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// What was checked (`"exp"`, `"signature"`, …).
    pub name: &'static str,
    /// Whether it passed.
    pub ok: bool,
    /// Why it failed.
    pub code: Option<Code>,
    /// What happened, for a person.
    pub message: String,
}

impl Check {
    /// A passed check.
    pub fn pass(name: &'static str, message: impl Into<String>) -> Self {
        Self { name, ok: true, code: None, message: message.into() }
    }

    /// A failed check.
    pub fn fail(name: &'static str, code: Code, message: impl Into<String>) -> Self {
        Self { name, ok: false, code: Some(code), message: message.into() }
    }
}

/// Checks the claims set `claims` (already known to be an object) and the header's `typ`.
#[must_use]
pub fn check_claims(claims: &Json, header: &Json, options: &VerifyOptions) -> Vec<Check> {
    let mut checks = vec![time_claim(claims, "exp", options), time_claim(claims, "nbf", options), time_claim(claims, "iat", options)];
    if let Some(expected) = &options.issuer {
        checks.push(exact_string(claims, "iss", expected, Code::IssuerMismatch));
    }
    if let Some(expected) = &options.subject {
        checks.push(exact_string(claims, "sub", core::slice::from_ref(expected), Code::SubjectMismatch));
    }
    if let Some(expected) = &options.audience {
        checks.push(audience(claims, expected));
    }
    if let Some(expected) = &options.typ {
        checks.push(typ(header, expected));
    }
    for name in &options.required_claims {
        checks.push(match claims.get(name) {
            None => Check::fail("claims", Code::MissingClaim, format!("The required claim \"{name}\" is absent.")),
            Some(_) => Check::pass("claims", format!("The required claim \"{name}\" is present.")),
        });
    }
    checks
}

fn time_claim(claims: &Json, name: &'static str, options: &VerifyOptions) -> Check {
    let now = options.now;
    let leeway = options.leeway;
    let value = match claims.get(name) {
        None if name == "iat" && options.max_token_age.is_some() => {
            return Check::fail(name, Code::MissingClaim, "maxTokenAge is set, so the token must carry \"iat\".");
        }
        None => return Check::pass(name, format!("No \"{name}\" claim (not required).")),
        Some(Json::Number(_)) => claims.get(name).and_then(Json::as_f64).unwrap_or(f64::NAN),
        Some(other) => {
            return Check::fail(
                name,
                Code::ClaimType,
                format!("\"{name}\" is {}; it must be a NumericDate (a JSON number).", other.type_name()),
            );
        }
    };
    if !value.is_finite() {
        return Check::fail(name, Code::ClaimType, format!("\"{name}\" is not a finite number."));
    }
    match name {
        "exp" if now >= value + leeway => Check::fail(name, Code::Expired, format!("Expired {} ago.", span(now - value))),
        "exp" => Check::pass(name, format!("Expires in {}.", span(value - now))),
        "nbf" if now + leeway < value => Check::fail(name, Code::NotYetValid, format!("Not valid for another {}.", span(value - now))),
        "nbf" => Check::pass(name, "Already valid."),
        _ => issued_at(value, options),
    }
}

fn issued_at(iat: f64, options: &VerifyOptions) -> Check {
    let (now, leeway) = (options.now, options.leeway);
    let Some(max_age) = options.max_token_age else {
        return Check::pass("iat", "Issued-at is a number (no maximum age set).");
    };
    if iat > now + leeway {
        Check::fail("iat", Code::IatInFuture, format!("Issued {} in the future.", span(iat - now)))
    } else if now - iat > max_age + leeway {
        Check::fail("iat", Code::TokenTooOld, format!("Issued {} ago; the maximum age is {}.", span(now - iat), span(max_age)))
    } else {
        Check::pass("iat", format!("Issued {} ago.", span(now - iat)))
    }
}

/// "3 s", "5 min", "2 h", "4 days": enough precision for a message.
pub(crate) fn span(seconds: f64) -> String {
    // Whole units only: integer formatting keeps float printing out of the wasm.
    let s = seconds.abs().min(1e15) as u64;
    match s {
        0..120 => format!("{s} s"),
        120..7200 => format!("{} min", (s + 30) / 60),
        7200..172_800 => format!("{} h", (s + 1800) / 3600),
        _ => format!("{} days", (s + 43_200) / 86_400),
    }
}

fn exact_string(claims: &Json, name: &'static str, expected: &[String], code: Code) -> Check {
    match claims.get(name) {
        None => Check::fail(name, Code::MissingClaim, format!("\"{name}\" is absent; expected {expected:?}.")),
        Some(Json::String(actual)) if expected.iter().any(|e| e == actual) => Check::pass(name, format!("\"{name}\" is {actual:?}.")),
        Some(Json::String(actual)) => Check::fail(name, code, format!("\"{name}\" is {actual:?}; expected {expected:?}.")),
        Some(other) => Check::fail(name, Code::ClaimType, format!("\"{name}\" is {}; it must be a string.", other.type_name())),
    }
}

fn audience(claims: &Json, expected: &[String]) -> Check {
    let matches = |s: &str| expected.iter().any(|e| e == s);
    match claims.get("aud") {
        None => Check::fail("aud", Code::MissingClaim, "An audience is expected but the token has no \"aud\"."),
        Some(Json::String(aud)) if matches(aud) => Check::pass("aud", format!("\"aud\" is {aud:?}.")),
        Some(Json::Array(items)) if items.iter().all(|i| i.as_str().is_some()) => {
            if items.iter().filter_map(Json::as_str).any(matches) {
                Check::pass("aud", "\"aud\" contains an expected audience.")
            } else {
                Check::fail("aud", Code::AudienceMismatch, format!("\"aud\" contains none of {expected:?}."))
            }
        }
        Some(Json::String(aud)) => Check::fail("aud", Code::AudienceMismatch, format!("\"aud\" is {aud:?}; expected one of {expected:?}.")),
        Some(_) => Check::fail("aud", Code::ClaimType, "\"aud\" must be a string or an array of strings."),
    }
}

/// Media types compare case-insensitively and `application/` may be omitted (RFC 7515 §4.1.9).
fn normalise_typ(typ: &str) -> String {
    let lower = typ.to_ascii_lowercase();
    lower.strip_prefix("application/").map_or(lower.clone(), str::to_owned)
}

fn typ(header: &Json, expected: &str) -> Check {
    match header.get("typ") {
        None => Check::fail("typ", Code::TypMismatch, format!("The header has no \"typ\"; expected \"{expected}\".")),
        Some(Json::String(actual)) if normalise_typ(actual) == normalise_typ(expected) => {
            Check::pass("typ", format!("\"typ\" is {actual:?}."))
        }
        Some(Json::String(actual)) => Check::fail("typ", Code::TypMismatch, format!("\"typ\" is {actual:?}; expected \"{expected}\".")),
        Some(other) => Check::fail("typ", Code::ClaimType, format!("\"typ\" is {}; it must be a string.", other.type_name())),
    }
}
