//! A JWS JSON serialization is JSON: pretty-printed with spaces and line breaks (as a person
//! pastes it from documentation), it decodes and verifies like its compact JSON text, and no
//! `trailing_characters` finding calls its layout a wrapped token.
// The HMAC-only engine leaves the JSON serialization out (feature `kinds`).
#![cfg(feature = "kinds")]
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::vector;
use jwt_lens::{decode, parse_verify_options, verify_with_key_text, Code};

dual_test! {
    fn pretty_printed_json_serialization_verifies_like_compact_json() {
        let Some(example) = vector("ietf-jose-cookbook/jws/4_4.hmac-sha2_integrity_protection.json") else { return };
        let key = example["input"]["key"].to_string();
        let options = parse_verify_options("", 0.0).unwrap();
        for form in ["json", "json_flat"] {
            let compact_json = example["output"][form].to_string();
            let pretty = serde_json::to_string_pretty(&example["output"][form]).unwrap();
            assert!(pretty.contains('\n'), "the pretty form has line breaks");
            let decoded = decode(&pretty);
            assert!(!decoded.has_errors(), "{form}: {:?}", decoded.diagnostics);
            assert!(decoded.diagnostics.iter().all(|d| d.code != Code::TrailingCharacters), "{form}");
            assert!(verify_with_key_text(&compact_json, &key, &options).valid, "{form} compact");
            let report = verify_with_key_text(&pretty, &key, &options);
            assert!(report.valid, "{form} pretty: {:?}", report.errors);
            let tampered = pretty.replacen("\"signature\": \"", "\"signature\": \"A", 1);
            assert!(!verify_with_key_text(&tampered, &key, &options).valid, "{form} tampered");
        }
    }
}
