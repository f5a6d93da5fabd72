//! Every token kind: JWS JSON serialization (RFC 7515 A.6/A.7, cookbook 4.6–4.8), RFC 7797
//! unencoded payloads, detached content (cookbook 4.5), compact JWE (cookbook §5), nested JWTs
//! and SD-JWT. Each is decoded and verified with the vectors' own keys, and one changed byte
//! must make it invalid.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(all(feature = "rsa", feature = "ecdsa"))]

mod common;

use common::vector;
use jwt_lens::decode::Payload;
use jwt_lens::{decode, parse_verify_options, verify_with_key_text, Code, VerifyReport};
use serde_json::{json, Value};

/// RFC 7515 A.1–A.7 expire in 2011; verify before that.
const BEFORE_2011_EXPIRY: &str = r#"{"now":1300819000}"#;

fn verify(token: &str, key: &Value, options: &str) -> VerifyReport {
    verify_with_key_text(token, &key.to_string(), &parse_verify_options(options, 0.0).unwrap())
}

fn codes(report: &VerifyReport) -> Vec<&'static str> {
    report.errors.iter().map(|d| d.code.as_str()).collect()
}

/// The same JSON serialization with one character of `member` (of signature `index`) changed.
fn tamper(serialized: &Value, index: Option<usize>, member: &str) -> String {
    let mut copy = serialized.clone();
    let target = match index {
        Some(i) => &mut copy["signatures"][i][member],
        None => &mut copy[member],
    };
    let text = target.as_str().unwrap().to_string();
    let last = if text.ends_with('A') { 'B' } else { 'A' };
    *target = Value::String(format!("{}{last}", &text[..text.len() - 1]));
    copy.to_string()
}

dual_test! {
    fn rfc7515_a6_general_and_a7_flattened_json_serialization() {
        let Some(file) = vector("rfc/rfc7515_appendix_a.json") else { return };
        let cases = file["cases"].as_array().unwrap();
        let a6 = cases.iter().find(|c| c["id"] == "A.6").unwrap();
        let a7 = cases.iter().find(|c| c["id"] == "A.7").unwrap();

        let general = a6["json_general"].to_string();
        let decoded = decode(&general);
        assert_eq!(decoded.serialization.as_str(), "json-general");
        assert_eq!(decoded.signatures.len(), 2);
        assert_eq!(decoded.signatures[1].header_str("alg"), Some("ES256"));
        assert_eq!(decoded.signatures[1].header_str("kid"), Some("e9bc097a-ce51-4036-9562-d2ade882db0d"));
        assert_eq!(decoded.signatures[0].protected_json.as_deref(), Some(r#"{"alg":"RS256"}"#));
        assert!(matches!(&decoded.payload, Some(Payload::Json(claims)) if claims.get("iss").and_then(|v| v.as_str()) == Some("joe")));

        // The key set holds both keys: the first signature (RS256, kid 2010-12-29) verifies.
        let report = verify(&general, &a6["verify_jwks"], BEFORE_2011_EXPIRY);
        assert!(report.valid, "{:?}", report.errors);
        assert_eq!(report.signature_index, Some(0));
        assert!(report.checks.iter().any(|c| c.name == "signature[1]" && c.ok));
        // Only the EC key: the RS256 signature is not tried with it, the ES256 one verifies.
        let ec_only = &a6["verify_jwks"]["keys"][1];
        let report = verify(&general, ec_only, BEFORE_2011_EXPIRY);
        assert!(report.valid, "{:?}", report.errors);
        assert_eq!((report.signature_index, report.alg()), (Some(1), Some("ES256")));
        assert!(report.checks.iter().any(|c| c.name == "signature[0]" && !c.ok));
        // A changed payload breaks both signatures; a changed ES256 signature breaks that one.
        let report = verify(&tamper(&a6["json_general"], None, "payload"), &a6["verify_jwks"], BEFORE_2011_EXPIRY);
        assert!(!report.valid && report.signature_index.is_none());
        assert!(!verify(&tamper(&a6["json_general"], Some(1), "signature"), ec_only, BEFORE_2011_EXPIRY).valid);
        // The expiry still applies to a JSON serialization.
        assert!(codes(&verify(&general, &a6["verify_jwks"], r#"{"now":1400000000}"#)).contains(&"expired"));

        let flattened = a7["json_flattened"].to_string();
        let decoded = decode(&flattened);
        assert_eq!(decoded.serialization.as_str(), "json-flattened");
        assert_eq!(decoded.signatures.len(), 1);
        assert_eq!(decoded.header.as_ref().and_then(|h| h.get("kid")).and_then(|k| k.as_str()), Some("e9bc097a-ce51-4036-9562-d2ade882db0d"));
        let report = verify(&flattened, &a7["verify_jwk"], BEFORE_2011_EXPIRY);
        assert!(report.valid, "{:?}", report.errors);
        assert_eq!(report.signature_index, Some(0));
        assert!(!verify(&tamper(&a7["json_flattened"], None, "signature"), &a7["verify_jwk"], BEFORE_2011_EXPIRY).valid);
        assert!(!verify(&tamper(&a7["json_flattened"], None, "protected"), &a7["verify_jwk"], BEFORE_2011_EXPIRY).valid);
    }
}

dual_test! {
    fn cookbook_4_6_and_4_7_unprotected_header_fields() {
        for file in ["4_6.protecting_specific_header_fields", "4_7.protecting_content_only"] {
            let Some(example) = vector(&format!("ietf-jose-cookbook/jws/{file}.json")) else { return };
            let key = &example["input"]["key"];
            for form in ["json", "json_flat"] {
                let serialized = &example["output"][form];
                let decoded = decode(&serialized.to_string());
                assert!(!decoded.has_errors(), "{file} {form}: {:?}", decoded.diagnostics);
                assert_eq!(decoded.alg(), Some("HS256"), "{file} {form}");
                let unprotected = decoded.signatures[0].unprotected.as_ref().unwrap();
                assert!(unprotected.get("kid").is_some(), "{file} {form}");
                assert!(matches!(&decoded.payload, Some(Payload::Text(t)) if t.starts_with("It\u{2019}s a dangerous business")));
                let report = verify(&serialized.to_string(), key, "");
                assert!(report.valid, "{file} {form}: {:?}", report.errors);
                let index = if form == "json" { Some(0) } else { None };
                assert!(!verify(&tamper(serialized, index, "signature"), key, "").valid, "{file} {form}: tampered");
                assert!(!verify(&tamper(serialized, None, "payload"), key, "").valid, "{file} {form}: tampered payload");
            }
        }
    }
}

dual_test! {
    fn cookbook_4_8_multiple_signatures_each_with_its_own_key() {
        let Some(example) = vector("ietf-jose-cookbook/jws/4_8.multiple_signatures.json") else { return };
        let serialized = example["output"]["json"].to_string();
        let decoded = decode(&serialized);
        let algs: Vec<Option<&str>> = decoded.signatures.iter().map(|s| s.header_str("alg")).collect();
        assert_eq!(algs, [Some("RS256"), Some("ES512"), Some("HS256")]);
        let keys = example["input"]["key"].as_array().unwrap();
        for (index, key) in keys.iter().enumerate() {
            let report = verify(&serialized, key, "");
            assert!(report.valid, "key {index}: {:?}", report.errors);
            assert_eq!(report.signature_index, Some(index));
            let attempts: Vec<bool> = (0..3).map(|i| report.checks.iter().any(|c| c.name == format!("signature[{i}]") && c.ok)).collect();
            assert_eq!(attempts, (0..3).map(|i| i == index).collect::<Vec<_>>(), "key {index}");
            assert!(!verify(&tamper(&example["output"]["json"], Some(index), "signature"), key, "").valid, "key {index}: tampered");
        }
        // In one set the RSA and EC keys share a kid, which is ambiguous: neither is used.
        let report = verify(&serialized, &json!({ "keys": [keys[0], keys[1]] }), "");
        assert!(!report.valid && report.signature_index.is_none());
        assert!(report.checks.iter().filter(|c| c.name.starts_with("signature[") && c.code == Some(Code::InvalidKey)).count() == 2, "{:?}", report.checks);
    }
}

dual_test! {
    fn json_serialization_shape_errors_are_diagnosed() {
        let cases = [
            (r#"{"payload":"e30","signatures":[]}"#, Code::Malformed),
            (r#"{"payload":"e30","signatures":[{"protected":"eyJhbGciOiJIUzI1NiJ9"}]}"#, Code::Malformed),
            (r#"{"payload":"e30","protected":"eyJhbGciOiJIUzI1NiJ9","header":{"alg":"HS256"},"signature":"AA"}"#, Code::Malformed),
            (r#"{"payload":"e30","header":{"alg":"HS256","crit":["x"],"x":1},"signature":"AA"}"#, Code::Malformed),
            (r#"{"payload":"e30","signature":"AA"}"#, Code::Malformed),
            (r#"{"payload":"e30","protected":"eyJhbGciOiJIUzI1NiJ9","signature":"A+"}"#, Code::InvalidBase64),
            (r#"{"payload":"e30","protected":"eyJhbGciOiJIUzI1NiJ9","signature":"AA""#, Code::InvalidJson),
            (r#"{"protected":"eyJhbGciOiJSU0EtT0FFUCJ9","ciphertext":"AA","iv":"AA","tag":"AA"}"#, Code::Malformed),
        ];
        for (input, code) in cases {
            let decoded = decode(input);
            assert!(decoded.diagnostics.iter().any(|d| d.code == code), "{input}: {:?}", decoded.diagnostics);
            assert_eq!(decoded.kind.as_str(), "invalid", "{input}");
        }
    }
}

dual_test! {
    fn rfc7797_unencoded_payload_needs_crit_and_supports_b64() {
        let Some(file) = vector("rfc/rfc7797_unencoded_payload.json") else { return };
        let cases = file["cases"].as_array().unwrap();
        let (plain, unencoded) = (&cases[0], &cases[1]);
        assert!(verify(plain["compact"].as_str().unwrap(), &plain["jwk"], "").valid);

        let key = &unencoded["jwk"];
        let flattened = unencoded["json_flattened"].to_string();
        let decoded = decode(&flattened);
        assert!(!decoded.b64);
        assert!(matches!(&decoded.payload, Some(Payload::Text(t)) if t == "$.02"), "{:?}", decoded.payload);
        let report = verify(&flattened, key, r#"{"supportsB64":true}"#);
        assert!(report.valid, "{:?}", report.errors);
        // Without supportsB64 the payload would be misread: refused, saying why.
        let refused = codes(&verify(&flattened, key, ""));
        assert!(refused.contains(&"b64_invalid") && refused.contains(&"crit_unsupported"), "{refused:?}");
        // One changed payload byte.
        let mut tampered = unencoded["json_flattened"].clone();
        tampered["payload"] = json!("$.03");
        assert!(!verify(&tampered.to_string(), key, r#"{"supportsB64":true}"#).valid);

        // The compact form must be detached, because the payload contains a '.' (RFC 7797 §5.2).
        let detached = unencoded["compact_detached"].as_str().unwrap();
        let options = r#"{"supportsB64":true,"detachedPayload":"$.02"}"#;
        assert!(decode(detached).detached);
        let report = verify(detached, key, options);
        assert!(report.valid, "{:?}", report.errors);
        assert!(!verify(detached, key, r#"{"supportsB64":true,"detachedPayload":"$.03"}"#).valid);
    }
}

dual_test! {
    fn cookbook_rfc7797_examples_compact_and_json() {
        let Some(example) = vector("ietf-jose-cookbook/rfc7797/hmac-sha2_b64_false.json") else { return };
        let key = &example["input"]["key"];
        let compact = example["output"]["compact"].as_str().unwrap();
        let decoded = decode(compact);
        assert!(!decoded.b64 && decoded.payload_json.as_deref() == Some("This is the payload string!"), "{:?}", decoded.diagnostics);
        for token in [compact.to_string(), example["output"]["json"].to_string(), example["output"]["json_flat"].to_string()] {
            let report = verify(&token, key, r#"{"supportsB64":true}"#);
            assert!(report.valid, "{token}: {:?}", report.errors);
            assert!(!verify(&token, key, "").valid, "{token}: b64 without supportsB64");
            assert!(!verify(&token.replacen("payload string", "payload strinG", 1), key, r#"{"supportsB64":true}"#).valid);
        }
        // The pre-RFC draft form has no "crit": RFC 7797 §6 makes a verifier refuse it.
        let Some(draft) = vector("ietf-jose-cookbook/rfc7797/4.2.hmac-sha2_b64_false.json") else { return };
        for form in ["json", "json_flat"] {
            let token = &draft["output"][form];
            let report = verify(&token.to_string(), &draft["input"]["key"], r#"{"supportsB64":true}"#);
            assert!(!report.valid && codes(&report).contains(&"b64_invalid"), "{form}: {:?}", report.errors);
        }
    }
}

dual_test! {
    fn cookbook_4_5_detached_content() {
        let Some(example) = vector("ietf-jose-cookbook/jws/4_5.signature_with_detached_content.json") else { return };
        let key = &example["input"]["key"];
        let content = example["input"]["payload"].as_str().unwrap();
        let options = json!({ "detachedPayload": content }).to_string();
        let altered = json!({ "detachedPayload": content.replacen("Frodo", "Frodi", 1) }).to_string();
        let compact = example["output"]["compact"].as_str().unwrap().to_string();
        for token in [compact, example["output"]["json"].to_string(), example["output"]["json_flat"].to_string()] {
            let decoded = decode(&token);
            assert!(decoded.detached && decoded.payload.is_none() && !decoded.has_errors(), "{token}: {:?}", decoded.diagnostics);
            let report = verify(&token, key, &options);
            assert!(report.valid, "{token}: {:?}", report.errors);
            assert!(report.checks.iter().any(|c| c.name == "payload" && c.ok));
            assert!(!verify(&token, key, &altered).valid, "{token}: altered content");
            let without = verify(&token, key, "");
            assert!(!without.valid && without.checks.iter().any(|c| c.name == "payload" && !c.ok), "{token}");
        }
        // A token that carries its payload refuses a detached one.
        let Some(attached) = vector("ietf-jose-cookbook/jws/4_4.hmac-sha2_integrity_protection.json") else { return };
        let report = verify(attached["output"]["compact"].as_str().unwrap(), &attached["input"]["key"], &options);
        assert!(!report.valid && codes(&report).contains(&"malformed"));
    }
}
