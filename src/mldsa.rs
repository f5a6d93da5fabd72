//! ML-DSA-44 / 65 / 87 (FIPS 204) as registered for JOSE (draft-ietf-cose-dilithium): pure
//! ML-DSA with an empty context, keys as `AKP` JWKs (`pub`, and the 32-byte seed as `priv`) or
//! as SPKI / seed-form PKCS#8.

use crate::b64;
use crate::error::{Code, Diagnostic};
use crate::json::Json;
use crate::jwk;
use ml_dsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use ml_dsa::{EncodedSignature, EncodedVerifyingKey, MlDsa44, MlDsa65, MlDsa87, MlDsaParams, Signature, SigningKey, VerifyingKey};
use ml_dsa::{Keypair, Signer};

/// One parameter set's key pair.
#[derive(Clone)]
pub struct Pair<P: MlDsaParams> {
    public: VerifyingKey<P>,
    private: Option<SigningKey<P>>,
}

/// An ML-DSA key of one of the three parameter sets.
#[derive(Clone)]
pub enum MlDsaKey {
    /// ML-DSA-44
    P44(Box<Pair<MlDsa44>>),
    /// ML-DSA-65
    P65(Box<Pair<MlDsa65>>),
    /// ML-DSA-87
    P87(Box<Pair<MlDsa87>>),
}

impl core::fmt::Debug for MlDsaKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "MlDsaKey({}, private: {})", self.alg(), if self.has_private() { "redacted" } else { "no" })
    }
}

macro_rules! per_set {
    ($value:expr, $pair:ident => $body:expr) => {
        match $value {
            MlDsaKey::P44($pair) => $body,
            MlDsaKey::P65($pair) => $body,
            MlDsaKey::P87($pair) => $body,
        }
    };
}

fn public_from<P: MlDsaParams>(bytes: &[u8]) -> Option<VerifyingKey<P>> {
    EncodedVerifyingKey::<P>::try_from(bytes).ok().map(|encoded| VerifyingKey::decode(&encoded))
}

fn pair_from_seed<P: MlDsaParams>(seed: &[u8]) -> Option<Pair<P>> {
    let private = SigningKey::<P>::from_seed(&seed.try_into().ok()?);
    Some(Pair { public: private.verifying_key(), private: Some(private) })
}

fn verify_with<P: MlDsaParams>(pair: &Pair<P>, input: &[u8], sig: &[u8]) -> bool {
    let Some(sig) = EncodedSignature::<P>::try_from(sig).ok().and_then(|encoded| Signature::decode(&encoded)) else { return false };
    pair.public.verify_with_context(input, &[], &sig)
}

impl MlDsaKey {
    /// The algorithm name (`ML-DSA-44`…).
    #[must_use]
    pub const fn alg(&self) -> &'static str {
        match self {
            Self::P44(_) => "ML-DSA-44",
            Self::P65(_) => "ML-DSA-65",
            Self::P87(_) => "ML-DSA-87",
        }
    }

    /// A fresh key for `alg` from a 32-byte seed.
    #[must_use]
    pub fn from_seed(alg: &str, seed: &[u8]) -> Option<Self> {
        match alg {
            "ML-DSA-44" => pair_from_seed(seed).map(|p| Self::P44(Box::new(p))),
            "ML-DSA-65" => pair_from_seed(seed).map(|p| Self::P65(Box::new(p))),
            "ML-DSA-87" => pair_from_seed(seed).map(|p| Self::P87(Box::new(p))),
            _ => None,
        }
    }

    /// An `AKP` JWK: `alg` (required: it names the parameter set), `pub`, optionally `priv`.
    pub fn from_jwk(jwk: &Json) -> Result<Self, Diagnostic> {
        let bad = |why: String| Diagnostic::error(Code::InvalidKey, format!("The AKP JWK {why}."));
        let member = |name: &str| -> Result<Option<Vec<u8>>, Diagnostic> {
            jwk.get(name)
                .map(|v| {
                    let text = v.as_str().ok_or_else(|| bad(format!("\"{name}\" is not a string")))?;
                    b64::decode(text).map_err(|e| bad(format!("\"{name}\" {}", e.reason)))
                })
                .transpose()
        };
        let alg = jwk.get("alg").and_then(Json::as_str).ok_or_else(|| bad("has no \"alg\" naming its ML-DSA parameter set".into()))?;
        let public = member("pub")?.ok_or_else(|| bad("has no \"pub\"".into()))?;
        let key = match member("priv")? {
            Some(seed) => Self::from_seed(alg, &seed).ok_or_else(|| bad(format!("\"priv\" is not a 32-byte {alg} seed")))?,
            None => match alg {
                "ML-DSA-44" => public_from(&public).map(|k| Self::P44(Box::new(Pair { public: k, private: None }))),
                "ML-DSA-65" => public_from(&public).map(|k| Self::P65(Box::new(Pair { public: k, private: None }))),
                "ML-DSA-87" => public_from(&public).map(|k| Self::P87(Box::new(Pair { public: k, private: None }))),
                other => return Err(bad(format!("has the alg \"{other}\", not an ML-DSA parameter set"))),
            }
            .ok_or_else(|| bad(format!("\"pub\" is not a {alg} public key")))?,
        };
        if key.public_bytes() != public {
            return Err(bad("\"priv\" does not belong to \"pub\"".into()));
        }
        Ok(key)
    }

    /// A DER SubjectPublicKeyInfo of any parameter set.
    #[must_use]
    pub fn from_spki_der(der: &[u8]) -> Option<Self> {
        let public = |k| Self::P44(Box::new(Pair { public: k, private: None }));
        VerifyingKey::<MlDsa44>::from_public_key_der(der)
            .map(public)
            .or_else(|_| VerifyingKey::<MlDsa65>::from_public_key_der(der).map(|k| Self::P65(Box::new(Pair { public: k, private: None }))))
            .or_else(|_| VerifyingKey::<MlDsa87>::from_public_key_der(der).map(|k| Self::P87(Box::new(Pair { public: k, private: None }))))
            .ok()
    }

    /// A DER seed-form PKCS#8 of any parameter set.
    #[must_use]
    pub fn from_pkcs8_der(der: &[u8]) -> Option<Self> {
        fn pair<P: MlDsaParams>(private: SigningKey<P>) -> Box<Pair<P>> {
            Box::new(Pair { public: private.verifying_key(), private: Some(private) })
        }
        SigningKey::<MlDsa44>::from_pkcs8_der(der)
            .map(|k| Self::P44(pair(k)))
            .or_else(|_| SigningKey::<MlDsa65>::from_pkcs8_der(der).map(|k| Self::P65(pair(k))))
            .or_else(|_| SigningKey::<MlDsa87>::from_pkcs8_der(der).map(|k| Self::P87(pair(k))))
            .ok()
    }

    /// Whether the private key is known.
    #[must_use]
    pub fn has_private(&self) -> bool {
        per_set!(self, p => p.private.is_some())
    }

    fn public_bytes(&self) -> Vec<u8> {
        per_set!(self, p => p.public.encode().to_vec())
    }

    fn members(&self) -> Vec<(&'static str, String)> {
        vec![("kty", "AKP".to_owned()), ("alg", self.alg().to_owned()), ("pub", b64::encode(&self.public_bytes()))]
    }

    /// The public JWK as JSON text.
    #[must_use]
    pub fn public_jwk(&self, kid: Option<&str>) -> String {
        jwk::to_json(&self.members(), kid)
    }

    /// The private JWK (with the seed as `priv`); `None` for a public key.
    #[must_use]
    pub fn private_jwk(&self, kid: Option<&str>) -> Option<String> {
        let seed = per_set!(self, p => b64::encode(p.private.as_ref()?.as_seed()));
        let mut members = self.members();
        members.push(("priv", seed));
        Some(jwk::to_json(&members, kid))
    }

    /// The RFC 7638 thumbprint over `alg`, `kty`, `pub`.
    #[must_use]
    pub fn thumbprint(&self) -> String {
        jwk::thumbprint(&[("alg", self.alg().to_owned()), ("kty", "AKP".to_owned()), ("pub", b64::encode(&self.public_bytes()))])
    }

    /// The public key as DER SubjectPublicKeyInfo.
    #[must_use]
    pub fn spki_der(&self) -> Option<Vec<u8>> {
        per_set!(self, p => p.public.to_public_key_der().ok().map(|d| d.into_vec()))
    }

    /// The private key as DER seed-form PKCS#8; `None` for a public key.
    #[must_use]
    pub fn pkcs8_der(&self) -> Option<Vec<u8>> {
        per_set!(self, p => p.private.as_ref()?.to_pkcs8_der().ok().map(|d| d.as_bytes().to_vec()))
    }

    /// Verifies `sig` (pure ML-DSA, empty context).
    #[must_use]
    pub fn verify(&self, input: &[u8], sig: &[u8]) -> bool {
        per_set!(self, p => verify_with(p, input, sig))
    }

    /// Signs deterministically (FIPS 204's deterministic variant); `None` without a private key.
    #[must_use]
    pub fn sign(&self, input: &[u8]) -> Option<Vec<u8>> {
        per_set!(self, p => p.private.as_ref()?.try_sign(input).ok().map(|s| s.encode().to_vec()))
    }
}
