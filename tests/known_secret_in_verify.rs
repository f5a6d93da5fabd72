//! `verify` decides decode's `known_secret` lint finding without an HMAC per listed secret when
//! the caller's secret verified the signature (src/verify_known_secret.rs `known_secret`). These cases hold
//! it to what trying every secret gives: the same finding, at the same place among the warnings.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use jwt_lens::alg::Hash;
use jwt_lens::b64::encode;
use jwt_lens::hmac::HmacKey;
use jwt_lens::{decode, parse_verify_options, verify_with_key_text, Code};

const NOW: f64 = 1_700_000_000.0;

fn token(alg: &str, hash: Hash, secret: &[u8], payload: &str) -> String {
    let input = format!("{}.{}", encode(format!(r#"{{"alg":"{alg}","kid":"k"}}"#).as_bytes()), encode(payload.as_bytes()));
    let tag = HmacKey::new(secret).unwrap().tag(hash, input.as_bytes()).unwrap();
    format!("{input}.{}", encode(&tag))
}

/// The warnings decode's full lint contributes to a verify report, in order.
fn decode_warnings(input: &str) -> Vec<String> {
    decode(input).diagnostics.iter().filter(|d| d.code != Code::AlgNone).map(|d| d.message.clone()).collect()
}

fn check(signed_with: &[u8], verified_with: &str, encoding: &str) {
    let options = parse_verify_options(&format!(r#"{{"secretEncoding":"{encoding}"}}"#), NOW).unwrap();
    for (alg, hash) in [("HS256", Hash::Sha256), ("HS384", Hash::Sha384), ("HS512", Hash::Sha512)] {
        // Claims that make the lint say more (no exp), so the finding's position is tested too.
        let input = token(alg, hash, signed_with, r#"{"sub":"x","email":"a@example.com"}"#);
        let report = verify_with_key_text(&input, verified_with, &options);
        let expected = decode_warnings(&input);
        let got: Vec<String> = report.warnings.iter().take(expected.len()).map(|d| d.message.clone()).collect();
        assert_eq!(got, expected, "{alg}, signed with {signed_with:?}, verified with {verified_with:?}");
        let findings = report.warnings.iter().filter(|d| d.code == Code::KnownSecret).count();
        assert!(findings <= 1, "one known_secret finding at most");
    }
}

dual_test! {
    fn a_listed_secret_that_verifies_is_named_as_decode_names_it() {
        check(b"your-256-bit-secret", "your-256-bit-secret", "utf8");
    }
}

dual_test! {
    fn hmac_zero_padding_makes_a_key_with_trailing_zeros_the_listed_secret() {
        check(b"secret", "73656372657400", "hex");
        check(b"secret\0\0", "secret", "utf8");
    }
}

dual_test! {
    fn a_failed_signature_still_names_the_listed_secret_that_signed_it() {
        check(b"changeme", "not the secret that signed it, but long enough", "utf8");
    }
}

dual_test! {
    fn an_unlisted_secret_gets_no_finding() {
        check(
            b"an unlisted secret that is long enough for HS512 and more and more",
            "an unlisted secret that is long enough for HS512 and more and more",
            "utf8",
        );
    }
}
