//! Wycheproof's ECDSA (P1363 = JWS form), Ed25519, RSASSA-PKCS1-v1_5 and RSASSA-PSS files through
//! the engine's key import (PEM) and verification; every DER-encoded ECDSA signature must be
//! rejected (JWS uses raw r || s).
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(all(feature = "ecdsa", feature = "eddsa", feature = "rsa"))]

mod common;

use common::{hex, vector};
use jwt_lens::asymmetric::Asymmetric;
use jwt_lens::key::Material;
use jwt_lens::{import_key, SecretEncoding};

fn key_of(pem: &str) -> Option<Asymmetric> {
    let ring = import_key(pem, SecretEncoding::Utf8).ok()?;
    match &ring.keys.first()?.material {
        Material::Asymmetric(key) => Some((**key).clone()),
        _ => None,
    }
}

/// Runs a file; `der` marks the DER files, where nothing may verify.
fn run(file: &str, der: bool) {
    run_as(file, der, None);
}

/// Runs a file with the JWS algorithm its signatures use (RSA needs it; the curve decides ECDSA).
fn run_as(file: &str, der: bool, alg_name: Option<&str>) {
    let Some(suite) = vector(file) else { return };
    let (mut accepted, mut rejected) = (0, 0);
    for group in suite["testGroups"].as_array().unwrap() {
        let key = key_of(group["publicKeyPem"].as_str().unwrap());
        for case in group["tests"].as_array().unwrap() {
            let msg = hex(case["msg"].as_str().unwrap());
            let sig = hex(case["sig"].as_str().unwrap());
            let alg = alg_name.or_else(|| key.as_ref().and_then(|k| k.algorithms().first().map(|a| a.name)));
            let alg = alg.and_then(jwt_lens::alg::lookup);
            let got = key.as_ref().zip(alg).is_some_and(|(k, alg)| k.verify(alg, &msg, &sig).is_ok());
            let label = case["result"].as_str().unwrap();
            let context = format!("{file} tcId {} ({}, {label})", case["tcId"], case["comment"]);
            match (der, label) {
                (true, _) => assert!(!got, "{context}: a DER signature must never verify"),
                (false, "valid") => assert!(got, "{context}"),
                (false, "invalid") => assert!(!got, "{context}"),
                _ => {} // "acceptable": either outcome is allowed
            }
            if got {
                accepted += 1
            } else {
                rejected += 1
            }
        }
    }
    assert!(rejected > 0 && (der || accepted > 0), "{file}: {accepted} accepted, {rejected} rejected");
}

dual_test! {
    fn ecdsa_p256_p1363() {
        run("wycheproof/ecdsa_secp256r1_sha256_p1363_test.json", false);
    }
}

dual_test! {
    fn ecdsa_p384_p1363() {
        run("wycheproof/ecdsa_secp384r1_sha384_p1363_test.json", false);
    }
}

dual_test! {
    fn ecdsa_p521_p1363() {
        run("wycheproof/ecdsa_secp521r1_sha512_p1363_test.json", false);
    }
}

dual_test! {
    fn ecdsa_secp256k1_p1363() {
        run("wycheproof/ecdsa_secp256k1_sha256_p1363_test.json", false);
    }
}

dual_test! {
    fn every_der_ecdsa_signature_is_rejected() {
        for file in ["ecdsa_secp256r1_sha256_test.json", "ecdsa_secp384r1_sha384_test.json", "ecdsa_secp521r1_sha512_test.json"] {
            run(&format!("wycheproof/{file}"), true);
        }
    }
}

dual_test! {
    fn ed25519() {
        run("wycheproof/ed25519_test.json", false);
    }
}

dual_test! {
    fn rsa_pkcs1_v1_5() {
        for bits in [2048, 3072, 4096] {
            for (sha, alg) in [(256, "RS256"), (384, "RS384"), (512, "RS512")] {
                run_as(&format!("wycheproof/rsa_signature_{bits}_sha{sha}_test.json"), false, Some(alg));
            }
        }
    }
}

dual_test! {
    fn rsa_pss_with_the_hash_length_salt() {
        for (file, alg) in [
            ("rsa_pss_2048_sha256_mgf1_32_test.json", "PS256"),
            ("rsa_pss_3072_sha256_mgf1_32_test.json", "PS256"),
            ("rsa_pss_4096_sha256_mgf1_32_test.json", "PS256"),
            ("rsa_pss_2048_sha384_mgf1_48_test.json", "PS384"),
            ("rsa_pss_4096_sha384_mgf1_48_test.json", "PS384"),
            ("rsa_pss_4096_sha512_mgf1_64_test.json", "PS512"),
        ] {
            run_as(&format!("wycheproof/{file}"), false, Some(alg));
        }
    }
}
