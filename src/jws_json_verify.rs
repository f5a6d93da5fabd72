//! Verifying a JWS JSON serialization: each signature is checked on its own, as the compact
//! JWS it stands for (its merged header, `protected.payload` as the signing input). The token
//! is valid when one signature verifies with a key the caller supplied and its checks pass;
//! the report says which, and keeps every attempt as a `signature[i]` check.

use crate::claims::Check;
use crate::decode::UntrustedToken;
use crate::error::{Code, Diagnostic};
use crate::jws_json::MAX_SIGNATURES;
use crate::key::Keyring;
use crate::options::VerifyOptions;
use crate::verify::{verify_decoded, VerifyReport};

/// Check names, one per readable signature (check names are static text).
const SIGNATURE_CHECKS: [&str; MAX_SIGNATURES] = [
    "signature[0]",
    "signature[1]",
    "signature[2]",
    "signature[3]",
    "signature[4]",
    "signature[5]",
    "signature[6]",
    "signature[7]",
    "signature[8]",
    "signature[9]",
    "signature[10]",
    "signature[11]",
    "signature[12]",
    "signature[13]",
    "signature[14]",
    "signature[15]",
];

/// The token as the compact JWS its signature `index` stands for.
fn view(token: &UntrustedToken, index: usize) -> Option<UntrustedToken> {
    let entry = token.signatures.get(index)?;
    let first = token.signatures.first()?;
    let payload = token.signing_input.as_deref()?.get(first.protected_b64.len() + 1..)?;
    let mut view = token.clone();
    view.header.clone_from(&entry.header);
    view.header_json.clone_from(&entry.header_json);
    view.signature.clone_from(&entry.signature);
    view.signature_b64 = Some(entry.signature_b64.clone());
    view.signing_input = Some(format!("{}.{payload}", entry.protected_b64));
    Some(view)
}

/// Verifies every signature of `token` (a JSON serialization) and reports the one that verified.
pub(crate) fn verify_each(token: UntrustedToken, key: Result<&Keyring, &Diagnostic>, options: &VerifyOptions) -> VerifyReport {
    let attempts: Vec<VerifyReport> =
        (0..token.signatures.len()).filter_map(|i| view(&token, i)).map(|view| verify_decoded(view, key, options)).collect();
    let chosen = attempts.iter().position(|r| r.valid).or_else(|| attempts.iter().position(|r| r.signature_valid)).unwrap_or(0);
    let summaries: Vec<Check> = attempts.iter().zip(SIGNATURE_CHECKS).enumerate().map(|(i, (r, name))| summary(i, name, r)).collect();
    let Some(mut report) = attempts.into_iter().nth(chosen) else { return verify_decoded(token, key, options) };
    report.signature_index = report.signature_valid.then_some(chosen);
    report.checks.splice(0..0, summaries);
    report
}

/// One signature's attempt: whether it verified, and if not, the first reason.
fn summary(index: usize, name: &'static str, attempt: &VerifyReport) -> Check {
    let alg = attempt.alg().unwrap_or("no alg");
    let kid = attempt.kid().map(|k| format!(", kid \"{k}\"")).unwrap_or_default();
    if attempt.signature_valid {
        let verdict = if attempt.valid { "and every check passes" } else { "but a check fails" };
        return Check::pass(name, format!("Signature {index} ({alg}{kid}) verifies with your key {verdict}."));
    }
    let reason = attempt.checks.iter().find(|c| !c.ok).or_else(|| attempt.checks.iter().find(|c| c.name == "signature"));
    let (code, why) = match reason {
        Some(check) => (check.code.unwrap_or(Code::SignatureInvalid), check.message.clone()),
        None => (Code::SignatureInvalid, "No key given could be tried.".to_owned()),
    };
    Check::fail(name, code, format!("Signature {index} ({alg}{kid}) does not verify: {why}"))
}
