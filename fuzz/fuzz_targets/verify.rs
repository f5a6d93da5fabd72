//! `verify` of arbitrary tokens with the fixed keys of every family (HMAC, RSA, P-256/384/521,
//! secp256k1, Ed25519, ML-DSA-44/65/87), public and private halves, under varied options.
//! Input: byte 0 picks the key, byte 1 the options (see `options_from`); the rest is the token.
//! A forged token is never valid (no input here carries a signature by a fixed key, so the
//! oracle is `assert_report`'s consistency, and the JS report must be JSON).
#![no_main]

use jwt_lens::verify;
use jwt_lens_fuzz::{assert_report, fixed_keys, options_from};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (selector, option_bits, token) = match data {
        [a, b, rest @ ..] => (*a, *b, String::from_utf8_lossy(rest)),
        _ => return,
    };
    let keys = fixed_keys();
    let key = &keys[usize::from(selector & 0x7f) % keys.len()];
    let ring = if selector & 0x80 != 0 { &key.private } else { &key.public };
    let report = verify(&token, Ok(ring), &options_from(option_bits, key.algs));
    assert_report(&report);
    if report.signature_valid {
        // Only an alg the key is for, named by the token, can have verified.
        let alg = report.alg().unwrap_or_default();
        assert!(key.algs.contains(&alg), "{alg} verified with a key for {:?}", key.algs);
    }
});
