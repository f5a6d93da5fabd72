//! Key conversion: any key jwt-lens reads (PEM, DER, X.509, JWK, JWK Set, a secret) written out
//! as a JWK, a JWK Set or PEM, public by default and private only when asked. This is what the
//! debugger's key tools and `exportKey` use; nothing here guesses: a key that cannot take the
//! requested form is refused with a caller error that says why.

use crate::error::{Code, Error};
use crate::json::{self, Json};
use crate::jwk;
use crate::key::{Keyring, Material, PreparedKey};
use crate::secret::SecretEncoding;

/// The form to write a key in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ExportFormat {
    /// One JWK (RFC 7517 §4) as JSON text.
    #[default]
    Jwk,
    /// A JWK Set (RFC 7517 §5) as JSON text, every key carrying a `kid`.
    Jwks,
    /// PEM (RFC 7468): `PUBLIC KEY` (SPKI) or `PRIVATE KEY` (PKCS#8) blocks.
    Pem,
}

/// `exportKey` options: `{ format?: "jwk" | "jwks" | "pem", private?: boolean, secretEncoding? }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Default: JWK.
    pub format: ExportFormat,
    /// Write the private key (or the secret) instead of the public key. Default: false.
    pub private: bool,
    /// How a secret given as text is read (default UTF-8), as for `verify` and `sign`.
    pub secret_encoding: SecretEncoding,
}

/// Reads the options object's JSON text.
pub fn parse_export_options(text: &str) -> Result<ExportOptions, Error> {
    let mut options = ExportOptions::default();
    if text.trim().is_empty() {
        return Ok(options);
    }
    let parsed = json::parse(text, 8).map_err(|e| Error::new(Code::InvalidOption, format!("options are not JSON: {}", e.message)))?;
    let members = parsed.value.as_object().ok_or_else(|| Error::new(Code::InvalidOption, "options must be an object"))?;
    for (name, value) in members {
        match (name.as_str(), value) {
            ("format", Json::String(format)) => {
                options.format = match format.as_str() {
                    "jwk" => ExportFormat::Jwk,
                    "jwks" => ExportFormat::Jwks,
                    "pem" => ExportFormat::Pem,
                    _ => return Err(Error::new(Code::InvalidOption, "option \"format\" must be \"jwk\", \"jwks\" or \"pem\"")),
                };
            }
            ("format", _) => return Err(Error::new(Code::InvalidOption, "option \"format\" must be \"jwk\", \"jwks\" or \"pem\"")),
            ("private", Json::Bool(private)) => options.private = *private,
            ("private", _) => return Err(Error::new(Code::InvalidOption, "option \"private\" must be a boolean")),
            ("secretEncoding", value) => {
                options.secret_encoding = value.as_str().and_then(SecretEncoding::from_name).ok_or_else(|| {
                    Error::new(Code::InvalidOption, "option \"secretEncoding\" must be \"utf8\", \"base64\", \"base64url\" or \"hex\"")
                })?;
            }
            (_, Json::Null) => {}
            _ => return Err(Error::new(Code::InvalidOption, format!("unknown option \"{name}\""))),
        }
    }
    Ok(options)
}

/// Writes the keys of `ring` in the requested form. A JWK takes exactly one key; a JWK Set and
/// PEM take every key of the input (PEM blocks one after another). A JWK keeps the input's
/// `kid`; in a JWK Set a key without one gets its RFC 7638 thumbprint as `kid`.
pub fn export_key(ring: &Keyring, options: &ExportOptions) -> Result<String, Error> {
    match options.format {
        ExportFormat::Jwk => match ring.keys.as_slice() {
            [key] => jwk_text(key, options.private, key.kid.as_deref()),
            keys => Err(Error::new(
                Code::InvalidOption,
                format!("The input holds {} keys; one JWK holds one key: export them as a JWK Set (format \"jwks\").", keys.len()),
            )),
        },
        ExportFormat::Jwks => {
            let mut out = String::from("{\"keys\":[");
            for (i, key) in ring.keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&jwk_text(key, options.private, Some(key.kid.as_deref().unwrap_or(&key.thumbprint)))?);
            }
            out.push_str("]}");
            Ok(out)
        }
        ExportFormat::Pem => {
            let blocks = ring.keys.iter().map(|key| pem_text(key, options.private)).collect::<Result<Vec<_>, _>>()?;
            Ok(blocks.concat())
        }
    }
}

fn jwk_text(key: &PreparedKey, private: bool, kid: Option<&str>) -> Result<String, Error> {
    match &key.material {
        Material::Secret(secret) if private => Ok(jwk::oct_jwk_json(secret.bytes(), key.alg.as_deref(), kid)),
        Material::Secret(_) => Err(secret_has_no_public_half()),
        Material::Asymmetric(asymmetric) if private => asymmetric.private_jwk(kid).ok_or_else(not_private),
        Material::Asymmetric(asymmetric) => Ok(asymmetric.public_jwk(kid)),
        Material::Unsupported(kty) => Err(unsupported(kty)),
    }
}

fn pem_text(key: &PreparedKey, private: bool) -> Result<String, Error> {
    match &key.material {
        Material::Secret(_) => {
            Err(Error::new(Code::InvalidOption, "An HMAC secret has no PEM form; export it as a JWK (format \"jwk\", private: true)."))
        }
        Material::Asymmetric(asymmetric) if private => asymmetric.private_pem().ok_or_else(not_private),
        Material::Asymmetric(asymmetric) => {
            asymmetric.public_pem().ok_or_else(|| Error::new(Code::Internal, "The public key could not be written as PEM."))
        }
        Material::Unsupported(kty) => Err(unsupported(kty)),
    }
}

fn secret_has_no_public_half() -> Error {
    Error::new(Code::InvalidOption, "An HMAC secret has no public half: pass private: true to export the secret itself as an oct JWK.")
        .with_hint("Anyone holding an oct JWK can sign tokens; share it only with parties that must verify.")
}

fn not_private() -> Error {
    Error::new(Code::InvalidOption, "private: true needs a private key; this is a public key (its private half is not known).")
}

fn unsupported(kty: &str) -> Error {
    Error::new(Code::InvalidKey, format!("A key of kty \"{kty}\" cannot be exported by this build."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_read_strictly() {
        assert_eq!(parse_export_options("").ok(), Some(ExportOptions::default()));
        let pem = parse_export_options(r#"{"format":"pem","private":true,"secretEncoding":"hex"}"#).ok();
        assert_eq!(pem, Some(ExportOptions { format: ExportFormat::Pem, private: true, secret_encoding: SecretEncoding::Hex }));
        for bad in [r#"{"format":"der"}"#, r#"{"private":"yes"}"#, r#"{"colour":1}"#, "[]"] {
            assert_eq!(parse_export_options(bad).err().map(|e| e.code), Some(Code::InvalidOption), "{bad}");
        }
    }
}
