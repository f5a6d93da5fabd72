//! Which of the caller's keys `verify` tries for a token, trying them on its signature, and
//! naming the one that verified (a JWK Set's `matchedKid` / `matchedIndex`).

use crate::alg::Alg;
use crate::asymmetric::Rejection;
use crate::claims::Check;
use crate::error::{Code, Diagnostic};
use crate::explain::{key_alg_mismatch, type_fits};
use crate::key::{KeyFormat, Keyring, Material, PreparedKey};
use crate::verify::VerifyReport;

/// Whether `key` may check `alg`: its type fits the family (an asymmetric key is never an HMAC
/// secret), its curve fits, and a JWK `alg` pins it.
pub(crate) fn fits(key: &PreparedKey, alg: &Alg) -> bool {
    type_fits(key, alg) && key.alg.as_deref().is_none_or(|pinned| pinned == alg.name)
}

pub(crate) fn select_keys<'r>(report: &mut VerifyReport, ring: &'r Keyring, alg: Option<&Alg>) -> Vec<&'r PreparedKey> {
    let Some(alg) = alg else { return Vec::new() };
    let kid = report.kid().map(str::to_owned);
    let mut candidates: Vec<&PreparedKey> = ring.keys.iter().collect();
    if let (KeyFormat::Jwks, Some(kid)) = (ring.format, kid.as_deref()) {
        if ring.ambiguous_kids.iter().any(|k| k == kid) {
            report.checks.push(Check::fail(
                "key",
                Code::InvalidKey,
                format!("More than one key in the set has kid \"{kid}\"; which one is meant is ambiguous, so none is used."),
            ));
            return Vec::new();
        }
        candidates.retain(|k| k.kid.as_deref() == Some(kid));
        if candidates.is_empty() {
            let present: Vec<&str> = ring.keys.iter().filter_map(|k| k.kid.as_deref()).collect();
            report.checks.push(Check::fail("key", Code::KeyNotFound, format!("No key has kid \"{kid}\"; the set has {present:?}.")));
            return candidates;
        }
    }
    let usable: Vec<&PreparedKey> = candidates.iter().copied().filter(|k| k.usage.allows("verify")).collect();
    if usable.is_empty() {
        report.checks.push(Check::fail("key", Code::KeyAlgMismatch, "The key's \"use\" or \"key_ops\" does not allow verification."));
        return usable;
    }
    let fitting: Vec<&PreparedKey> = usable.into_iter().filter(|k| fits(k, alg)).collect();
    if fitting.is_empty() {
        let why = key_alg_mismatch(alg, &candidates).unwrap_or_else(|| format!("No key given can be used with {}.", alg.name));
        report.checks.push(Check::fail("key", Code::KeyAlgMismatch, why));
    } else {
        report.checks.push(Check::pass("key", format!("{} key(s) fit {}.", fitting.len(), alg.name)));
    }
    fitting
}

pub(crate) fn signature_check(report: &mut VerifyReport, alg: &Alg, candidates: &[&PreparedKey]) {
    let (Some(input), Some(signature)) = (&report.token.signing_input, &report.token.signature) else { return };
    let mut matched = None;
    let mut der_encoded = false;
    for (i, key) in candidates.iter().enumerate() {
        let ok = match (&key.material, alg.hash) {
            (Material::Secret(secret), Some(hash)) => secret.verify(hash, input.as_bytes(), signature),
            (Material::Asymmetric(asymmetric), _) => match asymmetric.verify(alg, input.as_bytes(), signature) {
                Ok(()) => true,
                Err(rejection) => {
                    der_encoded |= rejection == Rejection::DerEncoded;
                    false
                }
            },
            _ => false,
        };
        if ok {
            matched = Some((i, *key));
            break;
        }
    }
    let Some((index, key)) = matched else {
        let tried = if candidates.len() > 1 { format!(" with any of the {} keys tried", candidates.len()) } else { String::new() };
        if let [only] = candidates {
            report.key_thumbprint = Some(only.thumbprint.clone());
            warn_if_weak(report, alg, only);
        }
        report.checks.push(if der_encoded {
            Check::fail(
                "signature",
                Code::SignatureDerEncoded,
                format!(
                    "The {} signature is ASN.1 DER (as OpenSSL and Java emit); JWS needs the raw r || s form (RFC 7518 §3.4).",
                    alg.name
                ),
            )
        } else {
            Check::fail("signature", Code::SignatureInvalid, format!("The {} signature does not verify{tried}.", alg.name))
        });
        return;
    };
    report.signature_valid = true;
    report.key_thumbprint = Some(key.thumbprint.clone());
    let which = if candidates.len() > 1 {
        format!(" with key #{index}{}", key.kid.as_deref().map(|k| format!(" (kid \"{k}\")")).unwrap_or_default())
    } else {
        String::new()
    };
    report.checks.push(Check::pass("signature", format!("The {} signature verifies{which}.", alg.name)));
    warn_if_weak(report, alg, key);
}

/// Which key of a JWK Set verified, so a person can find it in the set they pasted.
pub(crate) fn name_matched_key(report: &mut VerifyReport, ring: &Keyring) {
    if !report.signature_valid || ring.format != KeyFormat::Jwks {
        return;
    }
    let Some(thumbprint) = report.key_thumbprint.as_ref() else { return };
    if let Some((index, key)) = ring.keys.iter().enumerate().find(|(_, k)| &k.thumbprint == thumbprint) {
        report.matched_index = Some(index);
        report.matched_kid = key.kid.clone();
    }
}

/// RFC 7518 §3.2: an HMAC key must be at least as long as the hash output.
fn warn_if_weak(report: &mut VerifyReport, alg: &Alg, key: &PreparedKey) {
    if let (Material::Secret(secret), Some(hash)) = (&key.material, alg.hash) {
        if secret.len() < hash.output_len() {
            report.warnings.push(
                Diagnostic::warning(
                    Code::WeakKey,
                    format!("The secret is {} bytes; {} needs at least {} (RFC 7518 §3.2).", secret.len(), alg.name, hash.output_len()),
                )
                .with_hint("Anyone who guesses a short secret can sign tokens; generate a random one."),
            );
        }
    }
}
