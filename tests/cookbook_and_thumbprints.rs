//! The IETF JOSE cookbook's JWS examples (RFC 7520 §4, compact form; the JSON forms belong to the
//! JSON-serialization work) and the RFC 7638 / RFC 8037 thumbprint examples.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(all(feature = "rsa", feature = "ecdsa", feature = "eddsa"))]

mod common;

use common::vector;
use jwt_lens::{import_key, parse_verify_options, verify_with_key_text, SecretEncoding};

dual_test! {
    fn cookbook_compact_jws_examples_verify_and_tampering_is_caught() {
        let options = parse_verify_options("", 0.0).unwrap();
        let mut seen = 0;
        for file in ["4_1.rsa_v15_signature", "4_2.rsa-pss_signature", "4_3.ecdsa_signature", "4_4.hmac-sha2_integrity_protection"] {
            let Some(example) = vector(&format!("ietf-jose-cookbook/jws/{file}.json")) else { return };
            let compact = example["output"]["compact"].as_str().unwrap();
            let key = example["input"]["key"].to_string();
            let report = verify_with_key_text(compact, &key, &options);
            assert!(report.valid, "{file}: {:?}", report.errors);
            let mut tampered = compact.to_string();
            tampered.pop();
            tampered.push(if compact.ends_with('A') { 'B' } else { 'A' });
            assert!(!verify_with_key_text(&tampered, &key, &options).signature_valid, "{file}: tampered");
            seen += 1;
        }
        assert_eq!(seen, 4);
    }
}

dual_test! {
    fn rfc_7638_and_8037_thumbprints() {
        let Some(file) = vector("rfc/rfc7638_thumbprints.json") else { return };
        for case in file["cases"].as_array().unwrap() {
            let ring = import_key(&case["jwk"].to_string(), SecretEncoding::Utf8).unwrap();
            assert_eq!(ring.keys[0].thumbprint, case["thumbprint_b64u"].as_str().unwrap(), "{}", case["id"]);
        }
    }
}
