//! HS256 / HS384 / HS512 (RFC 7518 §3.2).

use crate::alg::Hash;
use core::cell::OnceCell;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};
use subtle::ConstantTimeEq;

/// An HMAC secret. Each hash's key schedule is computed on first use and kept, so a key
/// imported once skips it on every later verify, and a one-shot key pays for one hash only.
#[derive(Clone)]
pub struct HmacKey {
    secret: Vec<u8>,
    sha256: OnceCell<Option<Hmac<Sha256>>>,
    sha384: OnceCell<Option<Hmac<Sha384>>>,
    sha512: OnceCell<Option<Hmac<Sha512>>>,
}

impl core::fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "HmacKey({} bytes, redacted)", self.secret.len())
    }
}

impl HmacKey {
    /// A key for `secret`; `None` for an empty secret.
    #[must_use]
    pub fn new(secret: &[u8]) -> Option<Self> {
        if secret.is_empty() {
            return None;
        }
        Some(Self { secret: secret.to_vec(), sha256: OnceCell::new(), sha384: OnceCell::new(), sha512: OnceCell::new() })
    }

    /// Secret length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.secret.len()
    }

    /// The secret itself: to recognise a well-known demo secret and to export it as an `oct`
    /// JWK; never printed.
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        &self.secret
    }

    /// Never true: empty secrets are refused by `new`.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.secret.is_empty()
    }

    /// The tag of `input`; `None` only if keying failed (HMAC takes keys of any length, so
    /// never in practice — but a failure must not turn into some other key).
    #[must_use]
    pub fn tag(&self, hash: Hash, input: &[u8]) -> Option<Vec<u8>> {
        fn run<M: Mac + KeyInit + Clone>(cell: &OnceCell<Option<M>>, secret: &[u8], input: &[u8]) -> Option<Vec<u8>> {
            let mut mac = cell.get_or_init(|| <M as KeyInit>::new_from_slice(secret).ok()).clone()?;
            mac.update(input);
            Some(mac.finalize().into_bytes().to_vec())
        }
        match hash {
            Hash::Sha256 => run(&self.sha256, &self.secret, input),
            Hash::Sha384 => run(&self.sha384, &self.secret, input),
            Hash::Sha512 => run(&self.sha512, &self.secret, input),
        }
    }

    /// Whether `tag` is the full-length tag of `input`, compared in constant time.
    /// A truncated or extended tag is invalid (Wycheproof's truncated-tag cases).
    #[must_use]
    pub fn verify(&self, hash: Hash, input: &[u8], tag: &[u8]) -> bool {
        tag.len() == hash.output_len() && self.tag(hash, input).is_some_and(|expected| bool::from(expected.ct_eq(tag)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4231_case_2() {
        let key = HmacKey::new(b"Jefe");
        let tag = key.as_ref().and_then(|k| k.tag(Hash::Sha256, b"what do ya want for nothing?"));
        let expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        let hex: String = tag.unwrap_or_default().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, expected);
    }

    #[test]
    fn rejects_truncated_and_altered_tags() {
        let key = HmacKey::new(b"secret").expect("non-empty secret");
        let tag = key.tag(Hash::Sha384, b"data").expect("a tag");
        assert!(key.verify(Hash::Sha384, b"data", &tag));
        assert!(!key.verify(Hash::Sha384, b"data", tag.get(..32).unwrap_or_default()));
        assert!(!key.verify(Hash::Sha256, b"data", tag.get(..32).unwrap_or_default()));
        let mut bad = tag.clone();
        if let Some(b) = bad.last_mut() {
            *b ^= 1;
        }
        assert!(!key.verify(Hash::Sha384, b"data", &bad));
        assert!(HmacKey::new(b"").is_none());
    }
}
