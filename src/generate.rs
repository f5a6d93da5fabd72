//! `generate_key`: fresh keys. Randomness is an input (house rule 7): the caller's `RandomSource`.

use crate::alg::{self, Alg, Family};
use crate::asymmetric::Asymmetric;
use crate::b64;
use crate::error::{Code, Error};
use crate::jwk;
use crate::options::GenerateOptions;
use crate::random::RandomSource;

/// A generated key, ready to show and to use.
#[derive(Clone, PartialEq, Eq)]
pub struct GeneratedKey {
    /// The algorithm it was made for.
    pub alg: &'static str,
    /// Its RFC 7638 thumbprint, suggested as `kid`.
    pub kid: String,
    /// The private (for HMAC: the only) key as JWK JSON text.
    pub private_jwk: String,
    /// The public key as JWK JSON text; `None` for a symmetric secret.
    pub public_jwk: Option<String>,
    /// The HMAC secret as base64url.
    pub secret: Option<String>,
    /// The private key as PEM (PKCS#8), for asymmetric keys.
    pub private_pem: Option<String>,
    /// The public key as PEM (SPKI), for asymmetric keys.
    pub public_pem: Option<String>,
}

impl core::fmt::Debug for GeneratedKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "GeneratedKey({}, kid {}, secret redacted)", self.alg, self.kid)
    }
}

fn supported(alg_name: &str) -> Result<&'static Alg, Error> {
    let alg = alg::lookup(alg_name)
        .ok_or_else(|| Error::new(Code::UnsupportedAlg, format!("\"{alg_name}\" is not a registered JWS algorithm.")))?;
    if !alg.supported {
        return Err(Error::new(Code::UnsupportedAlg, format!("This build cannot generate {} keys yet.", alg.name)));
    }
    Ok(alg)
}

fn no_randomness() -> Error {
    Error::new(Code::Internal, "The platform has no secure random source.")
}

/// A fresh key for `alg`, its randomness drawn from `random`.
pub fn generate_key(alg_name: &str, options: &GenerateOptions, random: &mut dyn RandomSource) -> Result<GeneratedKey, Error> {
    let alg = supported(alg_name)?;
    if alg.family == Family::Hmac {
        return generate_secret(alg, options.size, random);
    }
    if options.size.is_some() {
        return Err(Error::new(Code::InvalidOption, format!("\"size\" applies to HMAC secrets, not {} keys.", alg.name)));
    }
    let key = Asymmetric::generate(alg, options.modulus_length, random)?;
    let kid = key.thumbprint();
    Ok(GeneratedKey {
        alg: alg.name,
        private_jwk: key.private_jwk(Some(&kid)).ok_or_else(|| Error::new(Code::Internal, "The new key has no private half."))?,
        public_jwk: Some(key.public_jwk(Some(&kid))),
        private_pem: key.private_pem(),
        public_pem: key.public_pem(),
        kid,
        secret: None,
    })
}

fn generate_secret(alg: &'static Alg, size: Option<usize>, random: &mut dyn RandomSource) -> Result<GeneratedKey, Error> {
    let minimum = alg.hash.map_or(32, |h| h.output_len());
    let len = match size {
        None => minimum,
        Some(n) if n < minimum => {
            return Err(Error::new(Code::WeakKey, format!("{} needs a secret of at least {minimum} bytes.", alg.name)))
        }
        Some(n) if n > 1024 => return Err(Error::new(Code::InvalidOption, "A secret of more than 1024 bytes adds nothing.")),
        Some(n) => n,
    };
    let mut secret = vec![0_u8; len];
    if !random.fill(&mut secret) {
        return Err(no_randomness());
    }
    let kid = jwk::oct_thumbprint(&secret);
    Ok(GeneratedKey {
        alg: alg.name,
        private_jwk: jwk::oct_jwk_json(&secret, Some(alg.name), Some(&kid)),
        kid,
        public_jwk: None,
        secret: Some(b64::encode(&secret)),
        private_pem: None,
        public_pem: None,
    })
}
