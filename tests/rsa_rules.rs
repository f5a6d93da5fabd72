//! RSA key rules: size, exponent, and RS*/PS* never standing in for each other.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "rsa")]

mod common;

use common::vector;
use jwt_lens::b64::{decode as b64d, encode as b64e};
use jwt_lens::{import_key, parse_verify_options, sign, verify_with_key_text, Code, SecretEncoding};
use serde_json::{json, Value};

fn rfc_key() -> Option<(Value, Value)> {
    let file = vector("rfc/rfc7515_appendix_a.json")?;
    let a2 = file["cases"].as_array().unwrap().iter().find(|c| c["id"] == "A.2").unwrap().clone();
    Some((a2["jwk"].clone(), a2["verify_jwk"].clone()))
}

fn codes(report: &jwt_lens::VerifyReport) -> Vec<Code> {
    report.errors.iter().map(|e| e.code).collect()
}

dual_test! {
    fn small_moduli_and_bad_exponents_are_refused() {
        let Some((_, public)) = rfc_key() else { return };
        let mut n = b64d(public["n"].as_str().unwrap()).unwrap();
        n.truncate(128);
        *n.last_mut().unwrap() |= 1;
        let small = json!({"kty": "RSA", "n": b64e(&n), "e": "AQAB"});
        assert_eq!(import_key(&small.to_string(), SecretEncoding::Utf8).err().map(|d| d.code), Some(Code::WeakKey));
        for e in ["AQAA", "AQ", "Ag"] {
            let bad = json!({"kty": "RSA", "n": public["n"], "e": e});
            assert_eq!(import_key(&bad.to_string(), SecretEncoding::Utf8).err().map(|d| d.code), Some(Code::InvalidKey), "e = {e}");
        }
    }
}

dual_test! {
    fn rs256_and_ps256_never_stand_in_for_each_other() {
        let Some((private, public)) = rfc_key() else { return };
        let ring = import_key(&private.to_string(), SecretEncoding::Utf8).unwrap();
        let rs = sign(r#"{"alg":"RS256"}"#, r#"{"sub":"x"}"#, &ring).unwrap();
        let (_, rest) = rs.split_once('.').unwrap();
        let relabelled = format!("{}.{rest}", b64e(br#"{"alg":"PS256"}"#));
        let options = parse_verify_options("", 0.0).unwrap();
        let report = verify_with_key_text(&relabelled, &public.to_string(), &options);
        assert!(!report.signature_valid && codes(&report).contains(&Code::SignatureInvalid));
        assert!(verify_with_key_text(&rs, &public.to_string(), &options).valid);

        let mut pinned = public.clone();
        pinned["alg"] = json!("RS256");
        let ps_token = format!("{}.{rest}", b64e(br#"{"alg":"PS256"}"#));
        let report = verify_with_key_text(&ps_token, &pinned.to_string(), &options);
        assert!(codes(&report).contains(&Code::AlgNotAllowed), "{:?}", report.errors);
    }
}

dual_test! {
    fn an_rsa_key_is_never_an_hmac_secret() {
        let Some((_, public)) = rfc_key() else { return };
        let n = public["n"].as_str().unwrap();
        let forged_input = format!("{}.{}", b64e(br#"{"alg":"HS256"}"#), b64e(br#"{"sub":"admin"}"#));
        let forged = format!("{forged_input}.{}", b64e(&[0_u8; 32]));
        let options = parse_verify_options(r#"{"algorithms":["HS256"]}"#, 0.0).unwrap();
        let report = verify_with_key_text(&forged, &public.to_string(), &options);
        assert!(!report.signature_valid && codes(&report).contains(&Code::KeyAlgMismatch), "{:?}", report.errors);
        // The modulus bytes themselves, offered as a secret, are just a secret: the caller chose that.
        let report = verify_with_key_text(&forged, n, &options);
        assert!(!report.signature_valid);
    }
}
