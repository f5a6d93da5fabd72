//! HS256 / HS384 / HS512 (RFC 7518 §3.2).

use crate::alg::Hash;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};
use subtle::ConstantTimeEq;

/// An HMAC secret keyed once for each hash, so repeated verifies skip the key schedule.
#[derive(Clone)]
pub struct HmacKey {
    sha256: Hmac<Sha256>,
    sha384: Hmac<Sha384>,
    sha512: Hmac<Sha512>,
    len: usize,
}

impl core::fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "HmacKey({} bytes, redacted)", self.len)
    }
}

impl HmacKey {
    /// Keys all three MACs with `secret`; `None` for an empty secret.
    #[must_use]
    pub fn new(secret: &[u8]) -> Option<Self> {
        if secret.is_empty() {
            return None;
        }
        Some(Self {
            sha256: Hmac::new_from_slice(secret).ok()?,
            sha384: Hmac::new_from_slice(secret).ok()?,
            sha512: Hmac::new_from_slice(secret).ok()?,
            len: secret.len(),
        })
    }

    /// Secret length in bytes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Never true: empty secrets are refused by `new`.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The tag of `input`.
    #[must_use]
    pub fn tag(&self, hash: Hash, input: &[u8]) -> Vec<u8> {
        fn run<M: Mac + Clone>(mac: &M, input: &[u8]) -> Vec<u8> {
            let mut mac = mac.clone();
            mac.update(input);
            mac.finalize().into_bytes().to_vec()
        }
        match hash {
            Hash::Sha256 => run(&self.sha256, input),
            Hash::Sha384 => run(&self.sha384, input),
            Hash::Sha512 => run(&self.sha512, input),
        }
    }

    /// Whether `tag` is the full-length tag of `input`, compared in constant time.
    /// A truncated or extended tag is invalid (Wycheproof's truncated-tag cases).
    #[must_use]
    pub fn verify(&self, hash: Hash, input: &[u8], tag: &[u8]) -> bool {
        tag.len() == hash.output_len() && bool::from(self.tag(hash, input).ct_eq(tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4231_case_2() {
        let key = HmacKey::new(b"Jefe");
        let tag = key.as_ref().map(|k| k.tag(Hash::Sha256, b"what do ya want for nothing?"));
        let expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        let hex: String = tag.unwrap_or_default().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, expected);
    }

    #[test]
    fn rejects_truncated_and_altered_tags() {
        let key = HmacKey::new(b"secret").expect("non-empty secret");
        let tag = key.tag(Hash::Sha384, b"data");
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
