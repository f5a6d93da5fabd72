//! `generate_key`: fresh keys. Randomness is an input (house rule 7): the caller fills bytes.

use crate::alg::{self, Alg, Family};
use crate::asymmetric::Asymmetric;
use crate::b64;
use crate::error::{Code, Error};
use crate::jwk;

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

/// How many random bytes `generate_key(alg, size)` needs. `size` (secret bytes) is for HMAC only.
pub fn random_len(alg_name: &str, size: Option<usize>) -> Result<usize, Error> {
    let alg = supported(alg_name)?;
    if alg.family != Family::Hmac {
        if size.is_some() {
            return Err(Error::new(Code::InvalidOption, format!("\"size\" applies to HMAC secrets, not {} keys.", alg.name)));
        }
        return Asymmetric::random_len(alg)
            .ok_or_else(|| Error::new(Code::UnsupportedAlg, format!("This build cannot generate {} keys yet.", alg.name)));
    }
    let minimum = alg.hash.map_or(32, |h| h.output_len());
    match size {
        None => Ok(minimum),
        Some(n) if n < minimum => Err(Error::new(Code::WeakKey, format!("{} needs a secret of at least {minimum} bytes.", alg.name))),
        Some(n) if n > 1024 => Err(Error::new(Code::InvalidOption, "A secret of more than 1024 bytes adds nothing.")),
        Some(n) => Ok(n),
    }
}

/// Builds the key for `alg` from `random` bytes (of the length `random_len` gave).
pub fn generate_key(alg_name: &str, random: &[u8]) -> Result<GeneratedKey, Error> {
    let alg = supported(alg_name)?;
    if alg.family != Family::Hmac {
        let key = Asymmetric::generate(alg, random)
            .ok_or_else(|| Error::new(Code::Internal, "The random bytes did not make a valid key; try again."))?;
        let kid = key.thumbprint();
        return Ok(GeneratedKey {
            alg: alg.name,
            private_jwk: key.private_jwk(Some(&kid)).unwrap_or_default(),
            public_jwk: Some(key.public_jwk(Some(&kid))),
            kid,
            secret: None,
        });
    }
    if random.len() < random_len(alg.name, None)? {
        return Err(Error::new(Code::Internal, "Not enough random bytes."));
    }
    let kid = jwk::oct_thumbprint(random);
    Ok(GeneratedKey {
        alg: alg.name,
        private_jwk: jwk::oct_jwk_json(random, Some(alg.name), Some(&kid)),
        kid,
        public_jwk: None,
        secret: Some(b64::encode(random)),
    })
}
