//! RS256/384/512 (RSASSA-PKCS1-v1_5, RFC 7518 §3.3) and PS256/384/512 (RSASSA-PSS with MGF1 of
//! the same hash and a salt of the hash length, RFC 7518 §3.5). Keys under 2048 bits are
//! refused (RFC 7518 §3.3), as are public exponents that are even or 1.

use crate::alg::{Alg, Family, Hash};
use crate::b64;
use crate::error::{Code, Diagnostic};
use crate::json::{write_string, Json};
use crate::random::{RandomSource, RngAdapter};
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BoxedUint, PrivateKey, PublicKey};
use sha2::{Digest, Sha256, Sha384, Sha512};

/// The smallest modulus accepted (RFC 7518 §3.3, §3.5).
pub const MIN_BITS: usize = 2048;

/// An RSA public key and, when known, its private half.
#[derive(Clone)]
pub struct RsaKey {
    public: PublicKey,
    private: Option<PrivateKey>,
}

impl core::fmt::Debug for RsaKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "RsaKey({} bits, private: {})", self.bits(), if self.private.is_some() { "redacted" } else { "no" })
    }
}

fn integer(bytes: &[u8]) -> BoxedUint {
    BoxedUint::from_be_slice_vartime(bytes)
}

/// Base64urlUInt (RFC 7518 §2): the minimal big-endian octets.
fn uint_b64(value: &BoxedUint) -> String {
    let bytes = value.to_be_bytes();
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len().saturating_sub(1));
    b64::encode(bytes.get(first..).unwrap_or_default())
}

impl RsaKey {
    fn checked(public: PublicKey, private: Option<PrivateKey>) -> Result<Self, Diagnostic> {
        let key = Self { public, private };
        let e = key.public.e_bytes();
        let e_is_one = e.iter().rev().skip(1).all(|b| *b == 0) && e.last() == Some(&1);
        if e.last().is_none_or(|low| low & 1 == 0) || e_is_one {
            return Err(Diagnostic::error(Code::InvalidKey, "The RSA public exponent is 1 or even, which is not a valid RSA key."));
        }
        if key.bits() < MIN_BITS {
            return Err(Diagnostic::error(
                Code::WeakKey,
                format!("The RSA key has {} bits; JWS needs at least {MIN_BITS} (RFC 7518 §3.3).", key.bits()),
            )
            .with_hint("Generate a 2048-bit or larger key."));
        }
        Ok(key)
    }

    fn rejected(what: &str) -> Diagnostic {
        Diagnostic::error(Code::InvalidKey, format!("The RSA {what} is not a valid key."))
    }

    /// An RSA JWK (RFC 7518 §6.3): `n`, `e`, and for a private key `d`, `p`, `q`.
    pub fn from_jwk(jwk: &Json) -> Result<Self, Diagnostic> {
        let bad = |why: String| Diagnostic::error(Code::InvalidKey, format!("The RSA JWK {why}."));
        let member = |name: &str| -> Result<BoxedUint, Diagnostic> {
            let text = jwk.get(name).and_then(Json::as_str).ok_or_else(|| bad(format!("has no string \"{name}\"")))?;
            let bytes = b64::decode(text).map_err(|e| bad(format!("\"{name}\" {}", e.reason)))?;
            Ok(integer(&bytes))
        };
        let (n, e) = (member("n")?, member("e")?);
        let public = PublicKey::new_with_size_limits(n.clone(), e.clone(), 1..=16_384).map_err(|_| Self::rejected("JWK"))?;
        if jwk.get("d").is_none() {
            return Self::checked(public, None);
        }
        let primes = vec![member("p")?, member("q")?];
        let private =
            PrivateKey::from_components(n, e, member("d")?, primes).map_err(|_| bad("private members do not form a valid key".into()))?;
        Self::checked(public, Some(private))
    }

    /// DER: SubjectPublicKeyInfo, PKCS#1 RSAPublicKey, PKCS#8 or PKCS#1 private key.
    #[must_use]
    pub fn from_der(der: &[u8]) -> Option<Result<Self, Diagnostic>> {
        if let Ok(public) = PublicKey::from_public_key_der(der).or_else(|_| PublicKey::from_pkcs1_der(der)) {
            return Some(Self::checked(public, None));
        }
        let private = PrivateKey::from_pkcs8_der(der).or_else(|_| PrivateKey::from_pkcs1_der(der)).ok()?;
        Some(Self::checked(private.to_public_key(), Some(private)))
    }

    /// A fresh key pair of `bits` bits with e = 65537.
    pub fn generate(bits: usize, random: &mut dyn RandomSource) -> Option<Self> {
        let private = PrivateKey::new(&mut RngAdapter(random), bits).ok()?;
        Some(Self { public: private.to_public_key(), private: Some(private) })
    }

    /// The private JWK as JSON text (RFC 7518 §6.3.2), CRT parameters included.
    #[must_use]
    pub fn private_jwk(&self, kid: Option<&str>) -> Option<String> {
        let key = self.private.as_ref()?;
        let [p, q] = key.primes() else { return None };
        let members = [
            ("d", Some(key.d().clone())),
            ("p", Some(p.as_ref().clone())),
            ("q", Some(q.as_ref().clone())),
            ("dp", key.dp().cloned()),
            ("dq", key.dq().cloned()),
            ("qi", key.crt_coefficient()),
        ];
        let mut out = self.public_jwk(kid).strip_suffix('}')?.to_owned();
        for (name, value) in members {
            out.push_str(&format!(",\"{name}\":"));
            write_string(&mut out, &uint_b64(&value?));
        }
        out.push('}');
        Some(out)
    }

    /// Modulus size in bits.
    #[must_use]
    pub fn bits(&self) -> usize {
        self.public.n().bit_width() as usize
    }

    /// Whether the private key is known.
    #[must_use]
    pub const fn has_private(&self) -> bool {
        self.private.is_some()
    }

    fn n_e(&self) -> (String, String) {
        (uint_b64(self.public.n().as_ref()), uint_b64(self.public.e()))
    }

    /// The public JWK as JSON text (RFC 7518 §6.3.1).
    #[must_use]
    pub fn public_jwk(&self, kid: Option<&str>) -> String {
        let (n, e) = self.n_e();
        let mut out = String::from("{\"kty\":\"RSA\",\"n\":");
        write_string(&mut out, &n);
        out.push_str(",\"e\":");
        write_string(&mut out, &e);
        if let Some(kid) = kid {
            out.push_str(",\"kid\":");
            write_string(&mut out, kid);
        }
        out.push('}');
        out
    }

    /// The RFC 7638 thumbprint: SHA-256 over `{"e","kty","n"}`.
    #[must_use]
    pub fn thumbprint(&self) -> String {
        let (n, e) = self.n_e();
        b64::encode(&Sha256::digest(format!("{{\"e\":\"{e}\",\"kty\":\"RSA\",\"n\":\"{n}\"}}").as_bytes()))
    }

    /// Verifies an RS* or PS* signature, which must be exactly the modulus size.
    #[must_use]
    pub fn verify(&self, alg: &Alg, input: &[u8], sig: &[u8]) -> bool {
        if sig.len() != self.public.size() {
            return false;
        }
        let checked = match (alg.family, alg.hash) {
            (Family::RsaPkcs1, Some(Hash::Sha256)) => self.public.pkcs1v15_verify::<Sha256>(input, sig),
            (Family::RsaPkcs1, Some(Hash::Sha384)) => self.public.pkcs1v15_verify::<Sha384>(input, sig),
            (Family::RsaPkcs1, Some(Hash::Sha512)) => self.public.pkcs1v15_verify::<Sha512>(input, sig),
            (Family::RsaPss, Some(Hash::Sha256)) => self.public.pss_verify::<Sha256>(input, sig),
            (Family::RsaPss, Some(Hash::Sha384)) => self.public.pss_verify::<Sha384>(input, sig),
            (Family::RsaPss, Some(Hash::Sha512)) => self.public.pss_verify::<Sha512>(input, sig),
            _ => return false,
        };
        checked.is_ok()
    }

    /// Signs. RS* is deterministic (crypto-bigint's constant-time arithmetic, no blinding
    /// needed); PS* draws its salt and blinding from `random`. `None` without a private key.
    pub fn sign(&self, alg: &Alg, input: &[u8], random: &mut dyn RandomSource) -> Option<Vec<u8>> {
        let key = self.private.as_ref()?;
        let mut rng = RngAdapter(random);
        let signed = match (alg.family, alg.hash) {
            (Family::RsaPkcs1, Some(Hash::Sha256)) => key.pkcs1v15_sign::<Sha256>(input),
            (Family::RsaPkcs1, Some(Hash::Sha384)) => key.pkcs1v15_sign::<Sha384>(input),
            (Family::RsaPkcs1, Some(Hash::Sha512)) => key.pkcs1v15_sign::<Sha512>(input),
            (Family::RsaPss, Some(Hash::Sha256)) => key.pss_sign_with_rng::<Sha256, _>(&mut rng, input),
            (Family::RsaPss, Some(Hash::Sha384)) => key.pss_sign_with_rng::<Sha384, _>(&mut rng, input),
            (Family::RsaPss, Some(Hash::Sha512)) => key.pss_sign_with_rng::<Sha512, _>(&mut rng, input),
            _ => return None,
        };
        signed.ok()
    }
}
