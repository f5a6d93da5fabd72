//! ES256 / ES384 / ES512 (RFC 7518 §3.4) and ES256K (RFC 8812): ECDSA with raw `r || s`
//! signatures of exactly twice the field size, deterministic signing (RFC 6979).

use crate::b64;
use crate::error::{Code, Diagnostic};
use crate::json::Json;
use p256::pkcs8::{DecodePrivateKey, DecodePublicKey};
use signature::{Signer, Verifier};

mod curve;

pub use curve::Curve;

#[derive(Clone)]
enum Verifying {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    P521(p521::ecdsa::VerifyingKey),
    K256(k256::ecdsa::VerifyingKey),
}

#[derive(Clone)]
enum Signing {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
    K256(k256::ecdsa::SigningKey),
}

/// An EC public key and, when known, its private half.
#[derive(Clone)]
pub struct EcKey {
    public: Verifying,
    private: Option<Signing>,
}

impl core::fmt::Debug for EcKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "EcKey({}, private: {})", self.curve().crv(), if self.private.is_some() { "redacted" } else { "no" })
    }
}

/// Why an ECDSA signature was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureProblem {
    /// The signature is ASN.1 DER, not the raw `r || s` JWS uses.
    DerEncoded,
    /// The signature has the wrong length for the curve.
    WrongLength,
    /// `r` or `s` is zero or not below the group order (rejected before any point arithmetic).
    OutOfRange,
    /// The signature does not match.
    Mismatch,
}

/// Runs `$body` with `$key` bound to the curve-specific key of `$value`.
macro_rules! per_curve {
    ($ty:ident, $value:expr, $key:ident => $body:expr) => {
        match $value {
            $ty::P256($key) => $body,
            $ty::P384($key) => $body,
            $ty::P521($key) => $body,
            $ty::K256($key) => $body,
        }
    };
}

// After `per_curve!`: a macro is visible only to modules declared below its definition.
mod encoding;

fn verify_with<V, S>(key: &V, input: &[u8], sig: &[u8]) -> Result<(), SignatureProblem>
where
    V: Verifier<S>,
    S: for<'a> TryFrom<&'a [u8]>,
{
    let sig = S::try_from(sig).map_err(|_| SignatureProblem::OutOfRange)?;
    key.verify(input, &sig).map_err(|_| SignatureProblem::Mismatch)
}

impl EcKey {
    /// Its curve.
    #[must_use]
    pub const fn curve(&self) -> Curve {
        match self.public {
            Verifying::P256(_) => Curve::P256,
            Verifying::P384(_) => Curve::P384,
            Verifying::P521(_) => Curve::P521,
            Verifying::K256(_) => Curve::Secp256k1,
        }
    }

    /// Whether the private key is known.
    #[must_use]
    pub const fn has_private(&self) -> bool {
        self.private.is_some()
    }

    /// Forgets the private half.
    #[must_use]
    pub fn public_only(&self) -> Self {
        Self { public: self.public.clone(), private: None }
    }

    fn from_point(curve: Curve, sec1: &[u8]) -> Option<Self> {
        let public = match curve {
            Curve::P256 => Verifying::P256(p256::ecdsa::VerifyingKey::from_sec1_bytes(sec1).ok()?),
            Curve::P384 => Verifying::P384(p384::ecdsa::VerifyingKey::from_sec1_bytes(sec1).ok()?),
            Curve::P521 => Verifying::P521(p521::ecdsa::VerifyingKey::from_sec1_bytes(sec1).ok()?),
            Curve::Secp256k1 => Verifying::K256(k256::ecdsa::VerifyingKey::from_sec1_bytes(sec1).ok()?),
        };
        Some(Self { public, private: None })
    }

    /// A key from its private scalar `d` (big-endian, field length), as generation needs.
    #[must_use]
    pub fn from_scalar(curve: Curve, d: &[u8]) -> Option<Self> {
        let private = match curve {
            Curve::P256 => Signing::P256(p256::ecdsa::SigningKey::from_slice(d).ok()?),
            Curve::P384 => Signing::P384(p384::ecdsa::SigningKey::from_slice(d).ok()?),
            Curve::P521 => Signing::P521(p521::ecdsa::SigningKey::from_slice(d).ok()?),
            Curve::Secp256k1 => Signing::K256(k256::ecdsa::SigningKey::from_slice(d).ok()?),
        };
        Some(Self::from_signing(private))
    }

    fn from_signing(private: Signing) -> Self {
        let public = match &private {
            Signing::P256(k) => Verifying::P256(*k.verifying_key()),
            Signing::P384(k) => Verifying::P384(*k.verifying_key()),
            Signing::P521(k) => Verifying::P521(*k.verifying_key()),
            Signing::K256(k) => Verifying::K256(*k.verifying_key()),
        };
        Self { public, private: Some(private) }
    }

    /// An EC JWK (RFC 7518 §6.2): `crv`, `x`, `y` and optionally `d`.
    pub fn from_jwk(jwk: &Json) -> Result<Self, Diagnostic> {
        let bad = |why: String| Diagnostic::error(Code::InvalidKey, format!("The EC JWK {why}."));
        let crv = jwk.get("crv").and_then(Json::as_str).ok_or_else(|| bad("has no string \"crv\"".into()))?;
        let curve = Curve::from_crv(crv).ok_or_else(|| bad(format!("has the unsupported curve \"{crv}\"")))?;
        let coordinate = |name: &str| -> Result<Vec<u8>, Diagnostic> {
            let text = jwk.get(name).and_then(Json::as_str).ok_or_else(|| bad(format!("has no string \"{name}\"")))?;
            let bytes = b64::decode(text).map_err(|e| bad(format!("\"{name}\" {}", e.reason)))?;
            if bytes.len() == curve.field_len() {
                Ok(bytes)
            } else {
                Err(bad(format!("\"{name}\" is {} bytes; {} needs {}", bytes.len(), crv, curve.field_len())))
            }
        };
        let mut point = vec![4_u8];
        point.extend(coordinate("x")?);
        point.extend(coordinate("y")?);
        let public = Self::from_point(curve, &point).ok_or_else(|| bad(format!("point is not on {crv}")))?;
        if jwk.get("d").is_none() {
            return Ok(public);
        }
        let private = Self::from_scalar(curve, &coordinate("d")?).ok_or_else(|| bad("\"d\" is not a valid private scalar".into()))?;
        if private.point() != public.point() {
            return Err(bad("\"d\" does not belong to \"x\" and \"y\"".into()));
        }
        Ok(private)
    }

    /// A DER SubjectPublicKeyInfo of any supported curve.
    #[must_use]
    pub fn from_spki_der(der: &[u8]) -> Option<Self> {
        let public = p256::ecdsa::VerifyingKey::from_public_key_der(der)
            .map(Verifying::P256)
            .or_else(|_| p384::ecdsa::VerifyingKey::from_public_key_der(der).map(Verifying::P384))
            .or_else(|_| p521::ecdsa::VerifyingKey::from_public_key_der(der).map(Verifying::P521))
            .or_else(|_| k256::ecdsa::VerifyingKey::from_public_key_der(der).map(Verifying::K256))
            .ok()?;
        Some(Self { public, private: None })
    }

    /// A DER PKCS#8 PrivateKeyInfo of any supported curve.
    #[must_use]
    pub fn from_pkcs8_der(der: &[u8]) -> Option<Self> {
        let private = p256::ecdsa::SigningKey::from_pkcs8_der(der)
            .map(Signing::P256)
            .or_else(|_| p384::ecdsa::SigningKey::from_pkcs8_der(der).map(Signing::P384))
            .or_else(|_| p521::ecdsa::SigningKey::from_pkcs8_der(der).map(Signing::P521))
            .or_else(|_| k256::ecdsa::SigningKey::from_pkcs8_der(der).map(Signing::K256))
            .ok()?;
        Some(Self::from_signing(private))
    }

    /// A DER SEC1 ECPrivateKey (`EC PRIVATE KEY`) of any supported curve.
    #[must_use]
    pub fn from_sec1_der(der: &[u8]) -> Option<Self> {
        let private = p256::SecretKey::from_sec1_der(der)
            .map(|k| Signing::P256(k.into()))
            .or_else(|_| p384::SecretKey::from_sec1_der(der).map(|k| Signing::P384(k.into())))
            .or_else(|_| p521::SecretKey::from_sec1_der(der).map(|k| Signing::P521(k.into())))
            .or_else(|_| k256::SecretKey::from_sec1_der(der).map(|k| Signing::K256(k.into())))
            .ok()?;
        Some(Self::from_signing(private))
    }

    /// The uncompressed point `04 || x || y`.
    #[must_use]
    pub fn point(&self) -> Vec<u8> {
        per_curve!(Verifying, &self.public, k => k.to_sec1_point(false).as_bytes().to_vec())
    }

    /// Verifies a JWS signature: raw `r || s`, exactly twice the field length.
    pub fn verify(&self, input: &[u8], sig: &[u8]) -> Result<(), SignatureProblem> {
        if sig.len() != 2 * self.curve().field_len() {
            return Err(if is_der_signature(sig) { SignatureProblem::DerEncoded } else { SignatureProblem::WrongLength });
        }
        match &self.public {
            Verifying::P256(k) => verify_with::<_, p256::ecdsa::Signature>(k, input, sig),
            Verifying::P384(k) => verify_with::<_, p384::ecdsa::Signature>(k, input, sig),
            Verifying::P521(k) => verify_with::<_, p521::ecdsa::Signature>(k, input, sig),
            // k256 refuses high-S signatures (a Bitcoin rule); RFC 8812 does not, and Wycheproof
            // labels them valid, so the signature is normalised before the check.
            Verifying::K256(k) => {
                let sig = k256::ecdsa::Signature::from_slice(sig).map_err(|_| SignatureProblem::OutOfRange)?.normalize_s();
                k.verify(input, &sig).map_err(|_| SignatureProblem::Mismatch)
            }
        }
    }

    /// Signs deterministically (RFC 6979); `None` without a private key.
    #[must_use]
    pub fn sign(&self, input: &[u8]) -> Option<Vec<u8>> {
        Some(match self.private.as_ref()? {
            Signing::P256(k) => Signer::<p256::ecdsa::Signature>::sign(k, input).to_bytes().to_vec(),
            Signing::P384(k) => Signer::<p384::ecdsa::Signature>::sign(k, input).to_bytes().to_vec(),
            Signing::P521(k) => Signer::<p521::ecdsa::Signature>::sign(k, input).to_bytes().to_vec(),
            Signing::K256(k) => Signer::<k256::ecdsa::Signature>::sign(k, input).to_bytes().to_vec(),
        })
    }
}

/// Whether `sig` is an ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }` (what OpenSSL and Java emit).
#[must_use]
pub fn is_der_signature(sig: &[u8]) -> bool {
    fn integer(rest: &[u8]) -> Option<&[u8]> {
        let (&0x02, rest) = rest.split_first()? else { return None };
        let (&len, rest) = rest.split_first()?;
        let len = usize::from(len);
        (len > 0 && len <= 67).then(|| rest.get(len..)).flatten()
    }
    let Some((&0x30, rest)) = sig.split_first() else { return false };
    let Some((&first, mut rest)) = rest.split_first() else { return false };
    let len = if first == 0x81 {
        let Some((&len, after)) = rest.split_first() else { return false };
        rest = after;
        usize::from(len)
    } else {
        usize::from(first)
    };
    len == rest.len() && integer(rest).and_then(integer).is_some_and(<[u8]>::is_empty)
}
