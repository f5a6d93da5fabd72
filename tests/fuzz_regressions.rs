//! Inputs the fuzz targets (fuzz/) found, each kept as a test with the fix it needed.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use jwt_lens::{decode, Code};

fn offsets(input: &str) -> Vec<(usize, usize)> {
    decode(input).segments.iter().map(|s| (s.start, s.end)).collect()
}

dual_test! {
    /// `decode` counted each segment's UTF-16 offset from the start of the input again, so
    /// non-ASCII input with many dots took quadratic time: 150 kB of "é." ran for minutes, a
    /// 1 MiB paste would freeze the page. Offsets are now counted in one pass; this input took
    /// hours before the fix.
    fn many_dotted_non_ascii_input_decodes_in_one_pass() {
        let input = "é.".repeat(200_000);
        let token = decode(&input);
        assert_eq!(token.segments.len(), 200_001);
        for (i, segment) in token.segments.iter().enumerate().step_by(9973) {
            assert_eq!((segment.start, segment.end), (2 * i, 2 * i + 1), "segment {i}");
        }
        let last = token.segments.last().unwrap();
        assert_eq!((last.part, last.start, last.end), ("extra", 400_000, 400_000));
        assert!(token.diagnostics.iter().any(|d| d.code == Code::Malformed));
    }
}

dual_test! {
    /// The one-pass offsets still count UTF-16 units (what JS indexes), after any prefix.
    fn segment_offsets_count_utf16_units_after_the_prefix() {
        assert_eq!(offsets("😀.b.c"), [(0, 2), (3, 4), (5, 6)]);
        assert_eq!(offsets("  é.aé.b"), [(2, 3), (4, 6), (7, 8)]);
        assert_eq!(offsets("Bearer é.b.c"), [(7, 8), (9, 10), (11, 12)]);
        assert_eq!(offsets("ab.c.d"), [(0, 2), (3, 4), (5, 6)]);
    }
}

/// An RSA public key of `bits` bits (odd, top bit set; not a real key, only its size matters)
/// as a JWK and as SPKI PEM.
#[cfg(feature = "rsa")]
fn oversized_rsa_key(bits: usize) -> (String, String) {
    use jwt_lens::{b64, der};
    let mut n = vec![0x5a_u8; bits / 8];
    n[0] = 0xc1;
    *n.last_mut().unwrap() = 0x01;
    let jwk = format!(r#"{{"kty":"RSA","n":"{}","e":"AQAB"}}"#, b64::encode(&n));
    let rsa_encryption = der::sequence(&[&[0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01], &[0x05, 0x00]]);
    let public_key = der::sequence(&[&der::unsigned_integer(&n), &der::unsigned_integer(&[1, 0, 1])]);
    let body = b64::encode_standard(&der::spki(&rsa_encryption, &public_key));
    let lines: Vec<&str> = body.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap()).collect();
    (jwk, format!("-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n", lines.join("\n")))
}

dual_test! {
    /// A 9232-bit RSA JWK imported (the JWK reader allowed 16384 bits) while the same key as PEM
    /// was refused as "not supported by this build" (the DER reader stops at 8192): the key
    /// jwt-lens exported as PEM did not re-import. Both now stop at 8192 bits and say so.
    #[cfg(feature = "rsa")]
    fn rsa_keys_over_8192_bits_are_refused_alike_as_jwk_and_as_pem() {
        use jwt_lens::{import_key, SecretEncoding};
        let (jwk, pem) = oversized_rsa_key(9232);
        for (format, text) in [("JWK", &jwk), ("PEM", &pem)] {
            let error = import_key(text, SecretEncoding::Utf8).map(|_| ()).unwrap_err();
            assert_eq!(error.code, Code::InvalidKey, "{format}");
            assert!(error.message.contains("8192 bits") && !error.message.contains("not supported"), "{format}: {}", error.message);
        }
    }
}
