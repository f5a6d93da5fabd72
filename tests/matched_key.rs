//! `matchedKid` / `matchedIndex`: which key of a JWK Set verified, by its `kid` or, for a
//! token without one, by trying each key in order. A single key is not a set: both stay empty.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use jwt_lens::{parse_verify_options, sign_with_key_text, verify_with_key_text, SecretEncoding, VerifyOptions};
use serde_json::json;

fn oct(kid: Option<&str>, secret_b64url: &str) -> serde_json::Value {
    let mut jwk = json!({ "kty": "oct", "k": secret_b64url, "alg": "HS256" });
    if let Some(kid) = kid {
        jwk["kid"] = json!(kid);
    }
    jwk
}

// Three 32-byte secrets, base64url, distinct.
const K0: &str = "MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA";
const K1: &str = "MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE";
const K2: &str = "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI";

fn options() -> VerifyOptions {
    parse_verify_options("", 0.0).unwrap()
}

dual_test! {
    fn the_set_key_that_verified_is_named_by_kid_and_position() {
        let set = json!({ "keys": [oct(Some("a"), K0), oct(Some("b"), K1), oct(None, K2)] }).to_string();
        let by_kid = sign_with_key_text(r#"{"alg":"HS256","kid":"b"}"#, r#"{"sub":"1"}"#, &oct(Some("b"), K1).to_string(), SecretEncoding::Utf8).unwrap();
        let report = verify_with_key_text(&by_kid, &set, &options());
        assert!(report.valid, "{:?}", report.errors);
        assert_eq!((report.matched_kid.as_deref(), report.matched_index), (Some("b"), Some(1)));

        // No kid in the token: each fitting key is tried, and the third (which has no kid) verifies.
        let no_kid = sign_with_key_text(r#"{"alg":"HS256"}"#, r#"{"sub":"1"}"#, &oct(None, K2).to_string(), SecretEncoding::Utf8).unwrap();
        let report = verify_with_key_text(&no_kid, &set, &options());
        assert!(report.valid, "{:?}", report.errors);
        assert_eq!((report.matched_kid.as_deref(), report.matched_index), (None, Some(2)));

        // A signature no key of the set verifies names none.
        let other = sign_with_key_text(r#"{"alg":"HS256"}"#, r#"{"sub":"1"}"#, &oct(None, &K2.replace("M", "N")).to_string(), SecretEncoding::Utf8).unwrap();
        let report = verify_with_key_text(&other, &set, &options());
        assert!(!report.valid);
        assert_eq!((report.matched_kid, report.matched_index), (None, None));
    }
}

dual_test! {
    fn a_single_key_is_not_a_set() {
        let jwk = oct(Some("a"), K0).to_string();
        let token = sign_with_key_text(r#"{"alg":"HS256","kid":"a"}"#, "{}", &jwk, SecretEncoding::Utf8).unwrap();
        let report = verify_with_key_text(&token, &jwk, &options());
        assert!(report.valid, "{:?}", report.errors);
        assert_eq!((report.matched_kid, report.matched_index), (None, None));
    }
}
