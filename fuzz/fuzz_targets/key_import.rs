//! Key import in every format: secrets in each encoding, JWK, JWK Sets, PEM of each kind, DER as
//! base64 or hex, X.509 certificates. Byte 0 picks how the rest is presented (see `present`), so
//! the DER readers see raw bytes without the fuzzer having to learn base64.
//! Beyond not panicking: an imported asymmetric key re-imports from its own public JWK and
//! public PEM (and a private one from its private PEM) with the same RFC 7638 thumbprint, and
//! the JS key description is JSON.
#![no_main]

use jwt_lens::key::{Keyring, Material};
use jwt_lens::{b64, import_key, report, SecretEncoding};
use jwt_lens_fuzz::assert_json;
use libfuzzer_sys::fuzz_target;

const LABELS: [&str; 6] = ["PUBLIC KEY", "PRIVATE KEY", "RSA PUBLIC KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "CERTIFICATE"];
const ENCODINGS: [SecretEncoding; 4] = [SecretEncoding::Utf8, SecretEncoding::Base64, SecretEncoding::Base64Url, SecretEncoding::Hex];

/// The key text and secret encoding byte 0 asks for.
fn present(mode: u8, rest: &[u8]) -> (String, SecretEncoding) {
    let encoding = ENCODINGS[usize::from(mode >> 6)];
    let text = match mode & 7 {
        4 => b64::encode_standard(rest),
        5 => rest.iter().map(|b| format!("{b:02x}")).collect(),
        6 => {
            let label = LABELS[usize::from(mode >> 3 & 7) % LABELS.len()];
            let body = b64::encode_standard(rest);
            let lines: Vec<&str> = body.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect();
            format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", lines.join("\n"))
        }
        _ => String::from_utf8_lossy(rest).into_owned(),
    };
    (text, encoding)
}

fn thumbprints(ring: &Keyring) -> Vec<String> {
    ring.keys.iter().map(|k| k.thumbprint.clone()).collect()
}

fn reimport(what: &str, text: &str, expected: &str) {
    match import_key(text, SecretEncoding::Utf8) {
        Ok(again) => assert_eq!(thumbprints(&again), [expected], "{what} re-imports as another key: {text}"),
        Err(d) => panic!("{what} does not re-import ({d:?}): {text}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let (text, encoding) = present(mode, rest);
    let Ok(ring) = import_key(&text, encoding) else { return };
    assert_json("key_info_json", &report::key_info_json(&ring));
    for key in &ring.keys {
        // A JWK Set member of a type this build cannot use is kept (to say why it was skipped),
        // without a thumbprint.
        let expected_len = if matches!(key.material, Material::Unsupported(_)) { 0 } else { 43 };
        assert_eq!(key.thumbprint.len(), expected_len, "a thumbprint is a base64url SHA-256");
        let Material::Asymmetric(asymmetric) = &key.material else { continue };
        let public_jwk = asymmetric.public_jwk(key.kid.as_deref());
        assert_json("public_jwk", &public_jwk);
        reimport("public JWK", &public_jwk, &key.thumbprint);
        if let Some(pem) = asymmetric.public_pem() {
            reimport("public PEM", &pem, &key.thumbprint);
        }
        if let Some(pem) = asymmetric.private_pem() {
            reimport("private PEM", &pem, &key.thumbprint);
        }
        if let Some(jwk) = asymmetric.private_jwk(None) {
            reimport("private JWK", &jwk, &key.thumbprint);
        }
    }
});
