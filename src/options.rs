//! Verification options (DESIGN §3), read from the JSON text the binding passes.
//! Unknown option names are refused: a misspelt `algorithms` must not silently allow everything.

use crate::error::{Code, Error};
use crate::json::{self, Json};
use crate::secret::SecretEncoding;

/// What `verify` checks beyond the signature. Every field states its default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerifyOptions {
    /// Accepted algorithms. Default: every algorithm the key is for.
    pub algorithms: Option<Vec<String>>,
    /// How a text secret becomes bytes. Default UTF-8.
    pub secret_encoding: SecretEncoding,
    /// The time to validate at (NumericDate seconds). Default: the current time, read by the binding.
    pub now: f64,
    /// Seconds of clock skew tolerated for `exp`, `nbf` and `iat`. Default 0.
    pub leeway: f64,
    /// Expected `iss` (exact match). Default: not checked.
    pub issuer: Option<Vec<String>>,
    /// Expected audiences: `aud` must contain one of them. Default: not checked.
    pub audience: Option<Vec<String>>,
    /// Expected `sub` (exact match). Default: not checked.
    pub subject: Option<String>,
    /// Expected `typ` header (RFC 8725 §3.11). Default: not checked.
    pub typ: Option<String>,
    /// Claims that must be present. Default: none.
    pub required_claims: Vec<String>,
    /// Maximum age of `iat` in seconds; also makes `iat` required. Default: not checked.
    pub max_token_age: Option<f64>,
    /// Whether `b64: false` (RFC 7797) is understood. Default false.
    pub supports_b64: bool,
    /// The content of a detached payload (RFC 7515 Appendix F), as text (not base64url). Default: none.
    pub detached_payload: Option<String>,
}

/// Parses the options object (`""` means no options). `now` is the binding's clock reading,
/// used unless the options set `now`.
pub fn parse_verify_options(text: &str, now: f64) -> Result<VerifyOptions, Error> {
    let mut options = VerifyOptions { now, ..VerifyOptions::default() };
    if text.trim().is_empty() {
        return Ok(options);
    }
    let parsed = json::parse(text, 8).map_err(|e| Error::new(Code::InvalidOption, format!("options are not JSON: {}", e.message)))?;
    let members = parsed.value.as_object().ok_or_else(|| Error::new(Code::InvalidOption, "options must be an object"))?;
    for (name, value) in members {
        if matches!(value, Json::Null) {
            continue;
        }
        match name.as_str() {
            "algorithms" => options.algorithms = Some(strings(name, value)?),
            "secretEncoding" => options.secret_encoding = secret_encoding(value)?,
            "now" => options.now = number(name, value)?,
            "leeway" => options.leeway = non_negative(name, value)?,
            "issuer" => options.issuer = Some(one_or_many(name, value)?),
            "audience" => options.audience = Some(one_or_many(name, value)?),
            "subject" => options.subject = Some(string(name, value)?),
            "typ" => options.typ = Some(string(name, value)?),
            "requiredClaims" => options.required_claims = strings(name, value)?,
            "maxTokenAge" => options.max_token_age = Some(non_negative(name, value)?),
            "supportsB64" => options.supports_b64 = boolean(name, value)?,
            "detachedPayload" => options.detached_payload = Some(string(name, value)?),
            _ => return Err(Error::new(Code::InvalidOption, format!("unknown option \"{name}\""))),
        }
    }
    Ok(options)
}

/// Parses the options of `sign` / `import_key`: only `secretEncoding`.
pub fn parse_secret_encoding_option(text: &str) -> Result<SecretEncoding, Error> {
    if text.trim().is_empty() {
        return Ok(SecretEncoding::default());
    }
    let parsed = json::parse(text, 8).map_err(|e| Error::new(Code::InvalidOption, format!("options are not JSON: {}", e.message)))?;
    let members = parsed.value.as_object().ok_or_else(|| Error::new(Code::InvalidOption, "options must be an object"))?;
    let mut encoding = SecretEncoding::default();
    for (name, value) in members {
        match name.as_str() {
            "secretEncoding" => encoding = secret_encoding(value)?,
            _ if matches!(value, Json::Null) => {}
            _ => return Err(Error::new(Code::InvalidOption, format!("unknown option \"{name}\""))),
        }
    }
    Ok(encoding)
}

fn wrong(name: &str, expected: &str) -> Error {
    Error::new(Code::InvalidOption, format!("option \"{name}\" must be {expected}"))
}

fn secret_encoding(value: &Json) -> Result<SecretEncoding, Error> {
    value
        .as_str()
        .and_then(SecretEncoding::from_name)
        .ok_or_else(|| wrong("secretEncoding", "\"utf8\", \"base64\", \"base64url\" or \"hex\""))
}

fn number(name: &str, value: &Json) -> Result<f64, Error> {
    value.as_f64().filter(|n| n.is_finite()).ok_or_else(|| wrong(name, "a finite number"))
}

fn non_negative(name: &str, value: &Json) -> Result<f64, Error> {
    number(name, value).and_then(|n| if n >= 0.0 { Ok(n) } else { Err(wrong(name, "zero or more")) })
}

fn string(name: &str, value: &Json) -> Result<String, Error> {
    value.as_str().map(str::to_owned).ok_or_else(|| wrong(name, "a string"))
}

fn boolean(name: &str, value: &Json) -> Result<bool, Error> {
    match value {
        Json::Bool(b) => Ok(*b),
        _ => Err(wrong(name, "a boolean")),
    }
}

fn strings(name: &str, value: &Json) -> Result<Vec<String>, Error> {
    value
        .as_array()
        .and_then(|items| items.iter().map(|v| v.as_str().map(str::to_owned)).collect())
        .ok_or_else(|| wrong(name, "an array of strings"))
}

fn one_or_many(name: &str, value: &Json) -> Result<Vec<String>, Error> {
    match value {
        Json::String(s) => Ok(vec![s.clone()]),
        _ => strings(name, value).map_err(|_| wrong(name, "a string or an array of strings")),
    }
}

/// Options of `generate_key`. Every field states its default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenerateOptions {
    /// HMAC secret length in bytes. Default (and minimum): the hash output length.
    pub size: Option<usize>,
    /// RSA modulus length in bits: 2048, 3072 or 4096. Default 2048.
    pub modulus_length: Option<usize>,
}

/// Parses the options of `generate_key`.
pub fn parse_generate_options(text: &str) -> Result<GenerateOptions, Error> {
    let mut options = GenerateOptions::default();
    if text.trim().is_empty() {
        return Ok(options);
    }
    let parsed = json::parse(text, 8).map_err(|e| Error::new(Code::InvalidOption, format!("options are not JSON: {}", e.message)))?;
    let members = parsed.value.as_object().ok_or_else(|| Error::new(Code::InvalidOption, "options must be an object"))?;
    for (name, value) in members {
        let whole = |what: &str| -> Result<usize, Error> {
            let n = number(name, value)?;
            if n.fract() != 0.0 || !(1.0..=65_536.0).contains(&n) {
                return Err(wrong(name, what));
            }
            Ok(n as usize)
        };
        match name.as_str() {
            "size" => options.size = Some(whole("a whole number of bytes")?),
            "modulusLength" => options.modulus_length = Some(whole("2048, 3072 or 4096")?),
            _ if matches!(value, Json::Null) => {}
            _ => return Err(Error::new(Code::InvalidOption, format!("unknown option \"{name}\""))),
        }
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_option() {
        let text = r#"{"algorithms":["HS256"],"secretEncoding":"hex","now":10,"leeway":5,"issuer":"a","audience":["b","c"],"subject":"s","typ":"at+jwt","requiredClaims":["exp"],"maxTokenAge":60,"supportsB64":true,"future":null}"#;
        let o = parse_verify_options(text, 1.0).unwrap_or_default();
        assert_eq!(o.algorithms, Some(vec!["HS256".to_string()]));
        assert_eq!((o.secret_encoding, o.now, o.leeway), (SecretEncoding::Hex, 10.0, 5.0));
        assert_eq!(o.audience, Some(vec!["b".to_string(), "c".to_string()]));
        assert_eq!(o.issuer, Some(vec!["a".to_string()]));
        assert!(o.supports_b64 && o.max_token_age == Some(60.0));
    }

    #[test]
    fn refuses_mistakes() {
        for bad in [r#"{"algorithm":["HS256"]}"#, r#"{"leeway":-1}"#, r#"{"now":"1"}"#, r#"{"secretEncoding":"latin1"}"#, "[]", "{"] {
            assert!(parse_verify_options(bad, 0.0).is_err_and(|e| e.code == Code::InvalidOption), "{bad}");
        }
        assert_eq!(parse_verify_options("", 7.0).map(|o| o.now), Ok(7.0));
    }
}
