//! The algorithm table: one row per registered JWS algorithm (RFC 7518 §3, RFC 8037,
//! RFC 8812, RFC 9864). Every decision about an algorithm reads this table.

/// How signatures of an algorithm are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// HMAC with SHA-2 (RFC 7518 §3.2).
    Hmac,
    /// RSASSA-PKCS1-v1_5 (RFC 7518 §3.3).
    RsaPkcs1,
    /// RSASSA-PSS (RFC 7518 §3.5).
    RsaPss,
    /// ECDSA (RFC 7518 §3.4, RFC 8812).
    Ecdsa,
    /// EdDSA (RFC 8037, RFC 9864).
    EdDsa,
    /// ML-DSA (draft-ietf-cose-dilithium / JOSE registrations).
    MlDsa,
}

/// The hash an algorithm uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hash {
    /// SHA-256
    Sha256,
    /// SHA-384
    Sha384,
    /// SHA-512
    Sha512,
}

impl Hash {
    /// Output length in bytes, also the minimum HMAC secret length (RFC 7518 §3.2).
    #[must_use]
    pub const fn output_len(self) -> usize {
        match self {
            Self::Sha256 => 32,
            Self::Sha384 => 48,
            Self::Sha512 => 64,
        }
    }
}

/// One JWS algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alg {
    /// The `alg` header value.
    pub name: &'static str,
    /// How it signs.
    pub family: Family,
    /// Its hash, where it has one of its own.
    pub hash: Option<Hash>,
    /// The JWK `kty` of its keys.
    pub kty: &'static str,
    /// The curve, for EC and OKP keys.
    pub curve: Option<&'static str>,
    /// Whether this build can sign and verify it.
    pub supported: bool,
}

const fn row(
    name: &'static str,
    family: Family,
    hash: Option<Hash>,
    kty: &'static str,
    curve: Option<&'static str>,
    supported: bool,
) -> Alg {
    Alg { name, family, hash, kty, curve, supported }
}

const ECDSA: bool = cfg!(feature = "ecdsa");
const EDDSA: bool = cfg!(feature = "eddsa");
const RSA: bool = cfg!(feature = "rsa");
const MLDSA: bool = cfg!(feature = "mldsa");

use Family::{Ecdsa, EdDsa, Hmac, MlDsa, RsaPkcs1, RsaPss};
use Hash::{Sha256, Sha384, Sha512};

/// Every registered JWS algorithm, supported or not, so an unsupported one is named as such.
pub const ALGORITHMS: &[Alg] = &[
    row("HS256", Hmac, Some(Sha256), "oct", None, true),
    row("HS384", Hmac, Some(Sha384), "oct", None, true),
    row("HS512", Hmac, Some(Sha512), "oct", None, true),
    row("RS256", RsaPkcs1, Some(Sha256), "RSA", None, RSA),
    row("RS384", RsaPkcs1, Some(Sha384), "RSA", None, RSA),
    row("RS512", RsaPkcs1, Some(Sha512), "RSA", None, RSA),
    row("PS256", RsaPss, Some(Sha256), "RSA", None, RSA),
    row("PS384", RsaPss, Some(Sha384), "RSA", None, RSA),
    row("PS512", RsaPss, Some(Sha512), "RSA", None, RSA),
    row("ES256", Ecdsa, Some(Sha256), "EC", Some("P-256"), ECDSA),
    row("ES384", Ecdsa, Some(Sha384), "EC", Some("P-384"), ECDSA),
    row("ES512", Ecdsa, Some(Sha512), "EC", Some("P-521"), ECDSA),
    row("ES256K", Ecdsa, Some(Sha256), "EC", Some("secp256k1"), ECDSA),
    row("EdDSA", EdDsa, None, "OKP", None, EDDSA),
    row("Ed25519", EdDsa, None, "OKP", Some("Ed25519"), EDDSA),
    row("Ed448", EdDsa, None, "OKP", Some("Ed448"), false),
    row("ML-DSA-44", MlDsa, None, "AKP", None, MLDSA),
    row("ML-DSA-65", MlDsa, None, "AKP", None, MLDSA),
    row("ML-DSA-87", MlDsa, None, "AKP", None, MLDSA),
];

/// The table row for `name` (case-sensitive, as RFC 7515 §4.1.1 requires).
#[must_use]
pub fn lookup(name: &str) -> Option<&'static Alg> {
    ALGORITHMS.iter().find(|alg| alg.name == name)
}

/// The supported algorithms of one family, in table order.
pub fn supported_in(family: Family) -> impl Iterator<Item = &'static Alg> {
    ALGORITHMS.iter().filter(move |alg| alg.family == family && alg.supported)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_is_exact() {
        assert_eq!(lookup("HS256").map(|a| a.hash), Some(Some(Hash::Sha256)));
        assert!(lookup("hs256").is_none());
        assert!(lookup("none").is_none());
        assert_eq!(supported_in(Family::Hmac).count(), 3);
    }
}
