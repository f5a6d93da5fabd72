//! Property tests (proptest), issue 7: what must hold for every input, not only the listed ones.
//! Case counts are modest so the file runs in well under a minute natively; it is not compiled
//! to wasm (proptest is a native-only dev-dependency, and the wasm layer is slow enough).
#![cfg(not(target_arch = "wasm32"))]
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::HashMap;

use common::SeededRandom;
use jwt_lens::alg::ALGORITHMS;
use jwt_lens::options::GenerateOptions;
use jwt_lens::sign::sign_with;
use jwt_lens::{b64, decode, generate_key, import_key, report, verify, Code, Keyring, SecretEncoding, VerifyOptions};
use proptest::prelude::*;
use proptest::sample::Index;

/// Made with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048` (tests/fixtures/README.md):
/// generating RSA keys in an unoptimised test build would take most of this file's time budget.
#[cfg(feature = "rsa")]
const RSA_PEM: &str = include_str!("fixtures/rsa-2048-key.pem");

/// Every algorithm this build signs and verifies, with (private, public) key rings.
fn keys() -> Vec<(&'static str, Keyring, Keyring)> {
    let mut made: HashMap<String, (Keyring, Keyring)> = HashMap::new();
    let mut random = SeededRandom(0x0070_726f_7073); // "props"
    let mut out = Vec::new();
    for alg in ALGORITHMS.iter().filter(|a| a.supported) {
        // One key per key type and curve, shared by the algorithms that fit it.
        let family = format!("{}/{:?}/{}", alg.kty, alg.curve, if alg.kty == "AKP" { alg.name } else { "" });
        let (private, public) = made
            .entry(family)
            .or_insert_with(|| {
                #[cfg(feature = "rsa")]
                if alg.kty == "RSA" {
                    let private = import_key(RSA_PEM, SecretEncoding::Utf8).unwrap();
                    let public = import_key(&public_pem(&private), SecretEncoding::Utf8).unwrap();
                    return (private, public);
                }
                let generated =
                    generate_key(if alg.kty == "oct" { "HS512" } else { alg.name }, &GenerateOptions::default(), &mut random).unwrap();
                match &generated.secret {
                    Some(secret) => {
                        let ring = || import_key(secret, SecretEncoding::Base64Url).unwrap();
                        (ring(), ring())
                    }
                    None => (
                        import_key(generated.private_pem.as_deref().unwrap(), SecretEncoding::Utf8).unwrap(),
                        import_key(generated.public_pem.as_deref().unwrap(), SecretEncoding::Utf8).unwrap(),
                    ),
                }
            })
            .clone();
        out.push((alg.name, private, public));
    }
    out
}

#[cfg(feature = "rsa")]
fn public_pem(ring: &Keyring) -> String {
    match &ring.keys[0].material {
        jwt_lens::key::Material::Asymmetric(key) => key.public_pem().unwrap(),
        _ => unreachable!("the RSA fixture is an asymmetric key"),
    }
}

fn json_string(text: &str) -> String {
    let mut out = String::new();
    jwt_lens::json::write_string(&mut out, text);
    out
}

fn at(now: f64, leeway: f64) -> VerifyOptions {
    VerifyOptions { now, leeway, ..VerifyOptions::default() }
}

const NOW: f64 = 1_700_000_000.0;

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Every algorithm: what `sign` makes from any kid and any claim text, `verify` accepts
    /// with the public key, and the token carries the header and payload verbatim.
    #[test]
    fn every_algorithm_round_trips(kid in any::<String>(), data in any::<String>(), seed in any::<u64>()) {
        let mut random = SeededRandom(seed | 1);
        for (alg, private, public) in keys() {
            let header = format!(r#"{{"alg":"{alg}","kid":{}}}"#, json_string(&kid));
            let payload = format!(r#"{{"sub":"s","exp":{},"data":{}}}"#, NOW + 60.0, json_string(&data));
            let token = sign_with(&header, &payload, &private, &mut random).unwrap();
            let report = verify(&token, Ok(&public), &at(NOW, 0.0));
            prop_assert!(report.valid, "{alg}: {:?}", report.errors);
            prop_assert_eq!(report.token.header_json.as_deref(), Some(header.as_str()));
            prop_assert_eq!(report.token.payload_json.as_deref(), Some(payload.as_str()));
        }
    }
}

/// Characters a tampering puts in: base64url ones (the likeliest to slip through), the
/// separator, padding, standard base64, whitespace and a non-ASCII letter.
const REPLACEMENTS: [char; 12] = ['A', 'g', 'Q', 'w', '0', '-', '_', '.', '=', '+', ' ', 'é'];

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Any single-character change to a signed token makes it invalid. Changing the last
    /// character of a segment may only flip unused trailing bits (same bytes): that spelling
    /// is non-canonical and refused, so `valid` is false either way.
    #[test]
    fn any_changed_character_invalidates(which in any::<Index>(), position in any::<Index>(), replacement in any::<Index>()) {
        thread_local! {
            static SIGNED: Vec<(&'static str, String, Keyring)> = keys()
                .into_iter()
                .map(|(alg, private, public)| {
                    let payload = format!(r#"{{"sub":"s","exp":{}}}"#, NOW + 60.0);
                    (alg, sign_with(&format!(r#"{{"alg":"{alg}"}}"#), &payload, &private, &mut SeededRandom(5)).unwrap(), public)
                })
                .collect();
        }
        SIGNED.with(|signed| {
            let (alg, token, public) = &signed[which.index(signed.len())];
            let chars: Vec<char> = token.chars().collect();
            let i = position.index(chars.len());
            let mut new = REPLACEMENTS[replacement.index(REPLACEMENTS.len())];
            if new == chars[i] {
                new = if new == 'A' { 'B' } else { 'A' };
            }
            let tampered: String = chars.iter().enumerate().map(|(j, c)| if j == i { new } else { *c }).collect();
            let report = verify(&tampered, Ok(public), &at(NOW, 0.0));
            prop_assert!(!report.valid, "{alg}: still valid after character {i} became {new:?}");
            Ok(())
        })?;
    }
}

/// Strings shaped like tokens: three or five base64url-ish segments, with stray characters.
fn token_like() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Za-z0-9_=+/ -]{0,40}", 1..6).prop_map(|parts| parts.join("."))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// `decode` never panics, on any string or any bytes, and its report for JS is JSON.
    #[test]
    fn decode_never_panics_on_strings(text in prop_oneof![any::<String>(), token_like()]) {
        let token = decode(&text);
        prop_assert!(serde_json::from_str::<serde_json::Value>(&report::decoded_json(&token)).is_ok());
    }

    #[test]
    fn decode_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let token = decode(&text);
        prop_assert!(serde_json::from_str::<serde_json::Value>(&report::decoded_json(&token)).is_ok());
    }

    /// base64url: encoding then decoding gives the bytes back, and whatever decodes re-encodes
    /// to the very same text (one spelling per byte string: the canonical one).
    #[test]
    fn base64url_round_trips_canonically(bytes in prop::collection::vec(any::<u8>(), 0..128), text in "[A-Za-z0-9_-]{0,64}") {
        prop_assert_eq!(b64::decode(&b64::encode(&bytes)), Ok(bytes));
        if let Ok(decoded) = b64::decode(&text) {
            prop_assert_eq!(b64::encode(&decoded), text);
        }
    }
}

/// A claims set with `nbf` and `exp` (nbf < exp), HMAC-signed, and its key.
fn timed_token(nbf: u32, length: u32) -> (String, Keyring, f64, f64) {
    let key = import_key("a-string-secret-at-least-256-bits-long!!", SecretEncoding::Utf8).unwrap();
    let (nbf, exp) = (f64::from(nbf), f64::from(nbf) + f64::from(length) + 1.0);
    let token = sign_with(r#"{"alg":"HS256"}"#, &format!(r#"{{"nbf":{nbf},"exp":{exp}}}"#), &key, &mut SeededRandom(3)).unwrap();
    (token, key, nbf, exp)
}

fn has(report: &jwt_lens::VerifyReport, code: Code) -> bool {
    report.errors.iter().any(|e| e.code == code)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Validation is monotone in time: valid at t means valid everywhere in [nbf − leeway,
    /// exp + leeway); once expired, expired at every later time; not yet valid at t, not yet
    /// valid at every earlier time.
    #[test]
    fn validation_is_monotone_in_time(
        nbf in 0_u32..2_000_000_000,
        length in 0_u32..1_000_000,
        t in 0_u32..2_002_000_000,
        later in 0_u32..1_000_000,
        inside in any::<Index>(),
        leeway in 0_u32..600,
    ) {
        let (token, key, nbf, exp) = timed_token(nbf, length);
        let (t, later, leeway) = (f64::from(t), f64::from(later), f64::from(leeway));
        let report = verify(&token, Ok(&key), &at(t, leeway));
        if report.valid {
            let (first, last) = (nbf - leeway, exp + leeway - 1.0);
            let span = (last - first).max(0.0) as usize;
            for t2 in [first.max(0.0), last, first + inside.index(span + 1) as f64] {
                prop_assert!(verify(&token, Ok(&key), &at(t2, leeway)).valid, "valid at {t} but not at {t2}");
            }
        }
        if has(&report, Code::Expired) {
            prop_assert!(has(&verify(&token, Ok(&key), &at(t + later, leeway)), Code::Expired), "expired at {t}, not at {}", t + later);
        }
        if has(&report, Code::NotYetValid) {
            prop_assert!(has(&verify(&token, Ok(&key), &at(t - later, leeway)), Code::NotYetValid), "early at {t}, not at {}", t - later);
        }
        // And the verdict is what the window says.
        prop_assert_eq!(report.valid, nbf - leeway <= t && t < exp + leeway, "t {} window [{}, {})", t, nbf, exp);
    }
}
