//! X.509 certificates as keys: the subject public key verifies, the certificate is described,
//! and nothing in it is trusted.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "ecdsa")]

mod common;

use jwt_lens::key::KeyFormat;
use jwt_lens::{import_key, parse_verify_options, sign, verify_with_key_text, Code, SecretEncoding};

const CERT: &str = include_str!("fixtures/es256-cert.pem");
const KEY: &str = include_str!("fixtures/es256-cert-key.pem");

dual_test! {
    fn a_certificate_is_read_as_its_public_key_and_described() {
        let ring = import_key(CERT, SecretEncoding::Utf8).unwrap();
        assert_eq!(ring.format, KeyFormat::Certificate);
        let info = ring.certificate.as_ref().unwrap();
        assert_eq!(info.subject, "O=jwt-lens, CN=jwt-lens test");
        assert_eq!(info.subject, info.issuer, "self-signed");
        assert_eq!(info.serial, "1234");
        assert_eq!((info.not_before, info.not_after), (1_795_877_727, 2_111_237_727), "2026-11-28T14:55:27Z to 2036-11-25T14:55:27Z");
        let info_json = jwt_lens::report::key_info_json(&ring);
        assert!(info_json.contains("\"format\":\"certificate\"") && info_json.contains("\"serialNumber\":\"1234\""), "{info_json}");

        let token = sign(r#"{"alg":"ES256"}"#, r#"{"sub":"x"}"#, &import_key(KEY, SecretEncoding::Utf8).unwrap()).unwrap();
        let report = verify_with_key_text(&token, CERT, &parse_verify_options("", 0.0).unwrap());
        assert!(report.valid, "{:?}", report.errors);
    }
}

dual_test! {
    fn a_damaged_certificate_is_an_invalid_key() {
        let damaged = CERT.replacen("MII", "MIJ", 1);
        assert_eq!(import_key(&damaged, SecretEncoding::Utf8).err().map(|d| d.code), Some(Code::InvalidKey));
    }
}
