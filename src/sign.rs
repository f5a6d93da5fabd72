//! `sign`: a compact JWS from a header, a payload and the caller's key.

use crate::alg::{self, Alg};
use crate::b64;
use crate::error::{Code, Error};
use crate::hmac::HmacKey;
use crate::json::{self, Json};
use crate::key::{KeyFormat, Keyring, Material, PreparedKey};
use crate::options::VerifyOptions;
use crate::random::{NoRandomSource, RandomSource};
use crate::verify::crit_check;
use crate::verify_keys::fits;

const MAX_DEPTH: usize = 64;

/// Signs `payload_json` under `header_json`: both must be JSON objects and are signed verbatim,
/// byte for byte (so RFC 7515 A.1 reproduces exactly; JS objects arrive as `JSON.stringify`
/// text). `header.alg` is required and must fit the key; a `crit` that jwt-lens's own verify
/// would refuse is refused here too.
pub fn sign(header_json: &str, payload_json: &str, ring: &Keyring) -> Result<String, Error> {
    sign_with(header_json, payload_json, ring, &mut NoRandomSource)
}

/// `sign` with randomness for the algorithms that use it (PS* salts, RSA blinding).
pub fn sign_with(header_json: &str, payload_json: &str, ring: &Keyring, random: &mut dyn RandomSource) -> Result<String, Error> {
    let header = parse_object("header", header_json, Code::HeaderNotObject)?;
    parse_object("payload", payload_json, Code::InvalidJson)?;
    let alg = header_alg(&header)?;
    let crit = crit_check(&header, &VerifyOptions::default());
    if !crit.ok {
        return Err(Error::new(Code::CritUnsupported, crit.message));
    }
    let key = choose_key(ring, alg, header.get("kid").and_then(Json::as_str))?;
    let signing_input = format!("{}.{}", b64::encode(header_json.as_bytes()), b64::encode(payload_json.as_bytes()));
    let signature = match &key.material {
        Material::Secret(secret) => hmac_tag(secret, alg, signing_input.as_bytes())?,
        Material::Asymmetric(asymmetric) => asymmetric.sign(alg, signing_input.as_bytes(), random).ok_or_else(|| {
            if asymmetric.has_private() {
                Error::new(Code::Internal, format!("Signing {} needs a secure random source, and none was available.", alg.name))
            } else {
                Error::new(Code::KeyAlgMismatch, format!("This is a public key; signing {} needs the private key.", alg.name))
            }
        })?,
        Material::Unsupported(_) => return Err(Error::new(Code::KeyAlgMismatch, format!("This key cannot sign {}.", alg.name))),
    };
    Ok(format!("{signing_input}.{}", b64::encode(&signature)))
}

/// The HMAC tag, refusing secrets shorter than the hash output (RFC 7518 §3.2).
fn hmac_tag(secret: &HmacKey, alg: &Alg, input: &[u8]) -> Result<Vec<u8>, Error> {
    let hash = alg.hash.ok_or_else(|| Error::new(Code::Internal, "HMAC row without a hash"))?;
    if secret.len() < hash.output_len() {
        return Err(Error::new(
            Code::WeakKey,
            format!("The secret is {} bytes; {} needs at least {} (RFC 7518 §3.2).", secret.len(), alg.name, hash.output_len()),
        )
        .with_hint("Generate a random secret of the hash's length, or pick a shorter hash."));
    }
    secret.tag(hash, input).ok_or_else(|| Error::new(Code::Internal, "The HMAC key could not be set up."))
}

fn parse_object(part: &str, text: &str, not_object: Code) -> Result<Json, Error> {
    let parsed = json::parse(text, MAX_DEPTH)
        .map_err(|e| Error::new(Code::InvalidJson, format!("The {part} is not JSON: {} (at byte {}).", e.message, e.offset)))?;
    if let Some(name) = parsed.duplicates.first() {
        return Err(Error::new(Code::DuplicateMember, format!("The {part} names \"{name}\" more than once.")));
    }
    match parsed.value {
        value @ Json::Object(_) => Ok(value),
        other => Err(Error::new(not_object, format!("The {part} is {}; it must be a JSON object.", other.type_name()))),
    }
}

fn header_alg(header: &Json) -> Result<&'static Alg, Error> {
    let name = match header.get("alg") {
        Some(Json::String(name)) => name,
        Some(_) => return Err(Error::new(Code::Malformed, "The header's \"alg\" must be a string.")),
        None => return Err(Error::new(Code::Malformed, "The header needs an \"alg\" (RFC 7515 §4.1.1).")),
    };
    if name == "none" {
        return Err(Error::new(Code::AlgNone, "jwt-lens does not produce unsecured tokens (alg none)."));
    }
    match alg::lookup(name) {
        Some(found) if found.supported => Ok(found),
        Some(found) => {
            Err(Error::new(Code::UnsupportedAlg, format!("{} is registered but this build cannot sign with it yet.", found.name)))
        }
        None => Err(Error::new(Code::UnsupportedAlg, format!("\"{name}\" is not a registered JWS algorithm."))),
    }
}

fn choose_key<'r>(ring: &'r Keyring, alg: &Alg, kid: Option<&str>) -> Result<&'r PreparedKey, Error> {
    let by_kid = |k: &&PreparedKey| ring.format != KeyFormat::Jwks || kid.is_none() || k.kid.as_deref() == kid;
    let mut keys = ring.keys.iter().filter(by_kid).peekable();
    if keys.peek().is_none() {
        return Err(Error::new(Code::KeyNotFound, format!("No key in the set has kid \"{}\".", kid.unwrap_or_default())));
    }
    let mut keys = keys.filter(|k| fits(k, alg)).peekable();
    if keys.peek().is_none() {
        return Err(Error::new(Code::KeyAlgMismatch, format!("The key cannot be used with {}.", alg.name)));
    }
    keys.find(|k| k.usage.allows("sign"))
        .ok_or_else(|| Error::new(Code::KeyAlgMismatch, "The key's \"use\" or \"key_ops\" does not allow signing."))
}
