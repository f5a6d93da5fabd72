//! RFC 7515 Appendix A.1, RFC 7519 §3.1 and §6.1, through the public API.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::vector;
use jwt_lens::{decode, parse_verify_options, verify_with_key_text, Code, TokenKind};

/// 2011-03-22T18:42:00Z, one minute before the examples' `exp`.
const BEFORE_EXP: f64 = 1_300_819_320.0;

fn case<'a>(file: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    file["cases"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()
}

fn verify_at(token: &str, jwk: &serde_json::Value, now: f64) -> jwt_lens::VerifyReport {
    let options = parse_verify_options("", now).unwrap();
    verify_with_key_text(token, &jwk.to_string(), &options)
}

dual_test! {
    fn rfc7515_a1_hs256_verifies_before_exp_and_expires_after() {
        let Some(file) = vector("rfc/rfc7515_appendix_a.json") else { return };
        let a1 = case(&file, "A.1");
        let token = a1["compact"].as_str().unwrap();
        let report = verify_at(token, &a1["jwk"], BEFORE_EXP);
        assert!(report.valid, "{:?}", report.errors);
        // The signing input is the received segments, CRLFs and all: the decoded text is exact.
        assert_eq!(report.token.header_json.as_deref(), a1["protected_header"].as_str());
        assert_eq!(report.token.payload_json.as_deref(), a1["payload"].as_str());

        let later = verify_at(token, &a1["jwk"], 1_300_819_380.0);
        assert!(later.signature_valid && !later.valid);
        assert_eq!(later.errors.iter().map(|e| e.code).collect::<Vec<_>>(), vec![Code::Expired]);
    }
}

dual_test! {
    fn rfc7515_a1_with_another_key_is_invalid() {
        let Some(file) = vector("rfc/rfc7515_appendix_a.json") else { return };
        let a1 = case(&file, "A.1");
        let mut jwk = a1["jwk"].clone();
        jwk["k"] = serde_json::Value::String("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAoA".into());
        let report = verify_at(a1["compact"].as_str().unwrap(), &jwk, BEFORE_EXP);
        assert!(!report.signature_valid && !report.valid);
        assert!(report.errors.iter().any(|e| e.code == Code::SignatureInvalid));
    }
}

dual_test! {
    fn rfc7519_3_1_verifies_and_6_1_unsecured_is_never_accepted() {
        let Some(file) = vector("rfc/rfc7519_examples.json") else { return };
        let signed = case(&file, "3.1");
        let report = verify_at(signed["compact"].as_str().unwrap(), &signed["jwk"], BEFORE_EXP);
        assert!(report.valid, "{:?}", report.errors);

        let unsecured = case(&file, "6.1");
        let token = unsecured["compact"].as_str().unwrap();
        assert_eq!(decode(token).kind, TokenKind::Unsecured);
        let report = verify_at(token, &signed["jwk"], BEFORE_EXP);
        assert!(!report.valid && !report.signature_valid);
        assert!(report.errors.iter().any(|e| e.code == Code::AlgNone));
    }
}
