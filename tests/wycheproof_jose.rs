//! Wycheproof's JOSE files: `json_web_signature` (compact JWS verification with the group's
//! key) and `json_web_key` (key-set validation). Every case decided differently from its label
//! is listed below with the reason.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(all(feature = "ecdsa", feature = "eddsa", feature = "rsa"))]

mod common;

use common::vector;
use jwt_lens::{parse_verify_options, verify_with_key_text};
use serde_json::Value;

/// tcId → (our verdict, why it differs from the label). `../shared/vectors/README.md` lists
/// the known label errors.
const JWS_DEVIATIONS: &[(u64, bool, &str)] = &[
    (367, true, "byte-identical to tcId 357 (valid); upstream C2SP/wycheproof#236"),
    (370, true, "byte-identical to tcId 357 (valid); upstream C2SP/wycheproof#236"),
    (372, false, "a literal '?' in the header segment: not base64url, the MAC covers other bytes"),
    (373, false, "a literal '?' in the payload segment: not base64url, the MAC covers other bytes"),
    (346, false, "RFC 7520 Figure 20: a PS384 token, but the key's JWK says alg PS256, which jwt-lens honours"),
    (350, false, "RFC 7520 Figure 20 (key_ops variant): a PS384 token, the JWK pins PS256"),
    (347, false, "RFC 7520 Figure 27: the JWK says alg \"ES521\", not a registered algorithm, so the key fits nothing"),
    (351, false, "RFC 7520 Figure 27 (key_ops variant): the same \"ES521\" JWK alg"),
];

/// Wycheproof's JWKs sometimes omit `kty` (RFC 7517 §4.1 makes it REQUIRED, and jwt-lens
/// refuses a JWK without it); the harness adds the type the other members imply.
fn with_kty(mut jwk: Value) -> Value {
    if jwk.get("kty").is_none() {
        let kty = if jwk.get("k").is_some() {
            "oct"
        } else if jwk.get("n").is_some() {
            "RSA"
        } else if jwk.get("crv").and_then(Value::as_str).is_some_and(|c| c.starts_with("Ed")) {
            "OKP"
        } else {
            "EC"
        };
        jwk["kty"] = Value::String(kty.into());
    }
    jwk
}

dual_test! {
    fn json_web_signature_cases_are_decided_as_labelled_or_listed() {
        let Some(suite) = vector("wycheproof/json_web_signature_test.json") else { return };
        let options = parse_verify_options("", 1_500_000_000.0).unwrap();
        let mut mismatches = Vec::new();
        let mut seen = 0;
        for group in suite["testGroups"].as_array().unwrap() {
            let key = with_kty(group.get("public").or_else(|| group.get("private")).cloned().unwrap()).to_string();
            for case in group["tests"].as_array().unwrap() {
                let id = case["tcId"].as_u64().unwrap();
                let Some(jws) = case["jws"].as_str() else { continue }; // JSON serialisations: see below
                let report = verify_with_key_text(jws, &key, &options);
                let expected = match JWS_DEVIATIONS.iter().find(|(d, ..)| *d == id) {
                    Some((_, verdict, _)) => *verdict,
                    None => case["result"] == "valid",
                };
                if report.valid != expected {
                    mismatches.push(format!("tcId {id} ({}): label {}, got valid={} {:?}", case["comment"], case["result"], report.valid, report.errors.iter().map(|e| e.code.as_str()).collect::<Vec<_>>()));
                }
                seen += 1;
            }
        }
        assert!(mismatches.is_empty(), "{} of {seen} cases differ:\n{}", mismatches.len(), mismatches.join("\n"));
        assert!(seen > 300, "only {seen} compact cases");
    }
}

/// The encoding cases of `json_web_signature` (tcId 357–377) and its `alg: none` cases: a strict
/// verifier refuses each for the reason it was built to test, and says so with a stable code.
/// (The suite has no case with `crit` or with claims — checked by the test below — so those
/// rules are tested by tests/claim_rules.rs, tests/verify_rules.rs and tests/diagnostic_codes.rs.)
const JWS_REASONS: &[(u64, &[&str])] = &[
    (341, &["alg_none"]),
    (342, &["unsupported_alg"]), // "NONE": not a registered algorithm (names are case-sensitive)
    (343, &["alg_none"]),
    (344, &["alg_none"]),
    (360, &["trailing_characters", "invalid_base64"]), // spaces before the MAC
    (361, &["invalid_base64"]),                        // '?' before the MAC
    (362, &["invalid_base64"]),                        // '?' after the MAC
    (363, &["invalid_base64"]),
    (364, &["invalid_base64"]),
    (365, &["trailing_characters", "invalid_base64"]), // spaces after the header
    (366, &["invalid_base64"]),                        // '#' in the header
    (368, &["trailing_characters", "invalid_base64"]), // spaces before the payload
    (369, &["invalid_base64"]),
    (371, &["invalid_base64"]),
    (372, &["invalid_base64"]), // labelled valid, see JWS_DEVIATIONS
    (373, &["invalid_base64"]), // labelled valid, see JWS_DEVIATIONS
    (374, &["invalid_base64"]), // non-zero unused bits: not the canonical encoding
    (375, &["invalid_base64"]), // the same payload, MACed as written
];

dual_test! {
    fn json_web_signature_encoding_cases_are_refused_for_their_reason() {
        let Some(suite) = vector("wycheproof/json_web_signature_test.json") else { return };
        let options = parse_verify_options("", 1_500_000_000.0).unwrap();
        let mut checked = 0;
        for group in suite["testGroups"].as_array().unwrap() {
            let key = with_kty(group.get("public").or_else(|| group.get("private")).cloned().unwrap()).to_string();
            for case in group["tests"].as_array().unwrap() {
                let (id, jws) = (case["tcId"].as_u64().unwrap(), case["jws"].as_str().unwrap_or_default());
                if let Some((_, reasons)) = JWS_REASONS.iter().find(|(d, _)| *d == id) {
                    let report = verify_with_key_text(jws, &key, &options);
                    let codes: Vec<&str> = report.errors.iter().map(|e| e.code.as_str()).collect();
                    assert!(!report.valid && reasons.iter().all(|r| codes.contains(r)), "tcId {id}: expected {reasons:?}, got {codes:?}");
                    checked += 1;
                }
                // No case carries `crit` or a claim: the suite does not test them (see above).
                let header = jws.split('.').next().and_then(|h| jwt_lens::b64::decode(h).ok()).unwrap_or_default();
                let payload = jws.split('.').nth(1).and_then(|p| jwt_lens::b64::decode(p).ok()).unwrap_or_default();
                let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
                assert!(!text(&header).contains("\"crit\""), "tcId {id} has crit: test it");
                assert!(!["\"exp\"", "\"nbf\"", "\"aud\""].iter().any(|c| text(&payload).contains(c)), "tcId {id} has claims: test them");
            }
        }
        assert_eq!(checked, JWS_REASONS.len());
    }
}

/// json_web_key cases decided differently from their label, with the reason.
const JWK_DEVIATIONS: &[(u64, bool, &str)] = &[
    (
        10,
        true,
        "a 16-byte HS256 secret: jwt-lens verifies with a weak_key warning (issue 2: refused when signing, a warning when verifying)",
    ),
    (11, true, "a short HS384 secret: verified with a weak_key warning, as above"),
    (12, true, "a short HS512 secret: verified with a weak_key warning, as above"),
];

dual_test! {
    fn json_web_key_cases_are_decided_as_labelled_or_listed() {
        let Some(suite) = vector("wycheproof/json_web_key_test.json") else { return };
        let options = parse_verify_options("", 1_500_000_000.0).unwrap();
        let mut mismatches = Vec::new();
        for group in suite["testGroups"].as_array().unwrap() {
            let mut set = group.get("public").or_else(|| group.get("private")).cloned().unwrap();
            for key in set["keys"].as_array_mut().unwrap() {
                *key = with_kty(key.clone());
            }
            for case in group["tests"].as_array().unwrap() {
                let id = case["tcId"].as_u64().unwrap();
                let report = verify_with_key_text(case["jws"].as_str().unwrap(), &set.to_string(), &options);
                let expected = JWK_DEVIATIONS.iter().find(|(d, ..)| *d == id).map_or(case["result"] == "valid", |(_, v, _)| *v);
                if report.valid != expected {
                    mismatches.push(format!("tcId {id} ({}): label {}, got valid={} {:?}", case["comment"], case["result"], report.valid, report.errors.iter().map(|e| e.code.as_str()).collect::<Vec<_>>()));
                }
            }
        }
        assert!(mismatches.is_empty(), "{} cases differ:\n{}", mismatches.len(), mismatches.join("\n"));
    }
}
