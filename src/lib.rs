#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The core (everything but `wasm`) is plain Rust: it never names a JS type, so native
// `cargo test` proves it; `wasm` is the only module that knows JavaScript (DESIGN §2).

pub mod alg;
pub mod armour;
pub mod asymmetric;
pub mod b64;
pub mod certificate;
pub mod claims;
pub mod decode;
mod decode_parts;
pub mod der;
#[cfg(feature = "ecdsa")]
pub mod ecdsa;
#[cfg(feature = "eddsa")]
pub mod eddsa;
pub mod error;
mod explain;
pub mod export;
pub mod generate;
pub mod hmac;
pub mod input;
pub mod json;
pub mod jwe;
pub mod jwk;
pub mod jws_json;
mod jws_json_verify;
pub mod key;
pub mod lint;
#[cfg(feature = "mldsa")]
pub mod mldsa;
mod nested;
pub mod options;
pub mod random;
pub mod report;
mod report_kinds;
#[cfg(feature = "rsa")]
pub mod rsa;
pub mod sd_jwt;
pub mod secret;
pub mod sign;
mod signing_input;
pub mod verify;
mod verify_keys;
mod verify_known_secret;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use decode::{decode, decode_at, decode_with, Limits, TokenKind, UntrustedToken};
pub use error::{Code, Diagnostic, Error, Severity};
pub use export::{export_key, parse_export_options, ExportFormat, ExportOptions};
pub use generate::{generate_key, GeneratedKey};
pub use key::{import as import_key, Keyring};
pub use options::{parse_verify_options, VerifyOptions};
pub use secret::SecretEncoding;
pub use sign::sign;
pub use verify::{verify, VerifyReport};

/// Verifies `token` with a key given as text (secret, JWK or JWK Set), the one-call form.
#[must_use]
pub fn verify_with_key_text(token: &str, key: &str, options: &VerifyOptions) -> VerifyReport {
    let ring = import_key(key, options.secret_encoding);
    verify(token, ring.as_ref(), options)
}

/// Signs with a key given as text in `encoding`, the one-call form.
pub fn sign_with_key_text(header_json: &str, payload_json: &str, key: &str, encoding: SecretEncoding) -> Result<String, Error> {
    let ring = import_key(key, encoding).map_err(Error::from)?;
    sign(header_json, payload_json, &ring)
}
