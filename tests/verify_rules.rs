//! What `verify`, `sign` and `generate_key` promise, one rule per test.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{CountingRandom, SeededRandom};
use jwt_lens::b64::encode;
use jwt_lens::options::GenerateOptions;
use jwt_lens::{generate_key, parse_verify_options, sign_with_key_text, verify_with_key_text, Code, SecretEncoding, VerifyReport};

const SECRET: &str = "a-string-secret-at-least-256-bits-long!!-and-then-some-more-bytes";
const NOW: f64 = 1_700_000_000.0;

fn signed(header: &str, payload: &str) -> String {
    sign_with_key_text(header, payload, SECRET, SecretEncoding::Utf8).unwrap()
}

/// A token MACed directly, for inputs `sign` refuses to produce.
fn hand_signed(header: &str, payload: &str, secret: &[u8]) -> String {
    let input = format!("{}.{}", encode(header.as_bytes()), encode(payload.as_bytes()));
    let tag = jwt_lens::hmac::HmacKey::new(secret).unwrap().tag(jwt_lens::alg::Hash::Sha256, input.as_bytes()).unwrap();
    format!("{input}.{}", encode(&tag))
}

fn check(token: &str, key: &str, options: &str) -> VerifyReport {
    let options = parse_verify_options(options, NOW).unwrap();
    verify_with_key_text(token, key, &options)
}

fn error_codes(report: &VerifyReport) -> Vec<Code> {
    report.errors.iter().map(|e| e.code).collect()
}

fn warning_codes(report: &VerifyReport) -> Vec<Code> {
    report.warnings.iter().map(|e| e.code).collect()
}

dual_test! {
    fn every_hmac_algorithm_round_trips_and_tampering_is_caught() {
        for alg in ["HS256", "HS384", "HS512"] {
            let token = signed(&format!(r#"{{"alg":"{alg}"}}"#), r#"{"sub":"x"}"#);
            let report = check(&token, SECRET, "");
            assert!(report.valid, "{alg}: {:?}", report.errors);
            let mut tampered = token.into_bytes();
            let i = tampered.iter().position(|b| *b == b'.').unwrap() + 3;
            tampered[i] = if tampered[i] == b'A' { b'B' } else { b'A' };
            let report = check(&String::from_utf8(tampered).unwrap(), SECRET, "");
            assert!(!report.valid && !report.signature_valid, "{alg}");
        }
    }
}

dual_test! {
    fn a_truncated_tag_is_invalid() {
        let token = signed(r#"{"alg":"HS256"}"#, "{}");
        let (input, tag) = token.rsplit_once('.').unwrap();
        let short = format!("{input}.{}", encode(&jwt_lens::b64::decode(tag).unwrap()[..16]));
        assert_eq!(error_codes(&check(&short, SECRET, "")), vec![Code::SignatureInvalid]);
    }
}

dual_test! {
    fn alg_none_is_never_accepted_even_when_allowed() {
        let token = format!("{}.{}.", encode(br#"{"alg":"none"}"#), encode(b"{}"));
        for options in ["", r#"{"algorithms":["none"]}"#] {
            let report = check(&token, SECRET, options);
            assert!(!report.valid && error_codes(&report).contains(&Code::AlgNone), "{options}");
        }
    }
}

dual_test! {
    fn the_caller_pins_the_algorithm() {
        let token = signed(r#"{"alg":"HS256"}"#, "{}");
        assert_eq!(error_codes(&check(&token, SECRET, r#"{"algorithms":["HS512"]}"#)), vec![Code::AlgNotAllowed]);
        assert!(check(&token, SECRET, r#"{"algorithms":["HS256","HS384"]}"#).valid);
        let pinned = r#"{"kty":"oct","alg":"HS512","k":"YS1zdHJpbmctc2VjcmV0LWF0LWxlYXN0LTI1Ni1iaXRzLWxvbmchIS1hbmQtdGhlbi1zb21lLW1vcmUtYnl0ZXM"}"#;
        assert_eq!(error_codes(&check(&token, pinned, "")), vec![Code::AlgNotAllowed]);
        let unsupported = format!("{}.{}.c2ln", encode(br#"{"alg":"Ed448"}"#), encode(b"{}"));
        assert!(error_codes(&check(&unsupported, SECRET, "")).contains(&Code::UnsupportedAlg));
    }
}

dual_test! {
    fn crit_is_honoured() {
        for header in [
            r#"{"alg":"HS256","crit":["exp"],"exp":1}"#,
            r#"{"alg":"HS256","crit":[]}"#,
            r#"{"alg":"HS256","crit":"b64"}"#,
            r#"{"alg":"HS256","crit":["alg"]}"#,
            r#"{"alg":"HS256","crit":["x"]}"#,
            r#"{"alg":"HS256","crit":["b64"],"b64":false}"#,
        ] {
            let report = check(&hand_signed(header, "{}", SECRET.as_bytes()), SECRET, "");
            assert!(report.signature_valid && !report.valid, "{header}");
            // Without supportsB64, b64:false is also refused on its own terms (RFC 7797).
            let expected = if header.contains("b64\":false") { vec![Code::CritUnsupported, Code::B64Invalid] } else { vec![Code::CritUnsupported] };
            assert_eq!(error_codes(&report), expected, "{header}");
            let refused = sign_with_key_text(header, "{}", SECRET, SecretEncoding::Utf8).map_err(|e| e.code);
            assert_eq!(refused, Err(Code::CritUnsupported), "sign must not emit what verify refuses: {header}");
        }
    }
}

dual_test! {
    fn exp_and_nbf_are_checked_with_leeway_and_must_be_numbers() {
        let expired = signed(r#"{"alg":"HS256"}"#, &format!(r#"{{"exp":{}}}"#, NOW - 10.0));
        assert_eq!(error_codes(&check(&expired, SECRET, "")), vec![Code::Expired]);
        assert!(check(&expired, SECRET, r#"{"leeway":11}"#).valid);
        assert!(check(&expired, SECRET, &format!(r#"{{"now":{}}}"#, NOW - 11.0)).valid);
        let at_exp = signed(r#"{"alg":"HS256"}"#, &format!(r#"{{"exp":{NOW}}}"#));
        assert_eq!(error_codes(&check(&at_exp, SECRET, "")), vec![Code::Expired]);
        let fraction = signed(r#"{"alg":"HS256"}"#, &format!(r#"{{"exp":{}.5}}"#, NOW));
        assert!(check(&fraction, SECRET, "").valid);

        let early = signed(r#"{"alg":"HS256"}"#, &format!(r#"{{"nbf":{}}}"#, NOW + 30.0));
        assert_eq!(error_codes(&check(&early, SECRET, "")), vec![Code::NotYetValid]);
        assert!(check(&early, SECRET, r#"{"leeway":30}"#).valid);

        for claims in [r#"{"exp":"1700000100"}"#, r#"{"nbf":true}"#, r#"{"exp":null}"#, r#"{"iat":[1]}"#] {
            let token = signed(r#"{"alg":"HS256"}"#, claims);
            assert_eq!(error_codes(&check(&token, SECRET, "")), vec![Code::ClaimType], "{claims}");
        }
    }
}

dual_test! {
    fn secrets_in_every_encoding() {
        let raw = [0xde_u8, 0xad, 0xbe, 0xef].repeat(8);
        let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        let token = jwt_lens::sign_with_key_text(r#"{"alg":"HS256"}"#, "{}", &hex, SecretEncoding::Hex).unwrap();
        let b64 = jwt_lens::b64::encode_standard(&raw);
        for (key, options) in [
            (hex.as_str(), r#"{"secretEncoding":"hex"}"#),
            (b64.as_str(), r#"{"secretEncoding":"base64"}"#),
            (&encode(&raw), r#"{"secretEncoding":"base64url"}"#),
        ] {
            assert!(check(&token, key, options).valid, "{options}");
        }
        assert!(!check(&token, &hex, "").signature_valid, "hex text read as UTF-8 is another key");
    }
}

dual_test! {
    fn a_secret_read_in_the_wrong_encoding_is_explained() {
        let raw = b"0123456789abcdef0123456789abcdef-longer-than-32";
        let b64url = encode(raw);
        let token = sign_with_key_text(r#"{"alg":"HS256"}"#, "{}", &b64url, SecretEncoding::Base64Url).unwrap();
        let report = check(&token, &b64url, "");
        assert!(!report.valid && !report.signature_valid, "the hint never makes a token valid");
        let hint = report.errors.iter().find(|e| e.code == Code::SecretEncodingHint).expect("secret_encoding_hint");
        assert!(hint.message.contains("base64url"), "{}", hint.message);
        assert!(error_codes(&check(&token, &b64url, r#"{"secretEncoding":"hex"}"#)).contains(&Code::InvalidKey));
        let wrapped = format!("{}\n{}\n", &jwt_lens::b64::encode_standard(raw)[..40], &jwt_lens::b64::encode_standard(raw)[40..]);
        assert!(check(&token, &wrapped, r#"{"secretEncoding":"base64"}"#).valid, "base64 wrapped over lines");
        let other = signed(r#"{"alg":"HS256"}"#, "{}");
        assert!(!error_codes(&check(&other, "another-secret-entirely-that-is-long", "")).contains(&Code::SecretEncodingHint));
    }
}

dual_test! {
    fn weak_and_empty_secrets() {
        let weak = sign_with_key_text(r#"{"alg":"HS256"}"#, "{}", "short", SecretEncoding::Utf8);
        assert_eq!(weak.map_err(|e| e.code), Err(Code::WeakKey));
        let empty = sign_with_key_text(r#"{"alg":"HS256"}"#, "{}", "", SecretEncoding::Utf8);
        assert_eq!(empty.map_err(|e| e.code), Err(Code::InvalidKey));

        // A token made elsewhere with a short secret still verifies, with a warning.
        let report = check(&hand_signed(r#"{"alg":"HS256"}"#, "{}", b"short"), "short", "");
        assert!(report.valid && warning_codes(&report).contains(&Code::WeakKey));
        let wrong_and_short = check(&signed(r#"{"alg":"HS256"}"#, "{}"), "short", "");
        assert!(!wrong_and_short.valid && warning_codes(&wrong_and_short).contains(&Code::WeakKey), "warned even when it fails");
        assert_eq!(error_codes(&check(&signed(r#"{"alg":"HS256"}"#, "{}"), "", "")), vec![Code::InvalidKey]);
    }
}

dual_test! {
    fn asymmetric_keys_are_never_hmac_secrets() {
        let token = signed(r#"{"alg":"HS256"}"#, "{}");
        let pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\nq9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==\n-----END PUBLIC KEY-----";
        let der_b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        let jwk = r#"{"kty":"EC","crv":"P-256","x":"EVs_o5-uQbTjL3chynL4wXgUg2R9q9UU8I5mEovUf84","y":"kGe5DgSIycKp8w9aJmoHhB1sB3QTugfnRWm5nU_TzsY"}"#;
        for (what, key, options) in [("PEM", pem, ""), ("DER", der_b64.as_str(), ""), ("DER as base64", der_b64.as_str(), r#"{"secretEncoding":"base64"}"#), ("JWK", jwk, "")] {
            let report = check(&token, key, options);
            assert!(!report.signature_valid, "{what}");
            // With ECDSA built in, an EC key cannot make HS256 signatures (key_alg_mismatch),
            // also when the caller allows HS256. The HMAC-only engine refuses the key outright
            // (invalid_key).
            let (own, forced_code) =
                if cfg!(feature = "ecdsa") { (Code::KeyAlgMismatch, Code::KeyAlgMismatch) } else { (Code::InvalidKey, Code::InvalidKey) };
            assert!(error_codes(&report).contains(&own), "{what}: {:?}", report.errors);
            let forced = check(&token, key, &format!(r#"{{"algorithms":["HS256"]{}}}"#, if options.is_empty() { "" } else { r#","secretEncoding":"base64""# }));
            assert!(!forced.signature_valid && error_codes(&forced).contains(&forced_code), "{what}: {:?}", forced.errors);
        }
    }
}

dual_test! {
    fn keys_in_the_token_are_reported_never_used() {
        for param in ["jwk", "x5c", "jku", "x5u"] {
            let token = signed(&format!(r#"{{"alg":"HS256","{param}":"x"}}"#), "{}");
            let report = check(&token, SECRET, "");
            assert!(report.valid && warning_codes(&report).contains(&Code::EmbeddedKeyIgnored), "{param}");
        }
    }
}

dual_test! {
    fn duplicate_members_are_refused_by_verify() {
        let report = check(&hand_signed(r#"{"alg":"HS256","alg":"HS256"}"#, r#"{"sub":"a","sub":"b"}"#, SECRET.as_bytes()), SECRET, "");
        assert!(!report.valid);
        assert_eq!(error_codes(&report), vec![Code::DuplicateMember, Code::DuplicateMember]);
        let dup = sign_with_key_text(r#"{"alg":"HS256","kid":"a","kid":"b"}"#, "{}", SECRET, SecretEncoding::Utf8);
        assert_eq!(dup.map_err(|e| e.code), Err(Code::DuplicateMember));
    }
}

dual_test! {
    fn key_sets_choose_by_kid_and_respect_use() {
        let k1 = encode(SECRET.as_bytes());
        let k2 = encode(b"another-secret-that-is-long-enough-for-hs256");
        let set = format!(r#"{{"keys":[{{"kty":"oct","kid":"two","k":"{k2}"}},{{"kty":"oct","kid":"one","k":"{k1}"}},{{"kty":"RSA","kid":"rsa","n":"AQAB","e":"AQAB"}}]}}"#);
        let with_kid = signed(r#"{"alg":"HS256","kid":"one"}"#, "{}");
        let report = check(&with_kid, &set, "");
        assert!(report.valid, "{:?}", report.errors);
        let unknown = signed(r#"{"alg":"HS256","kid":"three"}"#, "{}");
        assert_eq!(error_codes(&check(&unknown, &set, "")), vec![Code::KeyNotFound]);
        let no_kid = signed(r#"{"alg":"HS256"}"#, "{}");
        let report = check(&no_kid, &set, "");
        assert!(report.valid && report.checks.iter().any(|c| c.message.contains("kid \"one\"")));

        let enc_only = format!(r#"{{"kty":"oct","use":"enc","k":"{k1}"}}"#);
        assert_eq!(error_codes(&check(&no_kid, &enc_only, "")), vec![Code::KeyAlgMismatch]);
        let sign_only = format!(r#"{{"kty":"oct","key_ops":["sign"],"k":"{k1}"}}"#);
        assert_eq!(error_codes(&check(&no_kid, &sign_only, "")), vec![Code::KeyAlgMismatch]);
        let verify_ok = format!(r#"{{"kty":"oct","key_ops":["verify"],"k":"{k1}"}}"#);
        assert!(check(&no_kid, &verify_ok, "").valid);
    }
}

dual_test! {
    fn sign_keeps_string_input_verbatim() {
        let header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
        let token = signed(header, "{ \"n\": 12345678901234567890 }");
        let decoded = jwt_lens::decode(&token);
        assert_eq!(decoded.header_json.as_deref(), Some(header));
        assert_eq!(decoded.payload_json.as_deref(), Some("{ \"n\": 12345678901234567890 }"));
    }
}

dual_test! {
    fn sign_refuses_what_cannot_be_signed() {
        for (header, payload, code) in [
            ("{}", "{}", Code::Malformed),
            (r#"{"alg":"none"}"#, "{}", Code::AlgNone),
            (r#"{"alg":"RS256"}"#, "{}", if cfg!(feature = "rsa") { Code::KeyAlgMismatch } else { Code::UnsupportedAlg }),
            (r#"{"alg":"Ed448"}"#, "{}", Code::UnsupportedAlg),
            (r#"{"alg":"XX1"}"#, "{}", Code::UnsupportedAlg),
            ("[]", "{}", Code::HeaderNotObject),
            (r#"{"alg":"HS256"}"#, "{", Code::InvalidJson),
            (r#"{"alg":"HS256"}"#, "[1]", Code::InvalidJson),
        ] {
            let got = sign_with_key_text(header, payload, SECRET, SecretEncoding::Utf8).map_err(|e| e.code);
            assert_eq!(got, Err(code), "{header} {payload}");
        }
    }
}

dual_test! {
    fn generated_secrets_have_the_hash_length_and_a_thumbprint_kid() {
        let defaults = GenerateOptions::default();
        for (alg, len) in [("HS256", 32), ("HS384", 48), ("HS512", 64)] {
            let expected: Vec<u8> = (0..len as u8).collect();
            let key = generate_key(alg, &defaults, &mut CountingRandom(0)).unwrap();
            assert_eq!(key.secret.as_deref(), Some(encode(&expected).as_str()));
            assert_eq!(key.kid, jwt_lens::jwk::oct_thumbprint(&expected));
            assert!(key.public_jwk.is_none());
            let token = sign_with_key_text(&format!(r#"{{"alg":"{alg}"}}"#), "{}", &key.private_jwk, SecretEncoding::Utf8).unwrap();
            assert!(check(&token, &key.private_jwk, "").valid);
        }
        let short = GenerateOptions { size: Some(16), ..defaults };
        assert_eq!(generate_key("HS256", &short, &mut CountingRandom(0)).map_err(|e| e.code), Err(Code::WeakKey));
        assert_eq!(generate_key("Ed448", &defaults, &mut CountingRandom(0)).map_err(|e| e.code), Err(Code::UnsupportedAlg));
        assert_eq!(generate_key("HS256", &defaults, &mut jwt_lens::random::NoRandomSource).map_err(|e| e.code), Err(Code::Internal));
    }
}

dual_test! {
    #[cfg(all(feature = "ecdsa", feature = "eddsa"))]
    fn generated_asymmetric_keys_sign_with_the_private_jwk_and_verify_with_the_public_one() {
        for alg in ["ES256", "ES384", "ES512", "ES256K", "EdDSA", "Ed25519"] {
            assert_generated_key_works(alg, &GenerateOptions::default());
        }
        if cfg!(feature = "mldsa") {
            for alg in ["ML-DSA-44", "ML-DSA-65", "ML-DSA-87"] {
                assert_generated_key_works(alg, &GenerateOptions::default());
            }
        }
    }
}

/// RSA key generation is slow in unoptimised wasm, so this one runs natively only.
#[cfg(all(feature = "rsa", not(target_arch = "wasm32")))]
#[test]
fn generated_rsa_keys_work_for_rs_and_ps() {
    let options = GenerateOptions { modulus_length: Some(2048), ..GenerateOptions::default() };
    assert_generated_key_works("PS256", &options);
    let odd = GenerateOptions { modulus_length: Some(1024), ..GenerateOptions::default() };
    assert_eq!(generate_key("RS256", &odd, &mut SeededRandom(9)).map_err(|e| e.code), Err(Code::InvalidOption));
}

#[cfg_attr(not(all(feature = "ecdsa", feature = "eddsa")), allow(dead_code))]
fn assert_generated_key_works(alg: &str, options: &GenerateOptions) {
    let key = generate_key(alg, options, &mut SeededRandom(0x5eed)).unwrap();
    let public = key.public_jwk.clone().unwrap();
    assert!(!public.contains("\"d\""), "{alg}: the public JWK carries no private part");
    let ring = jwt_lens::import_key(&key.private_jwk, SecretEncoding::Utf8).unwrap();
    let token = jwt_lens::sign::sign_with(&format!(r#"{{"alg":"{alg}"}}"#), "{}", &ring, &mut SeededRandom(7)).unwrap();
    let report = check(&token, &public, "");
    assert!(report.valid, "{alg}: {:?}", report.errors);
    assert_eq!(report.key_thumbprint.as_deref(), Some(key.kid.as_str()), "{alg}");
    // The PEM forms are the same key: the public PEM verifies, the private PEM signs.
    let (private_pem, public_pem) = (key.private_pem.clone().unwrap(), key.public_pem.clone().unwrap());
    assert!(private_pem.starts_with("-----BEGIN PRIVATE KEY-----") && public_pem.starts_with("-----BEGIN PUBLIC KEY-----"), "{alg}");
    assert!(check(&token, &public_pem, "").valid, "{alg}: public PEM");
    let from_pem = jwt_lens::import_key(&private_pem, SecretEncoding::Utf8).unwrap();
    let again = jwt_lens::sign::sign_with(&format!(r#"{{"alg":"{alg}"}}"#), "{}", &from_pem, &mut SeededRandom(8)).unwrap();
    assert!(check(&again, &public, "").valid, "{alg}: private PEM");
    let info = jwt_lens::report::key_info_json(&jwt_lens::import_key(&key.private_jwk, SecretEncoding::Utf8).unwrap());
    assert!(info.contains(&format!("\"publicPem\":{}", serde_json::Value::String(public_pem))), "{alg}: key info carries the public PEM");
    assert!(!info.contains("PRIVATE KEY"), "{alg}: key info never carries the private key");
}
