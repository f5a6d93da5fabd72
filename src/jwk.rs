//! JSON Web Keys (RFC 7517) and their thumbprints (RFC 7638).

use crate::b64;
use crate::error::{Code, Diagnostic};
use crate::json::{write_string, Json};
use sha2::{Digest, Sha256};

/// What a JWK allows its key to be used for (RFC 7517 §4.2, §4.3).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// `use`, when present.
    pub use_: Option<String>,
    /// `key_ops`, when present.
    pub key_ops: Option<Vec<String>>,
}

impl Usage {
    /// Whether the key may perform `op` (`"sign"` or `"verify"`).
    #[must_use]
    pub fn allows(&self, op: &str) -> bool {
        self.use_.as_deref().is_none_or(|u| u == "sig") && self.key_ops.as_ref().is_none_or(|ops| ops.iter().any(|o| o == op))
    }
}

/// The members every JWK may carry, read strictly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JwkCommon {
    /// `kty`
    pub kty: String,
    /// `kid`
    pub kid: Option<String>,
    /// `alg`
    pub alg: Option<String>,
    /// `use` and `key_ops`
    pub usage: Usage,
}

/// Reads `kty`, `kid`, `alg`, `use` and `key_ops`, refusing wrong types.
pub fn read_common(jwk: &Json) -> Result<JwkCommon, Diagnostic> {
    let string = |name: &str| -> Result<Option<String>, Diagnostic> {
        match jwk.get(name) {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.clone())),
            Some(other) => {
                Err(Diagnostic::error(Code::InvalidKey, format!("The JWK's \"{name}\" is {}; it must be a string.", other.type_name())))
            }
        }
    };
    let kty = string("kty")?.ok_or_else(|| Diagnostic::error(Code::InvalidKey, "The JWK has no \"kty\" (RFC 7517 §4.1)."))?;
    let key_ops = match jwk.get("key_ops") {
        None => None,
        Some(Json::Array(items)) => Some(
            items
                .iter()
                .map(|op| op.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| Diagnostic::error(Code::InvalidKey, "The JWK's \"key_ops\" must be an array of strings."))?,
        ),
        Some(_) => return Err(Diagnostic::error(Code::InvalidKey, "The JWK's \"key_ops\" must be an array of strings.")),
    };
    Ok(JwkCommon { kty, kid: string("kid")?, alg: string("alg")?, usage: Usage { use_: string("use")?, key_ops } })
}

/// The secret of an `oct` JWK (`k`, RFC 7518 §6.4.1), strictly decoded.
pub fn oct_secret(jwk: &Json) -> Result<Vec<u8>, Diagnostic> {
    let k = jwk.get("k").and_then(Json::as_str).ok_or_else(|| Diagnostic::error(Code::InvalidKey, "The oct JWK has no string \"k\"."))?;
    let bytes = b64::decode(k).map_err(|e| Diagnostic::error(Code::InvalidKey, format!("The JWK's \"k\" {}.", e.reason)))?;
    if bytes.is_empty() {
        return Err(Diagnostic::error(Code::InvalidKey, "The JWK's \"k\" is empty."));
    }
    Ok(bytes)
}

/// JWK JSON text from members in order, then `kid` when given.
#[must_use]
pub fn to_json(members: &[(&str, String)], kid: Option<&str>) -> String {
    let mut out = String::from("{");
    let kid_member = kid.map(|k| ("kid", k.to_owned()));
    for (i, (name, value)) in members.iter().chain(kid_member.iter()).enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(&mut out, name);
        out.push(':');
        write_string(&mut out, value);
    }
    out.push('}');
    out
}

/// The RFC 7638 thumbprint (SHA-256, base64url) over the required members, which the caller
/// gives in lexicographic order.
#[must_use]
pub fn thumbprint(required: &[(&str, String)]) -> String {
    b64::encode(&Sha256::digest(to_json(required, None).as_bytes()))
}

/// The JSON text of an `oct` JWK (RFC 7518 §6.4).
#[must_use]
pub fn oct_jwk_json(secret: &[u8], alg: Option<&str>, kid: Option<&str>) -> String {
    let mut members = vec![("kty", "oct".to_owned()), ("k", b64::encode(secret))];
    members.extend(alg.map(|a| ("alg", a.to_owned())));
    to_json(&members, kid)
}

/// The RFC 7638 thumbprint of an `oct` key.
#[must_use]
pub fn oct_thumbprint(secret: &[u8]) -> String {
    thumbprint(&[("k", b64::encode(secret)), ("kty", "oct".to_owned())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_rules() {
        let any = Usage::default();
        assert!(any.allows("verify"));
        let enc = Usage { use_: Some("enc".into()), key_ops: None };
        assert!(!enc.allows("verify"));
        let sign_only = Usage { use_: None, key_ops: Some(vec!["sign".into()]) };
        assert!(sign_only.allows("sign") && !sign_only.allows("verify"));
    }

    #[test]
    fn thumbprint_matches_canonical_form() {
        // Computed independently: SHA-256 of {"k":"AQID","kty":"oct"}.
        assert_eq!(oct_thumbprint(&[1, 2, 3]), "xyzL7E2wxRsksrybor1iIah92PHMUlEgSf_CGV1lwBc");
    }
}
