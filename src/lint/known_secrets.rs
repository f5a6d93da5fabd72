//! `known_secret`: HMAC secrets copied from tutorials, library READMEs and jwt.io. A token
//! signed with one can be forged by anyone who has read the same page, so `decode` tries each
//! (one HMAC per secret, only for HS* tokens) and names the one that verifies. Each HMAC covers
//! the whole signing input, so a very large token is not tried: `known_secret_not_tried` says so.

use crate::alg::{self, Hash};
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

/// Signing inputs longer than this are not tried against the listed secrets. The trial costs
/// one HMAC of the whole input per secret: for a 1 MB token, ~100 ms of the debugger's answer,
/// against ~4 µs for a typical token. Tutorials sign small tokens; and `verify` still names a
/// listed secret at any size once it is the caller's key (`known_secret_of_verifying_key`).
pub const KNOWN_SECRET_TRIAL_MAX_BYTES: usize = 64 * 1024;

/// A warning naming the well-known secret the token's HMAC signature verifies with, if any.
/// Costs one HMAC per listed secret for an HS* token; above KNOWN_SECRET_TRIAL_MAX_BYTES of
/// signing input, an info finding that the secrets were not tried instead.
#[must_use]
pub fn known_secret_used(token: &UntrustedToken) -> Option<Diagnostic> {
    let hash = alg::lookup(token.alg()?).filter(|a| a.family == alg::Family::Hmac)?.hash?;
    let (input, signature) = (token.signing_input.as_ref()?, token.signature.as_ref()?);
    if input.len() > KNOWN_SECRET_TRIAL_MAX_BYTES {
        return Some(not_tried(input.len()));
    }
    let verifies = |key: &Option<HmacKey>| key.as_ref().is_some_and(|key| key.verify(hash, input.as_bytes(), signature));
    let secret = KNOWN_KEYS.with(|keys| KNOWN_SECRETS.iter().zip(keys).find(|(_, key)| verifies(key)).map(|(secret, _)| *secret))?;
    Some(finding(secret))
}

thread_local! {
    /// The listed secrets as HMAC keys, made once: each keeps its key schedule per hash, so the
    /// trial on every HS* token `decode` sees skips two of the ~six compressions per secret.
    static KNOWN_KEYS: Vec<Option<HmacKey>> = KNOWN_SECRETS.iter().map(|secret| HmacKey::new(secret.as_bytes())).collect();
}

/// `known_secret_used` for a token whose HMAC signature is known to verify with `key` (under
/// `hash`), without an HMAC per listed secret: a listed secret verifies it exactly when it is
/// the same HMAC key. HMAC pads a key shorter than the hash's block with zero bytes, so `key`
/// is compared without its trailing zeros; a longer key is hashed first, and no listed secret
/// is such a hash.
#[must_use]
pub fn known_secret_of_verifying_key(key: &[u8], hash: Hash) -> Option<Diagnostic> {
    let block = match hash {
        Hash::Sha256 => 64,
        Hash::Sha384 | Hash::Sha512 => 128,
    };
    if key.len() > block {
        return None;
    }
    let effective = key.iter().rposition(|&b| b != 0).map_or(&[][..], |last| key.get(..=last).unwrap_or(key));
    is_known_secret(effective).map(finding)
}

fn finding(secret: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::KnownSecret,
        format!("The signature verifies with the well-known secret \"{secret}\": anyone can forge this token."),
    )
    .with_hint("This secret is published in tutorials and debuggers; sign with a random secret of at least the hash length (generateKey).")
}

fn not_tried(input_len: usize) -> Diagnostic {
    Diagnostic::info(
        Code::KnownSecretNotTried,
        format!(
            "The signed part is {input_len} bytes, over the {} KiB up to which jwt-lens tries the well-known demo secrets; they were not tried.",
            KNOWN_SECRET_TRIAL_MAX_BYTES / 1024
        ),
    )
    .with_hint("Verify with the token's secret: verify() still says when that secret is a well-known demo secret.")
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

    /// Tried up to the limit inclusive, and not one byte beyond it.
    #[test]
    fn the_trial_stops_at_its_size_limit() {
        use crate::decode::decode;
        use base64::Engine as _;
        let b64 = |s: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        let signing_input = |len: usize| {
            // Three payload bytes per four characters; start just short of the length and step up.
            (len * 3 / 4 - 24..len)
                .map(|pad| format!("{}.{}", b64(br#"{"alg":"HS256"}"#), b64(format!(r#"{{"p":"{}"}}"#, "x".repeat(pad)).as_bytes())))
                .find(|input| input.len() >= len)
        };
        let code_for = |input: &str| {
            let tag = HmacKey::new(b"secret").and_then(|k| k.tag(Hash::Sha256, input.as_bytes())).map(|t| b64(&t)).unwrap_or_default();
            known_secret_used(&decode(&format!("{input}.{tag}"))).map(|d| d.code)
        };
        let at_limit = signing_input(KNOWN_SECRET_TRIAL_MAX_BYTES).unwrap_or_default();
        assert_eq!(at_limit.len(), KNOWN_SECRET_TRIAL_MAX_BYTES);
        assert_eq!(code_for(&at_limit), Some(Code::KnownSecret));
        let over = signing_input(KNOWN_SECRET_TRIAL_MAX_BYTES + 1).unwrap_or_default();
        assert!(over.len() > KNOWN_SECRET_TRIAL_MAX_BYTES);
        assert_eq!(code_for(&over), Some(Code::KnownSecretNotTried));
    }

    /// The shortcut agrees with trying every secret, including HMAC's zero padding of short keys.
    #[test]
    fn the_verifying_key_shortcut_agrees_with_trying_each_secret() {
        use crate::decode::decode;
        use base64::Engine as _;
        let b64 = |s: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        for (alg, hash) in [("HS256", Hash::Sha256), ("HS384", Hash::Sha384), ("HS512", Hash::Sha512)] {
            for key in [&b"secret"[..], b"secret\0\0", b"not a listed secret", b"", &[b'k'; 200][..]] {
                let input = format!("{}.{}", b64(format!("{{\"alg\":\"{alg}\"}}").as_bytes()), b64(b"{}"));
                let Some(tag) = HmacKey::new(key).and_then(|k| k.tag(hash, input.as_bytes())) else { continue };
                let token = decode(&format!("{input}.{}", b64(&tag)));
                let tried = known_secret_used(&token).map(|d| d.message);
                assert_eq!(known_secret_of_verifying_key(key, hash).map(|d| d.message), tried, "{alg} {key:?}");
            }
        }
    }
}
