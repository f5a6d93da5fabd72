//! `verify`'s side of the `known_secret` lint: where its finding comes from, and the warning
//! when the caller's own secret is a published demo secret.

use crate::alg;
use crate::error::{Code, Diagnostic};
use crate::key::{Keyring, Material, PreparedKey};
use crate::lint::{is_known_secret, known_secret_of_verifying_key, known_secret_used};
use crate::verify::VerifyReport;

/// Where a verify report's `known_secret` lint finding comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum KnownSecret {
    /// Decode's full lint made it (or found none): it is among the token's diagnostics.
    FromDecode,
    /// The token was decoded without it (`decode_for_verify`): `known_secret` adds it.
    Decide,
}

/// Decode's `known_secret` lint finding, placed where decode would have put it, decided
/// cheaply when an HMAC secret of the caller's verified the signature (the token's secret is
/// then that one), and by trying every listed secret otherwise, as `decode` does.
pub(crate) fn known_secret(report: &mut VerifyReport, at: usize, verified_with: Option<&PreparedKey>) {
    let finding = match (verified_with.map(|k| &k.material), report.alg().and_then(alg::lookup).and_then(|a| a.hash)) {
        (Some(Material::Secret(secret)), Some(hash)) => known_secret_of_verifying_key(secret.bytes(), hash),
        _ => known_secret_used(&report.token),
    };
    if let Some(finding) = finding {
        report.token.diagnostics.push(finding.clone());
        report.warnings.insert(at.min(report.warnings.len()), finding);
    }
}

/// The caller's own secret is a published demo secret (decode only notices when the token's
/// signature verifies with one; this also catches a known secret that does not verify).
pub(crate) fn warn_if_known(report: &mut VerifyReport, ring: &Keyring) {
    if report.warnings.iter().any(|d| d.code == Code::KnownSecret) {
        return;
    }
    let known = ring.keys.iter().find_map(|k| match &k.material {
        Material::Secret(secret) => is_known_secret(secret.bytes()),
        _ => None,
    });
    if let Some(name) = known {
        report.warnings.push(
            Diagnostic::warning(Code::KnownSecret, format!("Your secret is the well-known demo secret \"{name}\"."))
                .with_hint("Anyone who has seen the same tutorial can sign tokens with it; generate a random secret (generateKey)."),
        );
    }
}
