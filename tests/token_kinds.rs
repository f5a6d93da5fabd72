//! Every token kind: JWS JSON serialization (RFC 7515 A.6/A.7, cookbook 4.6–4.8), RFC 7797
//! unencoded payloads, detached content (cookbook 4.5), compact JWE (cookbook §5), nested JWTs
//! and SD-JWT. Each is decoded and verified with the vectors' own keys, and one changed byte
//! must make it invalid.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
// The HMAC-only engine leaves the kinds out (tests/kinds_not_in_core.rs); A.6/A.7 and 4.8 also need RSA and ECDSA.
#![cfg(feature = "kinds")]

mod common;

use common::vector;
use jwt_lens::alg::Hash;
use jwt_lens::b64::encode;
use jwt_lens::decode::Payload;
use jwt_lens::hmac::HmacKey;
use jwt_lens::{decode, parse_verify_options, sign_with_key_text, verify_with_key_text, Code, SecretEncoding, Severity, VerifyReport};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const SECRET: &str = "a secret of at least thirty-two bytes, for HS256";

/// RFC 7515 A.1–A.7 expire in 2011; verify before that.
#[cfg(all(feature = "rsa", feature = "ecdsa"))]
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
    #[cfg(all(feature = "rsa", feature = "ecdsa"))]
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
    #[cfg(all(feature = "rsa", feature = "ecdsa"))]
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
            (r#"{"sub":"a claims set, not a token"}"#, Code::Malformed),
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
            // Without the content the payload is read as empty: the signature fails, and the
            // payload check says how to pass detached content.
            assert!(!without.valid && !without.signature_valid, "{token}");
            assert!(without.checks.iter().any(|c| c.name == "payload" && c.message.contains("detachedPayload")), "{token}");
        }
        // A token that carries its payload refuses a detached one.
        let Some(attached) = vector("ietf-jose-cookbook/jws/4_4.hmac-sha2_integrity_protection.json") else { return };
        let report = verify(attached["output"]["compact"].as_str().unwrap(), &attached["input"]["key"], &options);
        assert!(!report.valid && codes(&report).contains(&"malformed"));
    }
}

dual_test! {
    fn cookbook_jwe_compact_is_explained_not_decrypted() {
        let mut seen = 0;
        for file in [
            "5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2",
            "5_2.key_encryption_using_rsa-oaep_with_aes-gcm",
            "5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2",
            "5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm",
            "5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2",
            "5_6.direct_encryption_using_aes-gcm",
            "5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2",
            "5_8.key_wrap_using_aes-keywrap_with_aes-gcm",
            "5_9.compressed_content",
        ] {
            let Some(example) = vector(&format!("ietf-jose-cookbook/jwe/{file}.json")) else { return };
            let compact = example["output"]["compact"].as_str().unwrap();
            let decoded = decode(compact);
            assert_eq!(decoded.kind.as_str(), "jwe", "{file}: {:?}", decoded.diagnostics);
            let jwe = decoded.jwe.as_ref().unwrap();
            let header = decoded.header.as_ref().unwrap();
            assert_eq!(jwe.alg.as_deref(), header.get("alg").and_then(|v| v.as_str()), "{file}");
            assert_eq!(jwe.enc.as_deref(), header.get("enc").and_then(|v| v.as_str()), "{file}");
            let lengths: Vec<usize> = jwe.parts.iter().map(|(_, len)| len.unwrap()).collect();
            let expected_iv = if jwe.enc.as_deref().unwrap().contains("GCM") { 12 } else { 16 };
            assert_eq!(lengths[1], expected_iv, "{file}: iv");
            assert_eq!(lengths[0] == 0, ["dir", "ECDH-ES"].contains(&jwe.alg.as_deref().unwrap()), "{file}: encrypted key");
            assert_eq!(jwe.zip.is_some(), file.starts_with("5_9"), "{file}");
            let explained = decoded.diagnostics.iter().filter(|d| d.code == Code::JweNotDecrypted && d.severity == Severity::Info);
            assert_eq!(explained.count(), 1, "{file}");
            let complaints = decoded.diagnostics.iter().filter(|d| matches!(d.code, Code::Malformed | Code::UnsupportedAlg | Code::InvalidBase64));
            assert_eq!(complaints.count(), 0, "{file}: lengths and algorithms fit, so nothing is wrong: {:?}", decoded.diagnostics);
            let segments: Vec<&str> = decoded.segments.iter().map(|s| s.part).collect();
            assert_eq!(segments, ["header", "encrypted_key", "iv", "ciphertext", "tag"]);
            let report = verify(compact, &json!({"kty": "oct", "k": encode(SECRET.as_bytes())}), "");
            assert!(!report.valid && codes(&report).contains(&"malformed"), "{file}");
            // The JSON form of a JWE is recognised and refused with a reason.
            assert!(decode(&example["output"]["json"].to_string()).diagnostics.iter().any(|d| d.message.contains("JWE")));
            seen += 1;
        }
        assert_eq!(seen, 9);
        // Section 6: a JWS nested in a JWE; the outer JWE says so but stays encrypted.
        let Some(nesting) = vector("ietf-jose-cookbook/6.nesting_signatures_and_encryption.json") else { return };
        let outer = decode(nesting["encrypt"]["output"]["compact"].as_str().unwrap());
        assert_eq!(outer.kind.as_str(), "jwe");
        assert!(outer.nested.is_none());
        // A part with a mistake in it is diagnosed.
        let broken = decode(&example_with_broken_tag(nesting["encrypt"]["output"]["compact"].as_str().unwrap()));
        assert_eq!(broken.kind.as_str(), "invalid");
        assert!(broken.diagnostics.iter().any(|d| d.code == Code::InvalidBase64 && d.message.contains("tag")));
    }
}

fn example_with_broken_tag(compact: &str) -> String {
    format!("{}+", &compact[..compact.len() - 1])
}

/// An HS256 compact JWS over `payload` (any bytes), signed by hand.
fn hs256(header: &str, payload: &[u8]) -> String {
    let input = format!("{}.{}", encode(header.as_bytes()), encode(payload));
    let tag = HmacKey::new(SECRET.as_bytes()).unwrap().tag(Hash::Sha256, input.as_bytes()).unwrap();
    format!("{input}.{}", encode(&tag))
}

dual_test! {
    fn nested_jwt_is_decoded_and_capped() {
        let inner = sign_with_key_text(r#"{"alg":"HS256"}"#, r#"{"sub":"inner"}"#, SECRET, SecretEncoding::Utf8).unwrap();
        let outer = hs256(r#"{"alg":"HS256","cty":"JWT"}"#, inner.as_bytes());
        let decoded = decode(&outer);
        let nested = decoded.nested.as_ref().expect("the inner token");
        assert_eq!(nested.kind.as_str(), "jws");
        assert!(matches!(&nested.payload, Some(Payload::Json(c)) if c.get("sub").and_then(|v| v.as_str()) == Some("inner")));
        let secret = json!({"kty": "oct", "k": encode(SECRET.as_bytes())});
        assert!(verify(&outer, &secret, "").valid);
        let mut tampered = outer.clone();
        let last = if outer.ends_with('A') { 'B' } else { 'A' };
        tampered.replace_range(outer.len() - 1.., &last.to_string());
        assert!(!verify(&tampered, &secret, "").valid);
        // "application/jwt" counts, case-insensitively.
        assert!(decode(&hs256(r#"{"alg":"HS256","cty":"Application/JWT"}"#, inner.as_bytes())).nested.is_some());
        // cty JWT over a claims set is diagnosed, not decoded.
        let wrong = decode(&hs256(r#"{"alg":"HS256","cty":"JWT"}"#, br#"{"sub":"x"}"#));
        assert!(wrong.nested.is_none() && wrong.diagnostics.iter().any(|d| d.code == Code::Malformed));

        // Six levels: four are decoded, the fourth says the rest was not.
        let mut token = inner;
        for _ in 0..5 {
            token = hs256(r#"{"alg":"HS256","cty":"JWT"}"#, token.as_bytes());
        }
        let mut level = decode(&token);
        for _ in 0..4 {
            level = *level.nested.expect("decoded up to the cap");
        }
        assert!(level.nested.is_none());
        assert!(level.diagnostics.iter().any(|d| d.code == Code::Malformed && d.message.contains("nests more than 4")));
    }
}

fn digest(disclosure: &str) -> String {
    encode(&Sha256::digest(disclosure.as_bytes()))
}

dual_test! {
    fn sd_jwt_disclosures_are_decoded_and_placed() {
        // The SD-JWT specification's example disclosure and its SHA-256 digest.
        let spec = "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0";
        assert_eq!(digest(spec), "X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0");
        let street = encode(br#"["salt-2","street","Main St"]"#);
        let country = encode(br#"["salt-3","DE"]"#);
        let address = encode(format!(r#"["salt-4","address",{{"_sd":["{}"],"locality":"Berlin"}}]"#, digest(&street)).as_bytes());
        let claims = json!({
            "iss": "https://issuer.example",
            "_sd": [digest(spec), digest(&address)],
            "nationalities": [{"...": digest(&country)}, "FR"],
            "_sd_alg": "sha-256",
        });
        let issuer_jwt = sign_with_key_text(r#"{"alg":"HS256","typ":"dc+sd-jwt"}"#, &claims.to_string(), SECRET, SecretEncoding::Utf8).unwrap();
        let kb_jwt = hs256(r#"{"alg":"HS256","typ":"kb+jwt"}"#, br#"{"nonce":"n"}"#);
        let token = format!("{issuer_jwt}~{spec}~{address}~{street}~{country}~{kb_jwt}");

        let decoded = decode(&token);
        assert!(!decoded.has_errors(), "{:?}", decoded.diagnostics);
        let sd = decoded.sd_jwt.as_ref().unwrap();
        assert_eq!(sd.hash_alg, "sha-256");
        assert_eq!(sd.key_binding_jwt.as_deref(), Some(kb_jwt.as_str()));
        let places: Vec<(Option<&str>, Option<&str>)> = sd.disclosures.iter().map(|d| (d.name.as_deref(), d.path.as_deref())).collect();
        assert_eq!(
            places,
            [
                (Some("family_name"), Some("family_name")),
                (Some("address"), Some("address")),
                (Some("street"), Some("address.street")),
                (None, Some("nationalities[0]"))
            ]
        );
        assert_eq!(sd.disclosures[0].salt.as_deref(), Some("_26bc4LT-ac6q2KI6cBW5es"));
        assert!(!decoded.diagnostics.iter().any(|d| d.code == Code::SdDigestMismatch));
        let parts: Vec<&str> = decoded.segments.iter().map(|s| s.part).collect();
        assert_eq!(parts, ["header", "payload", "signature", "disclosure", "disclosure", "disclosure", "disclosure", "kb_jwt"]);
        let kb_segment = decoded.segments.last().unwrap();
        assert_eq!(&token[kb_segment.start..kb_segment.end], kb_jwt);
        let secret = json!({"kty": "oct", "k": encode(SECRET.as_bytes())});
        assert!(verify(&token, &secret, "").valid);

        // A disclosure with one changed character is in no _sd array: flagged, and verify refuses it.
        let altered = encode(br#"["salt-2","street","Main Sr"]"#);
        let tampered = token.replace(&street, &altered);
        let decoded = decode(&tampered);
        let mismatch = decoded.diagnostics.iter().find(|d| d.code == Code::SdDigestMismatch).expect("sd_digest_mismatch");
        assert!(mismatch.severity == Severity::Warning && mismatch.message.contains("street"), "{mismatch:?}");
        assert!(!verify(&tampered, &secret, "").valid);
        // Without a key-binding JWT the SD-JWT ends in '~'.
        let presented = format!("{issuer_jwt}~{spec}~");
        let decoded = decode(&presented);
        assert!(decoded.sd_jwt.as_ref().is_some_and(|sd| sd.key_binding_jwt.is_none() && sd.disclosures.len() == 1));
        // A hash jwt-lens does not compute: said, not guessed.
        let other = json!({"_sd": [], "_sd_alg": "sha3-256"});
        let issuer = sign_with_key_text(r#"{"alg":"HS256"}"#, &other.to_string(), SECRET, SecretEncoding::Utf8).unwrap();
        let decoded = decode(&format!("{issuer}~{spec}~"));
        assert!(decoded.diagnostics.iter().any(|d| d.code == Code::UnsupportedAlg && d.message.contains("sha3-256")));
        // A payload that is no claims set has nowhere to place a disclosure.
        let text_issuer = hs256(r#"{"alg":"HS256"}"#, b"not claims");
        assert!(decode(&format!("{text_issuer}~{spec}~")).diagnostics.iter().any(|d| d.code == Code::SdDigestMismatch));
        // Not a disclosure at all.
        let decoded = decode(&format!("{issuer_jwt}~{}~", encode(b"{\"not\":\"an array\"}")));
        assert!(decoded.has_errors());
    }
}

dual_test! {
    fn report_json_carries_the_kind_fields() {
        let compact = sign_with_key_text(r#"{"alg":"HS256"}"#, r#"{"sub":"x"}"#, SECRET, SecretEncoding::Utf8).unwrap();
        let plain: Value = serde_json::from_str(&jwt_lens::report::decoded_json(&decode(&compact))).unwrap();
        assert_eq!(plain["serialization"], "compact");
        for field in ["signatures", "b64", "nested", "jwe", "sdJwt"] {
            assert!(plain[field].is_null(), "{field}: {}", plain[field]);
        }
        assert_eq!(plain["detached"], false);

        let (header, payload, signature) = {
            let mut parts = compact.split('.');
            (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap())
        };
        let general = json!({"payload": payload, "signatures": [{"protected": header, "header": {"kid": "k"}, "signature": signature}]});
        let decoded: Value = serde_json::from_str(&jwt_lens::report::decoded_json(&decode(&general.to_string()))).unwrap();
        assert_eq!(decoded["serialization"], "json-general");
        assert_eq!(
            decoded["signatures"],
            json!([{"index": 0, "header": {"alg": "HS256", "kid": "k"}, "protectedJson": "{\"alg\":\"HS256\"}", "unprotected": {"kid": "k"}, "alg": "HS256", "kid": "k", "signature": signature}])
        );
        assert_eq!(decoded["header"], json!({"alg": "HS256", "kid": "k"}));
        let report = verify(&general.to_string(), &json!({"kty": "oct", "k": encode(SECRET.as_bytes())}), "");
        let report: Value = serde_json::from_str(&jwt_lens::report::verify_json(&report)).unwrap();
        assert_eq!((report["valid"].as_bool(), report["signatureIndex"].as_u64()), (Some(true), Some(0)));

        let nested = hs256(r#"{"alg":"HS256","cty":"JWT"}"#, compact.as_bytes());
        let decoded: Value = serde_json::from_str(&jwt_lens::report::decoded_json(&decode(&nested))).unwrap();
        assert_eq!(decoded["nested"]["payload"], json!({"sub": "x"}));

        let jwe = format!("{}..{}.{}.{}", encode(br#"{"alg":"dir","enc":"A128GCM","zip":"DEF"}"#), encode(&[0; 12]), encode(b"c"), encode(&[0; 16]));
        let decoded: Value = serde_json::from_str(&jwt_lens::report::decoded_json(&decode(&jwe))).unwrap();
        assert_eq!(
            decoded["jwe"]["parts"],
            json!([{"part": "header", "length": 41}, {"part": "encrypted_key", "length": 0}, {"part": "iv", "length": 12}, {"part": "ciphertext", "length": 1}, {"part": "tag", "length": 16}])
        );
        assert_eq!((&decoded["jwe"]["alg"], &decoded["jwe"]["enc"], &decoded["jwe"]["zip"]), (&json!("dir"), &json!("A128GCM"), &json!("DEF")));

        let unencoded = format!("{}.{}", encode(br#"{"alg":"HS256","b64":false,"crit":["b64"]}"#), "raw");
        let decoded: Value = serde_json::from_str(&jwt_lens::report::decoded_json(&decode(&format!("{unencoded}.AA")))).unwrap();
        assert_eq!((&decoded["b64"], &decoded["payload"]), (&json!(false), &json!("raw")));
    }
}

dual_test! {
    fn every_kind_survives_every_single_character_mutation() {
        let compact = sign_with_key_text(r#"{"alg":"HS256","kid":"k"}"#, r#"{"_sd":["x"],"sub":"s"}"#, SECRET, SecretEncoding::Utf8).unwrap();
        let mut parts = compact.split('.');
        let (header, payload, signature) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        let disclosure = encode(br#"["s","n",{"_sd":["y"]}]"#);
        let jwe = format!("{}..{}.{}.{}", encode(br#"{"alg":"dir","enc":"A128GCM"}"#), encode(&[0; 12]), encode(b"c"), encode(&[0; 16]));
        let inputs = [
            json!({"payload": payload, "signatures": [{"protected": header, "header": {"x": 1}, "signature": signature}, {"header": {"alg": "HS256"}, "signature": "AA"}]}).to_string(),
            json!({"protected": header, "signature": signature}).to_string(),
            format!("{compact}~{disclosure}~{compact}"),
            hs256(r#"{"alg":"HS256","cty":"JWT"}"#, compact.as_bytes()),
            format!("{}.raw payload.{signature}", encode(br#"{"alg":"HS256","b64":false,"crit":["b64"]}"#)),
            jwe,
        ];
        let secret = json!({"kty": "oct", "k": encode(SECRET.as_bytes())}).to_string();
        let options = parse_verify_options(r#"{"supportsB64":true}"#, 0.0).unwrap();
        let mut checked = 0;
        for input in &inputs {
            for at in 0..input.len() {
                let mut variants: Vec<String> = ['~', '.', '"', 'A'].iter().map(|c| format!("{}{c}{}", &input[..at], &input[at + 1..])).collect();
                variants.push(input[..at].to_string());
                for variant in &variants {
                    let decoded = decode(variant);
                    assert_eq!(decoded.kind.as_str() == "invalid", decoded.has_errors(), "{variant}");
                    let mut previous_end = 0;
                    for s in &decoded.segments {
                        assert!(previous_end <= s.start && s.start <= s.end && s.end <= variant.len(), "{variant}: {:?}", decoded.segments);
                        previous_end = s.end;
                    }
                    let report = verify_with_key_text(variant, &secret, &options);
                    assert!(!report.valid || report.errors.is_empty(), "{variant}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 5_000, "{checked}");
    }
}
