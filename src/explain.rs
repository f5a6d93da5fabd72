//! "What did you probably mean?": when `verify` fails, the likely mistakes are tried and the
//! one that explains the failure is reported (issue 4). Nothing here ever makes a token valid.

use crate::alg::{Alg, Family};
use crate::error::{Code, Diagnostic};
use crate::hmac::HmacKey;
use crate::key::{Material, PreparedKey, SecretText};
use crate::secret::other_readings;
use crate::verify::VerifyReport;

/// Whether the key's type (and curve) can make `alg` signatures, whatever its JWK `alg` says.
pub(crate) fn type_fits(key: &PreparedKey, alg: &Alg) -> bool {
    match &key.material {
        Material::Secret(_) => alg.family == Family::Hmac,
        Material::Asymmetric(asymmetric) => asymmetric.fits(alg),
        Material::Unsupported(_) => false,
    }
}

/// "an EC key on P-384", "an RSA key (2048 bits)", "an HMAC secret".
fn describe_key(key: &PreparedKey) -> String {
    match &key.material {
        Material::Secret(_) => "an HMAC secret".into(),
        Material::Asymmetric(a) => match a.curve() {
            Some(curve) => format!("an {} key on {curve}", a.kty()),
            None => format!("an {} key ({} bits)", a.kty(), a.bits()),
        },
        Material::Unsupported(kty) => format!("a JWK of kty \"{kty}\" this build cannot use"),
    }
}

/// What `alg` needs: "an HMAC secret", "an EC key on P-256", "an RSA key".
fn needs(alg: &Alg) -> String {
    match (alg.family, alg.curve) {
        (Family::Hmac, _) => "an HMAC secret (text or an oct JWK)".into(),
        (_, Some(curve)) => format!("an {} key on {curve}", alg.kty),
        (_, None) => format!("an {} key", alg.kty),
    }
}

/// Why no key given can make `alg` signatures by type or curve, saying what it needs.
/// `None` when some key's type fits (then a JWK `alg` pin or `use` is what excludes it).
pub(crate) fn key_alg_mismatch(alg: &Alg, keys: &[&PreparedKey]) -> Option<String> {
    if keys.iter().any(|k| type_fits(k, alg)) {
        return None;
    }
    let given = match keys {
        [only] => format!("the key given is {}", describe_key(only)),
        keys => format!("none of the {} keys given is", keys.len()),
    };
    Some(format!("The token says {}, which needs {}; {given}.", alg.name, needs(alg)))
}

/// The signature failed: would the same secret text, read in another encoding, have verified?
pub(crate) fn secret_encoding(report: &mut VerifyReport, alg: &Alg, typed: &SecretText) {
    let (Some(input), Some(signature), Some(hash)) = (&report.token.signing_input, &report.token.signature, alg.hash) else { return };
    let readings = other_readings(&typed.text, typed.encoding);
    let verifies = |bytes: &Vec<u8>| HmacKey::new(bytes).is_some_and(|key| key.verify(hash, input.as_bytes(), signature));
    if let Some((encoding, _)) = readings.iter().find(|(_, bytes)| verifies(bytes)) {
        report.errors.push(
            Diagnostic::error(
                Code::SecretEncodingHint,
                format!("The signature verifies when the secret is read as {} instead of {}.", encoding.name(), typed.encoding.name()),
            )
            .with_hint(format!("Set the secret encoding to {} (secretEncoding: \"{}\").", encoding.name(), encoding.name())),
        );
    }
}
