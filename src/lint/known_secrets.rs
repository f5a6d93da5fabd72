//! `known_secret`: HMAC secrets copied from tutorials, library READMEs and jwt.io. A token
//! signed with one can be forged by anyone who has read the same page, so `decode` tries each
//! (one HMAC per secret, only for HS* tokens) and names the one that verifies.

use crate::alg;
use crate::decode::UntrustedToken;
use crate::error::{Code, Diagnostic};
use crate::hmac::HmacKey;

/// Well-known demo secrets, as UTF-8 text: jwt.io's defaults first, then the most common ones
/// in documentation and examples.
pub const KNOWN_SECRETS: &[&str] = &[
    "your-256-bit-secret",
    "your-384-bit-secret",
    "your-512-bit-secret",
    "a-string-secret-at-least-256-bits-long",
    "secret",
    "secretkey",
    "secret-key",
    "secret_key",
    "your-secret-key",
    "your_jwt_secret",
    "mysecret",
    "my-secret",
    "my_secret",
    "jwt_secret",
    "jwt-secret",
    "supersecret",
    "changeme",
    "change-me",
    "password",
    "shhhhh",
    "keyboard cat",
    "test",
    "key",
    "default",
    "123456",
    "s3cr3t",
];

/// Whether `secret` (key bytes) is one of the well-known demo secrets.
#[must_use]
pub fn is_known_secret(secret: &[u8]) -> Option<&'static str> {
    KNOWN_SECRETS.iter().copied().find(|known| known.as_bytes() == secret)
}

/// A warning naming the well-known secret the token's HMAC signature verifies with, if any.
#[must_use]
pub fn known_secret_used(token: &UntrustedToken) -> Option<Diagnostic> {
    let hash = alg::lookup(token.alg()?).filter(|a| a.family == alg::Family::Hmac)?.hash?;
    let (input, signature) = (token.signing_input.as_ref()?, token.signature.as_ref()?);
    let secret = KNOWN_SECRETS
        .iter()
        .find(|known| HmacKey::new(known.as_bytes()).is_some_and(|key| key.verify(hash, input.as_bytes(), signature)))?;
    Some(
        Diagnostic::warning(
            Code::KnownSecret,
            format!("The signature verifies with the well-known secret \"{secret}\": anyone can forge this token."),
        )
        .with_hint(
            "This secret is published in tutorials and debuggers; sign with a random secret of at least the hash length (generateKey).",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_small_and_has_no_repeats() {
        let mut sorted = KNOWN_SECRETS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), KNOWN_SECRETS.len());
        assert!(KNOWN_SECRETS.len() <= 30);
        assert_eq!(is_known_secret(b"your-256-bit-secret"), Some("your-256-bit-secret"));
        assert_eq!(is_known_secret(b"a random secret nobody published"), None);
    }
}
