//! Asymmetric keys from PEM, DER (base64 or hex) and JWK, dispatched to their family file.
//! A private key also serves where a public one is needed: its public half is derived.

#![cfg_attr(
    not(all(feature = "ecdsa", feature = "eddsa", feature = "rsa", feature = "mldsa")),
    allow(unused_imports, unused_variables, unreachable_code)
)]
// (every family compiled out leaves the match arms below empty: the HMAC-only engine)
use crate::alg::{self, Alg, Family};
#[cfg(feature = "ecdsa")]
use crate::ecdsa::{EcKey, SignatureProblem};
#[cfg(feature = "eddsa")]
use crate::eddsa::EdKey;
use crate::error::{Code, Diagnostic};
use crate::json::Json;
#[cfg(feature = "mldsa")]
use crate::mldsa::MlDsaKey;
use crate::random::RandomSource;
#[cfg(feature = "rsa")]
use crate::rsa::RsaKey;

/// Why an asymmetric signature was not accepted (the ECDSA cases matter for diagnostics).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// An ECDSA signature in DER instead of raw `r || s`.
    DerEncoded,
    /// Anything else: wrong length, out of range, mismatch.
    Invalid,
}

/// An asymmetric key of a family this build supports.
#[derive(Clone, Debug)]
pub enum Asymmetric {
    /// ECDSA: P-256, P-384, P-521, secp256k1.
    #[cfg(feature = "ecdsa")]
    Ec(EcKey),
    /// EdDSA: Ed25519.
    #[cfg(feature = "eddsa")]
    Ed(EdKey),
    /// RSA: RS256/384/512 and PS256/384/512.
    #[cfg(feature = "rsa")]
    Rsa(RsaKey),
    /// ML-DSA-44/65/87.
    #[cfg(feature = "mldsa")]
    MlDsa(MlDsaKey),
}

fn unsupported(what: &str) -> Diagnostic {
    Diagnostic::error(Code::InvalidKey, format!("{what} is not supported by this build yet."))
        .with_hint("The full engine (the npm package) reads RSA, EC, Ed25519 and ML-DSA keys and X.509 certificates.")
}

mod encoding;

impl Asymmetric {
    /// A PEM block: SPKI, PKCS#8 or SEC1.
    pub fn from_pem(text: &str) -> Result<Self, Diagnostic> {
        let (label, der) = pem_rfc7468::decode_vec(text.trim().as_bytes()).map_err(|e| {
            Diagnostic::error(Code::InvalidKey, format!("The PEM block cannot be read ({e})."))
                .with_hint("Paste the whole block, BEGIN and END lines included, without changing its line breaks.")
        })?;
        match label {
            "PUBLIC KEY" | "PRIVATE KEY" | "EC PRIVATE KEY" => Self::from_der(&der),
            "ENCRYPTED PRIVATE KEY" => Err(Diagnostic::error(Code::InvalidKey, "The private key is encrypted.")
                .with_hint("Decrypt it first, e.g. `openssl pkcs8 -in key.pem -out plain.pem`; jwt-lens takes no passphrases yet.")),
            "RSA PUBLIC KEY" | "RSA PRIVATE KEY" => Self::from_der(&der),
            "CERTIFICATE" => crate::certificate::parse(&der).map(|(key, _)| key),
            other => Err(Diagnostic::error(Code::InvalidKey, format!("A PEM block labelled \"{other}\" is not a key jwt-lens knows."))),
        }
    }

    /// DER bytes of a SubjectPublicKeyInfo, PKCS#8 PrivateKeyInfo or SEC1 ECPrivateKey.
    pub fn from_der(der: &[u8]) -> Result<Self, Diagnostic> {
        #[cfg(feature = "ecdsa")]
        if let Some(key) = EcKey::from_spki_der(der).or_else(|| EcKey::from_pkcs8_der(der)).or_else(|| EcKey::from_sec1_der(der)) {
            return Ok(Self::Ec(key));
        }
        #[cfg(feature = "eddsa")]
        if let Some(key) = EdKey::from_spki_der(der).or_else(|| EdKey::from_pkcs8_der(der)) {
            return Ok(Self::Ed(key));
        }
        #[cfg(feature = "rsa")]
        if let Some(key) = RsaKey::from_der(der) {
            return key.map(Self::Rsa);
        }
        #[cfg(feature = "mldsa")]
        if let Some(key) = MlDsaKey::from_spki_der(der).or_else(|| MlDsaKey::from_pkcs8_der(der)) {
            return Ok(Self::MlDsa(key));
        }
        // rsaEncryption's OID (1.2.840.113549.1.1.1) near the start: an RSA key.
        if der.windows(11).take(40).any(|w| w == [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]) {
            // With RSA built in, an RSA key that did not decode is malformed or too large.
            #[cfg(feature = "rsa")]
            return Err(Diagnostic::error(
                Code::InvalidKey,
                format!("The RSA key cannot be read: its DER is malformed or its modulus has more than {} bits.", crate::rsa::MAX_BITS),
            ));
            #[cfg(not(feature = "rsa"))]
            return Err(unsupported("An RSA key"));
        }
        if cfg!(any(feature = "ecdsa", feature = "eddsa", feature = "rsa")) {
            Err(Diagnostic::error(Code::InvalidKey, "The DER data is not a public or private key of a supported type."))
        } else {
            Err(unsupported("An asymmetric key"))
        }
    }

    /// A JWK of kty `EC` or `OKP`; `None` for a kty this build does not handle.
    pub fn from_jwk(kty: &str, jwk: &Json) -> Option<Result<Self, Diagnostic>> {
        match kty {
            #[cfg(feature = "ecdsa")]
            "EC" => Some(EcKey::from_jwk(jwk).map(Self::Ec)),
            #[cfg(feature = "eddsa")]
            "OKP" => Some(EdKey::from_jwk(jwk).map(Self::Ed)),
            #[cfg(feature = "rsa")]
            "RSA" => Some(RsaKey::from_jwk(jwk).map(Self::Rsa)),
            #[cfg(feature = "mldsa")]
            "AKP" => Some(MlDsaKey::from_jwk(jwk).map(Self::MlDsa)),
            _ => None,
        }
    }

    /// The JWK `kty`.
    #[must_use]
    pub const fn kty(&self) -> &'static str {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(_) => "EC",
            #[cfg(feature = "eddsa")]
            Self::Ed(_) => "OKP",
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => "RSA",
            #[cfg(feature = "mldsa")]
            Self::MlDsa(_) => "AKP",
        }
    }

    /// The curve name; `None` for RSA.
    #[must_use]
    pub const fn curve(&self) -> Option<&'static str> {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => Some(k.curve().crv()),
            #[cfg(feature = "eddsa")]
            Self::Ed(_) => Some("Ed25519"),
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => None,
            #[cfg(feature = "mldsa")]
            Self::MlDsa(_) => None,
        }
    }

    /// Key size in bits (the modulus, or the curve's field size).
    #[must_use]
    pub fn bits(&self) -> usize {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => match k.curve() {
                crate::ecdsa::Curve::P521 => 521,
                other => other.field_len() * 8,
            },
            #[cfg(feature = "eddsa")]
            Self::Ed(_) => 256,
            #[cfg(feature = "rsa")]
            Self::Rsa(ref k) => k.bits(),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => match k.alg() {
                "ML-DSA-44" => 128,
                "ML-DSA-65" => 192,
                _ => 256,
            },
        }
    }

    /// Whether the private half is known.
    #[must_use]
    pub fn has_private(&self) -> bool {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => k.has_private(),
            #[cfg(feature = "eddsa")]
            Self::Ed(ref k) => k.has_private(),
            #[cfg(feature = "rsa")]
            Self::Rsa(ref k) => k.has_private(),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => k.has_private(),
        }
    }

    /// The algorithms this key can be used with (the curve fixes the ECDSA one).
    #[must_use]
    pub fn algorithms(&self) -> Vec<&'static Alg> {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => alg::lookup(k.curve().alg()).into_iter().collect(),
            #[cfg(feature = "eddsa")]
            Self::Ed(_) => alg::supported_in(Family::EdDsa).filter(|a| a.curve.is_none_or(|c| c == "Ed25519")).collect(),
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => alg::supported_in(Family::RsaPkcs1).chain(alg::supported_in(Family::RsaPss)).collect(),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => alg::lookup(k.alg()).into_iter().collect(),
        }
    }

    /// Verifies `sig` over `input` (the caller has already checked that `alg` fits).
    pub fn verify(&self, alg: &Alg, input: &[u8], sig: &[u8]) -> Result<(), Rejection> {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => {
                k.verify(input, sig).map_err(|p| if p == SignatureProblem::DerEncoded { Rejection::DerEncoded } else { Rejection::Invalid })
            }
            #[cfg(feature = "eddsa")]
            Self::Ed(ref k) => k.verify(input, sig).then_some(()).ok_or(Rejection::Invalid),
            #[cfg(feature = "rsa")]
            Self::Rsa(ref k) => k.verify(alg, input, sig).then_some(()).ok_or(Rejection::Invalid),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => k.verify(input, sig).then_some(()).ok_or(Rejection::Invalid),
        }
    }

    /// Signs `input` with `alg`; `None` for a public key (or when RSA finds no randomness).
    pub fn sign(&self, alg: &Alg, input: &[u8], random: &mut dyn RandomSource) -> Option<Vec<u8>> {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => k.sign(input),
            #[cfg(feature = "eddsa")]
            Self::Ed(ref k) => k.sign(input),
            #[cfg(feature = "rsa")]
            Self::Rsa(ref k) => k.sign(alg, input, random),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => k.sign(input),
        }
    }

    /// A fresh key for `alg` (RSA: of `modulus_length` bits, default 2048), from `random`.
    pub fn generate(alg: &Alg, modulus_length: Option<usize>, random: &mut dyn RandomSource) -> Result<Self, Diagnostic> {
        let failed = || Diagnostic::error(Code::Internal, "No secure randomness, or it did not make a valid key; try again.");
        if modulus_length.is_some() && !matches!(alg.family, Family::RsaPkcs1 | Family::RsaPss) {
            return Err(Diagnostic::error(Code::InvalidOption, format!("\"modulusLength\" applies to RSA keys, not {}.", alg.name)));
        }
        match alg.family {
            #[cfg(feature = "ecdsa")]
            Family::Ecdsa => {
                let curve = crate::ecdsa::Curve::ALL.into_iter().find(|c| c.alg() == alg.name).ok_or_else(failed)?;
                let mut scalar = vec![0_u8; curve.field_len()];
                if !random.fill(&mut scalar) {
                    return Err(failed());
                }
                if curve == crate::ecdsa::Curve::P521 {
                    // 66 bytes hold 528 bits; the P-521 scalar has 521.
                    if let Some(first) = scalar.first_mut() {
                        *first &= 0x01;
                    }
                }
                EcKey::from_scalar(curve, &scalar).map(Self::Ec).ok_or_else(failed)
            }
            #[cfg(feature = "eddsa")]
            Family::EdDsa => {
                let mut seed = [0_u8; 32];
                if !random.fill(&mut seed) {
                    return Err(failed());
                }
                Ok(Self::Ed(EdKey::from_seed(&seed)))
            }
            #[cfg(feature = "rsa")]
            Family::RsaPkcs1 | Family::RsaPss => {
                let bits = modulus_length.unwrap_or(2048);
                if ![2048, 3072, 4096].contains(&bits) {
                    return Err(Diagnostic::error(Code::InvalidOption, "\"modulusLength\" must be 2048, 3072 or 4096."));
                }
                RsaKey::generate(bits, random).map(Self::Rsa).ok_or_else(failed)
            }
            #[cfg(feature = "mldsa")]
            Family::MlDsa => {
                let mut seed = [0_u8; 32];
                if !random.fill(&mut seed) {
                    return Err(failed());
                }
                MlDsaKey::from_seed(alg.name, &seed).map(Self::MlDsa).ok_or_else(failed)
            }
            _ => Err(Diagnostic::error(Code::UnsupportedAlg, format!("This build cannot generate {} keys yet.", alg.name))),
        }
    }

    /// Whether this key can make or check signatures of `alg`.
    #[must_use]
    pub fn fits(&self, alg: &Alg) -> bool {
        self.algorithms().iter().any(|a| a.name == alg.name)
    }
}
