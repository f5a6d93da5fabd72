//! EdDSA with Ed25519 (RFC 8037), under both names: `EdDSA` and the fully specified `Ed25519`
//! (RFC 9864). Verification is strict: non-canonical and small-order encodings are refused.

use crate::b64;
use crate::der;
use crate::error::{Code, Diagnostic};
use crate::json::Json;
use crate::jwk;
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

/// An Ed25519 public key and, when known, its private half.
#[derive(Clone)]
pub struct EdKey {
    public: VerifyingKey,
    private: Option<SigningKey>,
}

impl core::fmt::Debug for EdKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "EdKey(Ed25519, private: {})", if self.private.is_some() { "redacted" } else { "no" })
    }
}

impl EdKey {
    /// Whether the private key is known.
    #[must_use]
    pub const fn has_private(&self) -> bool {
        self.private.is_some()
    }

    /// Forgets the private half.
    #[must_use]
    pub fn public_only(&self) -> Self {
        Self { public: self.public, private: None }
    }

    /// An OKP JWK (RFC 8037 §2) with `crv: Ed25519`, `x` and optionally `d`.
    pub fn from_jwk(jwk: &Json) -> Result<Self, Diagnostic> {
        let bad = |why: String| Diagnostic::error(Code::InvalidKey, format!("The OKP JWK {why}."));
        let crv = jwk.get("crv").and_then(Json::as_str).ok_or_else(|| bad("has no string \"crv\"".into()))?;
        if crv != "Ed25519" {
            return Err(bad(format!("has the curve \"{crv}\"; this build supports Ed25519")));
        }
        let bytes32 = |name: &str| -> Result<[u8; 32], Diagnostic> {
            let text = jwk.get(name).and_then(Json::as_str).ok_or_else(|| bad(format!("has no string \"{name}\"")))?;
            let bytes = b64::decode(text).map_err(|e| bad(format!("\"{name}\" {}", e.reason)))?;
            bytes.try_into().map_err(|_| bad(format!("\"{name}\" is not 32 bytes")))
        };
        let public = VerifyingKey::from_bytes(&bytes32("x")?).map_err(|_| bad("\"x\" is not a valid Ed25519 point".into()))?;
        if jwk.get("d").is_none() {
            return Ok(Self { public, private: None });
        }
        let private = SigningKey::from_bytes(&bytes32("d")?);
        if private.verifying_key() != public {
            return Err(bad("\"d\" does not belong to \"x\"".into()));
        }
        Ok(Self { public, private: Some(private) })
    }

    /// A DER SubjectPublicKeyInfo with the Ed25519 OID.
    #[must_use]
    pub fn from_spki_der(der: &[u8]) -> Option<Self> {
        VerifyingKey::from_public_key_der(der).ok().map(|public| Self { public, private: None })
    }

    /// A DER PKCS#8 PrivateKeyInfo with the Ed25519 OID.
    #[must_use]
    pub fn from_pkcs8_der(der: &[u8]) -> Option<Self> {
        SigningKey::from_pkcs8_der(der).ok().map(|private| Self { public: private.verifying_key(), private: Some(private) })
    }

    /// A key from its 32-byte seed, as generation needs.
    #[must_use]
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        let private = SigningKey::from_bytes(seed);
        Self { public: private.verifying_key(), private: Some(private) }
    }

    fn members(&self) -> Vec<(&'static str, String)> {
        vec![("kty", "OKP".to_owned()), ("crv", "Ed25519".to_owned()), ("x", b64::encode(self.public.as_bytes()))]
    }

    /// The private JWK as JSON text (RFC 8037 §2); `None` for a public key.
    #[must_use]
    pub fn private_jwk(&self, kid: Option<&str>) -> Option<String> {
        let mut members = self.members();
        members.push(("d", b64::encode(self.private.as_ref()?.as_bytes())));
        Some(jwk::to_json(&members, kid))
    }

    /// The public JWK as JSON text (RFC 8037 §2). No `alg`: the key serves `EdDSA` and `Ed25519` alike.
    #[must_use]
    pub fn public_jwk(&self, kid: Option<&str>) -> String {
        jwk::to_json(&self.members(), kid)
    }

    /// The public key as DER SubjectPublicKeyInfo (RFC 8410 §4).
    #[must_use]
    pub fn spki_der(&self) -> Option<Vec<u8>> {
        Some(der::spki(&ed25519_algorithm(), self.public.as_bytes()))
    }

    /// The private key as DER PKCS#8 (RFC 8410 §7); `None` for a public key.
    #[must_use]
    pub fn pkcs8_der(&self) -> Option<Vec<u8>> {
        Some(der::pkcs8(&ed25519_algorithm(), &der::octet_string(self.private.as_ref()?.as_bytes())))
    }

    /// The RFC 7638 thumbprint: over `crv`, `kty`, `x` (RFC 8037 §2).
    #[must_use]
    pub fn thumbprint(&self) -> String {
        jwk::thumbprint(&[("crv", "Ed25519".to_owned()), ("kty", "OKP".to_owned()), ("x", b64::encode(self.public.as_bytes()))])
    }

    /// Verifies a 64-byte signature strictly.
    #[must_use]
    pub fn verify(&self, input: &[u8], sig: &[u8]) -> bool {
        Signature::from_slice(sig).is_ok_and(|sig| self.public.verify_strict(input, &sig).is_ok())
    }

    /// Signs (Ed25519 is deterministic); `None` without a private key.
    #[must_use]
    pub fn sign(&self, input: &[u8]) -> Option<Vec<u8>> {
        Some(self.private.as_ref()?.sign(input).to_bytes().to_vec())
    }
}

/// `id-Ed25519` (1.3.101.112), no parameters (RFC 8410 §3).
fn ed25519_algorithm() -> Vec<u8> {
    der::sequence(&[&der::tlv(der::tag::OID, &[0x2b, 0x65, 0x70])])
}
