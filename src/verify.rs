//! `verify`: the signature with the caller's key, then every check, each reported. The
//! algorithm is pinned by the caller or the key, never by the token alone (RFC 8725 §3.1).

use crate::alg::{self, Alg, Family};
use crate::claims::{check_claims, Check};
use crate::decode::{decode, decode_for_verify, Payload, TokenKind, UntrustedToken};
use crate::error::{Code, Diagnostic, Severity};
use crate::explain::key_alg_mismatch;
use crate::json::Json;
use crate::key::{Keyring, PreparedKey};
use crate::lint::remaining_lifetime;
use crate::options::VerifyOptions;
use crate::verify_keys::{name_matched_key, select_keys, signature_check};
use crate::verify_known_secret::{known_secret, warn_if_known, KnownSecret};

/// Registered header parameters may not appear in `crit` (RFC 7515 §4.1.11).
const REGISTERED_PARAMS: [&str; 11] = ["alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit"];

/// Everything `verify` found. `valid` is true only when the signature verified with the
/// caller's key and every check passed.
#[derive(Clone, Debug)]
pub struct VerifyReport {
    /// The overall verdict.
    pub valid: bool,
    /// Whether the signature verified with the caller's key.
    pub signature_valid: bool,
    /// The thumbprint of the key that verified (or the only key tried).
    pub key_thumbprint: Option<String>,
    /// The decoded token (untrusted unless `valid`).
    pub token: UntrustedToken,
    /// Each check and its outcome.
    pub checks: Vec<Check>,
    /// Why it is not valid.
    pub errors: Vec<Diagnostic>,
    /// What is worth knowing anyway.
    pub warnings: Vec<Diagnostic>,
    /// For a JWS JSON serialization, the signature that verified.
    pub signature_index: Option<usize>,
    /// For a JWK Set, the `kid` of the key that verified (when it has one).
    pub matched_kid: Option<String>,
    /// For a JWK Set, the position in the set of the key that verified.
    pub matched_index: Option<usize>,
}

impl VerifyReport {
    /// The header's `alg` (untrusted).
    #[must_use]
    pub fn alg(&self) -> Option<&str> {
        self.token.alg()
    }

    /// The header's `kid` (untrusted).
    #[must_use]
    pub fn kid(&self) -> Option<&str> {
        self.token.header.as_ref()?.get("kid")?.as_str()
    }
}

/// Verifies `input` with `key` (already imported, or the reason it could not be).
#[must_use]
pub fn verify(input: &str, key: Result<&Keyring, &Diagnostic>, options: &VerifyOptions) -> VerifyReport {
    // The common case, a compact token with its payload attached, skips decode's costliest lint
    // (an HMAC per well-known secret) and decides it from the key that verified (`known_secret`).
    let token = decode_for_verify(input);
    if token.signatures.is_empty() && token.b64 && !token.detached {
        return verify_one(token, key, options, KnownSecret::Decide);
    }
    let token = decode(input);
    if !cfg!(feature = "kinds") || token.signatures.is_empty() {
        verify_decoded(token, key, options)
    } else {
        crate::jws_json_verify::verify_each(token, key, options)
    }
}

/// Verifies one decoded JWS (a compact token, or one signature of a JSON serialization).
pub(crate) fn verify_decoded(token: UntrustedToken, key: Result<&Keyring, &Diagnostic>, options: &VerifyOptions) -> VerifyReport {
    verify_one(token, key, options, KnownSecret::FromDecode)
}

fn verify_one(mut token: UntrustedToken, key: Result<&Keyring, &Diagnostic>, options: &VerifyOptions, known: KnownSecret) -> VerifyReport {
    let payload_check = crate::signing_input::attach_detached(&mut token, options);
    let mut report = VerifyReport {
        valid: false,
        signature_valid: false,
        key_thumbprint: None,
        checks: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        signature_index: None,
        matched_kid: None,
        matched_index: None,
        token,
    };
    for d in &report.token.diagnostics {
        match (d.severity, d.code) {
            // A disclosure that matches no digest is a warning to read, but a token to refuse.
            (Severity::Error, _) | (_, Code::DuplicateMember | Code::SdDigestMismatch) => report.errors.push(d.clone().at(Severity::Error)),
            // The alg and crit checks report these themselves.
            (_, Code::AlgNone | Code::UnsupportedAlg | Code::CritUnsupported) => {}
            _ => report.warnings.push(d.clone()),
        }
    }
    // Where decode's `known_secret` finding, the last of its lint, goes (see `known_secret`).
    let known_at = (known == KnownSecret::Decide).then_some(report.warnings.len());
    let format = format_check(&report.token);
    let well_formed = format.ok && report.errors.is_empty();
    report.checks.push(format);
    report.checks.extend(payload_check);
    let decided = well_formed && run_checks(&mut report, key, options, known_at);
    if let (Some(at), false) = (known_at, decided) {
        known_secret(&mut report, at, None);
    }
    // A format failure is already explained by decode's errors, unless decode found none (a JWE).
    let explained = !report.errors.is_empty();
    let already_explained = |c: &Check| explained && c.name == "format";
    let needs_error = |c: &&Check| !c.ok && !already_explained(c);
    for check in report.checks.iter().filter(needs_error) {
        report.errors.push(Diagnostic::error(check.code.unwrap_or(Code::Internal), check.message.clone()));
    }
    report.valid = report.signature_valid && report.errors.is_empty() && report.checks.iter().all(|c| c.ok);
    report
}

fn format_check(token: &UntrustedToken) -> Check {
    match token.kind {
        TokenKind::Jws | TokenKind::Unsecured => {
            Check::pass("format", format!("A well-formed JWS ({} serialization).", token.serialization.as_str()))
        }
        TokenKind::Jwe => Check::fail("format", Code::Malformed, "This is an encrypted token (JWE); jwt-lens cannot decrypt it."),
        TokenKind::Invalid => {
            let code = token.diagnostics.iter().find(|d| d.severity == Severity::Error).map_or(Code::Malformed, |d| d.code);
            Check::fail("format", code, "The token is not a well-formed compact JWS.")
        }
    }
}

/// The checks after the format. With `known_at`, also decides `known_secret` (true when it did).
fn run_checks(report: &mut VerifyReport, key: Result<&Keyring, &Diagnostic>, options: &VerifyOptions, known_at: Option<usize>) -> bool {
    let Some(header) = report.token.header.clone() else { return false };
    let alg = alg_check(report, key.ok(), options);
    let candidates = match key {
        Err(d) => {
            report.checks.push(Check::fail("key", d.code, d.message.clone()));
            Vec::new()
        }
        Ok(ring) => {
            report.warnings.extend(ring.notes.iter().cloned());
            select_keys(report, ring, alg)
        }
    };
    let typed_secret = key.ok().and_then(|ring| ring.secret_text.as_ref());
    report.checks.push(crit_check(&header, options));
    report.checks.extend(crate::signing_input::b64_check(&header, options));
    if let Some(alg) = alg.filter(|_| !candidates.is_empty()) {
        signature_check(report, alg, &candidates);
        if !report.signature_valid {
            if let Some(typed) = typed_secret {
                crate::explain::secret_encoding(report, alg, typed);
            }
        }
    }
    if let Some(at) = known_at {
        let verified = |k: &&PreparedKey| report.signature_valid && report.key_thumbprint.as_ref() == Some(&k.thumbprint);
        let verified_with = candidates.iter().copied().find(verified);
        known_secret(report, at, verified_with);
    }
    if let Ok(ring) = key {
        warn_if_known(report, ring);
        name_matched_key(report, ring);
    }
    match &report.token.payload {
        Some(Payload::Json(claims @ Json::Object(_))) => {
            report.warnings.extend(remaining_lifetime(claims, options.now));
            report.checks.extend(check_claims(claims, &header, options));
        }
        // A JWS may carry any payload; only when the caller asks for claims must it be a claims set.
        Some(Payload::Json(_) | Payload::Text(_) | Payload::Binary(_)) if !wants_claims(options) => {
            report
                .checks
                .push(Check::pass("claims", "The payload is not a JSON object: a JWS but not a JWT, so there are no claims to check."));
        }
        Some(Payload::Json(other)) => report.checks.push(Check::fail(
            "claims",
            Code::ClaimType,
            format!("The payload is {}; a JWT claims set is a JSON object.", other.type_name()),
        )),
        Some(Payload::Text(_) | Payload::Binary(_)) => report.checks.push(Check::fail(
            "claims",
            Code::InvalidJson,
            "The payload is not JSON, so the claims asked for cannot be checked.",
        )),
        None => {}
    }
    known_at.is_some()
}

/// Whether the options ask for anything only a JWT claims set can satisfy.
fn wants_claims(options: &VerifyOptions) -> bool {
    options.issuer.is_some()
        || options.audience.is_some()
        || options.subject.is_some()
        || !options.required_claims.is_empty()
        || options.max_token_age.is_some()
}

fn alg_check(report: &mut VerifyReport, ring: Option<&Keyring>, options: &VerifyOptions) -> Option<&'static Alg> {
    let name = report.token.alg().unwrap_or_default().to_owned();
    let allowed: Vec<String> = match (&options.algorithms, ring) {
        (Some(list), _) => list.clone(),
        (None, Some(ring)) => ring.keys.iter().flat_map(PreparedKey::algorithms).map(|a| a.name.to_owned()).collect(),
        (None, None) => alg::supported_in(Family::Hmac).map(|a| a.name.to_owned()).collect(),
    };
    let check = match alg::lookup(&name) {
        _ if name == "none" => Check::fail("alg", Code::AlgNone, "The token is unsecured (alg none); it is never accepted."),
        None => Check::fail("alg", Code::UnsupportedAlg, format!("\"{name}\" is not a registered JWS algorithm.")),
        Some(a) if !a.supported => {
            Check::fail("alg", Code::UnsupportedAlg, format!("{name} is registered but this build cannot verify it yet."))
        }
        Some(a) if !allowed.contains(&name) => {
            // The caller left the choice to the key, and no key is of the right type or curve.
            let keys: Vec<&PreparedKey> = ring.map(|r| r.keys.iter().collect()).unwrap_or_default();
            match key_alg_mismatch(a, &keys).filter(|_| options.algorithms.is_none() && !keys.is_empty()) {
                Some(why) => Check::fail("alg", Code::KeyAlgMismatch, why),
                None => {
                    Check::fail("alg", Code::AlgNotAllowed, format!("{name} is not among the allowed algorithms ({}).", allowed.join(", ")))
                }
            }
        }
        Some(a) => {
            report.checks.push(Check::pass("alg", format!("{name} is allowed.")));
            return Some(a);
        }
    };
    report.checks.push(check);
    None
}

/// RFC 7515 §4.1.11: `crit` is a non-empty array of unregistered names the header carries,
/// every one of which must be understood.
pub(crate) fn crit_check(header: &Json, options: &VerifyOptions) -> Check {
    let Some(crit) = header.get("crit") else { return Check::pass("crit", "No critical extensions.") };
    let names: Option<Vec<&str>> = crit.as_array().filter(|a| !a.is_empty()).and_then(|a| a.iter().map(Json::as_str).collect());
    let Some(names) = names else {
        return Check::fail("crit", Code::CritUnsupported, "\"crit\" must be a non-empty array of strings (RFC 7515 §4.1.11).");
    };
    if let Some(name) = names.iter().find(|n| REGISTERED_PARAMS.contains(n)) {
        return Check::fail("crit", Code::CritUnsupported, format!("\"crit\" lists \"{name}\", a registered parameter it may not name."));
    }
    if let Some(name) = names.iter().find(|n| header.get(n).is_none()) {
        return Check::fail("crit", Code::CritUnsupported, format!("\"crit\" lists \"{name}\" but the header does not carry it."));
    }
    if let Some(name) = names.iter().find(|n| !understood_extension(n, options)) {
        let why = if *name == "b64" { " unless the option supportsB64 is true (RFC 7797)" } else { "" };
        return Check::fail(
            "crit",
            Code::CritUnsupported,
            format!("\"crit\" requires the extension \"{name}\", which jwt-lens does not process{why}."),
        );
    }
    Check::pass("crit", "Every critical extension is understood.")
}

/// The only extension processed is RFC 7797 `b64`, and only behind `supportsB64`.
fn understood_extension(name: &str, options: &VerifyOptions) -> bool {
    name == "b64" && options.supports_b64
}
