//! Key conversion (`export_key`): PEM ↔ JWK ↔ JWK Set, public and private, checked against
//! published keys (the IETF JOSE cookbook's P-521 key, RFC 7638's RSA key and its thumbprint).
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(all(feature = "rsa", feature = "ecdsa"))]

mod common;

use common::vector;
use jwt_lens::{export_key, import_key, parse_export_options, Code, SecretEncoding};
use serde_json::Value;

fn export(input: &str, options: &str) -> Result<String, Code> {
    let ring = import_key(input, SecretEncoding::Utf8).map_err(|d| d.code)?;
    export_key(&ring, &parse_export_options(options).unwrap()).map_err(|e| e.code)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

dual_test! {
    fn a_private_jwk_survives_pem_and_back_and_its_public_half_has_no_d() {
        let Some(example) = vector("ietf-jose-cookbook/jws/4_3.ecdsa_signature.json") else { return };
        let original = &example["input"]["key"];
        let pem = export(&original.to_string(), r#"{"format":"pem","private":true}"#).unwrap();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n") && pem.ends_with("-----END PRIVATE KEY-----\n"), "{pem}");
        let back = json(&export(&pem, r#"{"format":"jwk","private":true}"#).unwrap());
        for member in ["kty", "crv", "x", "y", "d"] {
            assert_eq!(back[member], original[member], "{member} after JWK -> PEM -> JWK");
        }
        let public = json(&export(&original.to_string(), "").unwrap());
        assert_eq!(public["kid"], original["kid"], "a JWK keeps its kid");
        assert!(public.get("d").is_none(), "the public JWK carries no private member");
        let public_pem = export(&pem, r#"{"format":"pem"}"#).unwrap();
        assert!(public_pem.starts_with("-----BEGIN PUBLIC KEY-----\n"));
        // The public PEM reads back as the same public key.
        let again = json(&export(&public_pem, "").unwrap());
        assert_eq!((&again["x"], &again["y"]), (&original["x"], &original["y"]));
        // A public key has no private half to give.
        assert_eq!(export(&public_pem, r#"{"private":true}"#), Err(Code::InvalidOption));
    }
}

dual_test! {
    fn a_jwk_set_gives_each_key_a_kid_its_rfc_7638_thumbprint_when_it_has_none() {
        let Some(file) = vector("rfc/rfc7638_thumbprints.json") else { return };
        let case = &file["cases"][0];
        assert_eq!(case["id"], "RFC7638-3.1");
        let mut jwk = case["jwk"].clone();
        jwk.as_object_mut().unwrap().remove("kid");
        let set = json(&export(&jwk.to_string(), r#"{"format":"jwks"}"#).unwrap());
        let keys = set["keys"].as_array().unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0]["kid"], case["thumbprint_b64u"]);
        assert_eq!(keys[0]["n"], jwk["n"]);

        // A set in, a set out (each key in order); PEM writes one block per key; one JWK cannot hold two.
        let two = serde_json::json!({ "keys": [case["jwk"], keys[0]] }).to_string();
        let both = json(&export(&two, r#"{"format":"jwks"}"#).unwrap());
        assert_eq!(both["keys"][0]["kid"], case["jwk"]["kid"]);
        assert_eq!(both["keys"][1]["kid"], case["thumbprint_b64u"]);
        assert_eq!(export(&two, r#"{"format":"pem"}"#).unwrap().matches("-----BEGIN PUBLIC KEY-----").count(), 2);
        assert_eq!(export(&two, r#"{"format":"jwk"}"#), Err(Code::InvalidOption));
    }
}

dual_test! {
    fn a_secret_exports_only_as_a_private_oct_jwk() {
        let secret = "a-secret-of-at-least-thirty-two-bytes!!";
        let jwk = json(&export(secret, r#"{"private":true}"#).unwrap());
        assert_eq!(jwk["kty"], "oct");
        assert_eq!(jwk["k"], "YS1zZWNyZXQtb2YtYXQtbGVhc3QtdGhpcnR5LXR3by1ieXRlcyEh");
        assert_eq!(export(secret, ""), Err(Code::InvalidOption), "a secret has no public half");
        assert_eq!(export(secret, r#"{"format":"pem","private":true}"#), Err(Code::InvalidOption), "nor a PEM form");
        // The secret's encoding is an option like verify's: hex 01020304... is those bytes.
        let ring = import_key("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", SecretEncoding::Hex).unwrap();
        let options = parse_export_options(r#"{"private":true,"secretEncoding":"hex"}"#).unwrap();
        assert_eq!(options.secret_encoding, SecretEncoding::Hex);
        assert_eq!(json(&export_key(&ring, &options).unwrap())["k"], "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
    }
}
