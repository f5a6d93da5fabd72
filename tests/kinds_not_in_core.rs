//! The HMAC-only engine (built without the `kinds` feature) leaves out the JWS JSON serialization
//! and SD-JWT, and says so with `unsupported_alg`, the code with which the debugger's first
//! engine says "not in this build" and the page loads the full one. A JWE is still recognised
//! there, with a short `jwe_not_decrypted` note instead of the full explanation.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(not(feature = "kinds"))]

mod common;

use jwt_lens::b64::encode;
use jwt_lens::{decode, parse_verify_options, sign_with_key_text, verify_with_key_text, Code, SecretEncoding, Severity};

const SECRET: &str = "a secret of at least thirty-two bytes, for HS256";

dual_test! {
    fn the_core_engine_says_the_kinds_need_the_full_one() {
        let compact = sign_with_key_text(r#"{"alg":"HS256"}"#, r#"{"sub":"x"}"#, SECRET, SecretEncoding::Utf8).unwrap();
        let mut parts = compact.split('.');
        let (header, payload, signature) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        let json = format!(r#"{{"payload":"{payload}","protected":"{header}","signature":"{signature}"}}"#);
        let sd_jwt = format!("{compact}~{}~", encode(br#"["salt","name","value"]"#));
        let jwe = format!("{}..{}.{}.{}", encode(br#"{"alg":"dir","enc":"A128GCM"}"#), encode(&[0; 12]), encode(b"c"), encode(&[0; 16]));
        let options = parse_verify_options("", 0.0).unwrap();
        for input in [&json, &sd_jwt] {
            let decoded = decode(input);
            let said = decoded.diagnostics.iter().find(|d| d.code == Code::UnsupportedAlg).expect("unsupported_alg");
            assert!(said.severity == Severity::Error && said.message.contains("full jwt-lens engine"), "{input}: {said:?}");
            // Never accepted unexamined: a JSON serialization or SD-JWT is not valid in this build.
            assert!(!verify_with_key_text(input, SECRET, &options).valid, "{input}");
        }
        // A JWE needs no full engine to be recognised: no "not in this build" for it.
        let decoded = decode(&jwe);
        assert_eq!(decoded.kind.as_str(), "jwe");
        assert!(!decoded.diagnostics.iter().any(|d| d.code == Code::UnsupportedAlg), "{:?}", decoded.diagnostics);
        let note = decoded.diagnostics.iter().find(|d| d.code == Code::JweNotDecrypted).expect("jwe_not_decrypted");
        assert!(note.severity == Severity::Info && note.message.contains("alg dir, enc A128GCM"), "{note:?}");
        assert!(verify_with_key_text(&compact, SECRET, &options).valid);
    }
}
