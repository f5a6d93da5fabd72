//! Wycheproof's HMAC-SHA-256/384/512 files against the engine's HMAC primitive. JWS accepts only
//! full-length tags, so Wycheproof's "valid" truncated-tag cases must be rejected here.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{hex, vector};
use jwt_lens::alg::Hash;
use jwt_lens::hmac::HmacKey;

fn run(file: &str, hash: Hash) {
    let Some(suite) = vector(file) else { return };
    let (mut accepted, mut rejected) = (0, 0);
    for group in suite["testGroups"].as_array().unwrap() {
        let full_length = group["tagSize"].as_u64().unwrap() as usize == hash.output_len() * 8;
        for case in group["tests"].as_array().unwrap() {
            let id = &case["tcId"];
            let key = hex(case["key"].as_str().unwrap());
            let msg = hex(case["msg"].as_str().unwrap());
            let tag = hex(case["tag"].as_str().unwrap());
            let expect = case["result"] == "valid" && full_length;
            let got = HmacKey::new(&key).is_some_and(|k| k.verify(hash, &msg, &tag));
            assert_eq!(got, expect, "{file} tcId {id} ({})", case["comment"]);
            if got {
                accepted += 1
            } else {
                rejected += 1
            }
        }
    }
    assert!(accepted > 0 && rejected > 0, "{file}: {accepted} accepted, {rejected} rejected");
}

dual_test! {
    fn hmac_sha256() {
        run("wycheproof/hmac_sha256_test.json", Hash::Sha256);
    }
}

dual_test! {
    fn hmac_sha384() {
        run("wycheproof/hmac_sha384_test.json", Hash::Sha384);
    }
}

dual_test! {
    fn hmac_sha512() {
        run("wycheproof/hmac_sha512_test.json", Hash::Sha512);
    }
}
