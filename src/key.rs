//! Keys as the caller gives them: a secret in some encoding, a JWK, or a JWK Set. A key is
//! parsed once into a `Keyring` that verify and sign reuse.

use crate::alg::{self, Alg, Family};
use crate::armour;
use crate::asymmetric::Asymmetric;
use crate::certificate::CertificateInfo;
use crate::error::{Code, Diagnostic};
use crate::hmac::HmacKey;
use crate::json::{self, Json};
use crate::jwk::{self, Usage};
use crate::secret::{decode_secret, SecretEncoding};

/// The key material of one usable key.
#[derive(Clone, Debug)]
pub enum Material {
    /// An HMAC secret.
    Secret(Box<HmacKey>),
    /// A public or private key of a supported asymmetric family.
    Asymmetric(Box<Asymmetric>),
    /// A JWK of a type this build cannot use (kept so a key set can say why it was skipped).
    Unsupported(String),
}

/// One key, ready to use.
#[derive(Clone, Debug)]
pub struct PreparedKey {
    /// What it is.
    pub material: Material,
    /// RFC 7638 thumbprint.
    pub thumbprint: String,
    /// `kid` from the JWK.
    pub kid: Option<String>,
    /// The algorithm the JWK pins (`alg`), when it does.
    pub alg: Option<String>,
    /// `use` / `key_ops` restrictions.
    pub usage: Usage,
}

impl PreparedKey {
    /// The supported algorithms this key can be used with.
    #[must_use]
    pub fn algorithms(&self) -> Vec<&'static Alg> {
        let candidates: Vec<&'static Alg> = match &self.material {
            Material::Secret(_) => alg::supported_in(Family::Hmac).collect(),
            Material::Asymmetric(key) => key.algorithms(),
            Material::Unsupported(_) => return Vec::new(),
        };
        candidates.into_iter().filter(|a| self.alg.as_deref().is_none_or(|pinned| pinned == a.name)).collect()
    }

    /// Secret length in bits (the key size shown to people).
    #[must_use]
    pub fn bits(&self) -> usize {
        match &self.material {
            Material::Secret(key) => key.len() * 8,
            Material::Asymmetric(key) => key.bits(),
            Material::Unsupported(_) => 0,
        }
    }
}

/// A secret as the caller typed it. Its `Debug` prints nothing secret.
#[derive(Clone)]
pub struct SecretText {
    /// The text.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: SecretEncoding,
}

impl core::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "SecretText({}, redacted)", self.encoding.name())
    }
}

/// Where the keys came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFormat {
    /// A text secret.
    Secret,
    /// A PEM block.
    Pem,
    /// DER as base64 or hex.
    Der,
    /// An X.509 certificate (its subject public key).
    Certificate,
    /// One JWK.
    Jwk,
    /// A JWK Set.
    Jwks,
}

/// One or more keys parsed from one input.
#[derive(Clone, Debug)]
pub struct Keyring {
    /// The format detected.
    pub format: KeyFormat,
    /// The keys, in input order.
    pub keys: Vec<PreparedKey>,
    /// What was noticed while parsing (skipped keys, duplicate kids…).
    pub notes: Vec<Diagnostic>,
    /// For a text secret: the text and how it was read, kept to try the other encodings when a
    /// signature fails (`secret_encoding_hint`) — only to explain, never to accept.
    pub secret_text: Option<SecretText>,
    /// For an X.509 certificate: what it says about itself (unverified).
    pub certificate: Option<CertificateInfo>,
    /// For a JWK Set: the kids that more than one of its JWKs declare (usable or not); a token
    /// naming one of them is refused as ambiguous.
    pub ambiguous_kids: Vec<String>,
}

/// Parses a key given as text: PEM, DER as base64 or hex, JWK or JWKS JSON, or else a secret
/// in `encoding`. Key material is never read as a secret: PEM, DER and JWK text are keys.
pub fn import(text: &str, encoding: SecretEncoding) -> Result<Keyring, Diagnostic> {
    let trimmed = text.trim();
    if let Some(broken) = armour::half_armoured(trimmed) {
        return Err(broken);
    }
    if trimmed.starts_with("-----BEGIN CERTIFICATE-----") {
        return import_certificate(trimmed);
    }
    if trimmed.starts_with("-----BEGIN") {
        return Asymmetric::from_pem(trimmed).map(|key| Keyring::single(KeyFormat::Pem, asymmetric_key(key, None, None, Usage::default())));
    }
    if trimmed.starts_with('{') {
        if let Ok(parsed) = json::parse(trimmed, 16) {
            return import_json(&parsed.value);
        }
    }
    if let Some(der) = der_bytes(trimmed) {
        let mut ring =
            Asymmetric::from_der(&der).map(|key| Keyring::single(KeyFormat::Der, asymmetric_key(key, None, None, Usage::default())))?;
        if armour::looks_like_pem_body(trimmed) {
            ring.notes.push(armour::read_without_armour());
        }
        return Ok(ring);
    }
    if armour::looks_like_pem_body(trimmed) && decode_secret(trimmed, SecretEncoding::Base64).is_ok_and(|b| armour::starts_like_der_key(&b))
    {
        return Err(armour::unreadable_body());
    }
    let secret = decode_secret(text, encoding)?;
    let secret_text = Some(SecretText { text: text.to_owned(), encoding });
    Ok(Keyring { secret_text, ..Keyring::single(KeyFormat::Secret, secret_key(&secret, None, None, Usage::default())?) })
}

fn unsupported_jwk(kty: &str) -> Diagnostic {
    Diagnostic::error(
        Code::InvalidKey,
        format!("A JWK of kty \"{kty}\" is not supported by this build yet; it is never used as an HMAC secret."),
    )
    .with_hint("This build handles oct (HMAC), EC (P-256/384/521, secp256k1) and OKP (Ed25519) keys; RSA and ML-DSA are planned.")
}

/// The bytes of base64 or hex text that is exactly one DER SEQUENCE: an encoded key, never a secret.
fn der_bytes(text: &str) -> Option<Vec<u8>> {
    [SecretEncoding::Base64, SecretEncoding::Base64Url, SecretEncoding::Hex]
        .into_iter()
        .filter_map(|encoding| decode_secret(text, encoding).ok())
        .find(|bytes| is_der_sequence(bytes))
}

fn import_certificate(pem: &str) -> Result<Keyring, Diagnostic> {
    let (_, der) = pem_rfc7468::decode_vec(pem.as_bytes())
        .map_err(|e| Diagnostic::error(Code::InvalidKey, format!("The certificate's PEM cannot be read ({e}).")))?;
    let (key, info) = crate::certificate::parse(&der)?;
    let mut ring = Keyring::single(KeyFormat::Certificate, asymmetric_key(key, None, None, Usage::default()));
    ring.certificate = Some(info);
    Ok(ring)
}

fn asymmetric_key(key: Asymmetric, kid: Option<String>, alg: Option<String>, usage: Usage) -> PreparedKey {
    PreparedKey { thumbprint: key.thumbprint(), material: Material::Asymmetric(Box::new(key)), kid, alg, usage }
}

impl Keyring {
    fn new(format: KeyFormat, keys: Vec<PreparedKey>) -> Self {
        Self { format, keys, notes: Vec::new(), secret_text: None, certificate: None, ambiguous_kids: Vec::new() }
    }

    fn single(format: KeyFormat, key: PreparedKey) -> Self {
        Self::new(format, vec![key])
    }
}

/// Whether `bytes` is a DER SEQUENCE whose length field accounts for every byte.
fn is_der_sequence(bytes: &[u8]) -> bool {
    let (Some(0x30), Some(&first)) = (bytes.first(), bytes.get(1)) else { return false };
    let (header, len) = match first {
        0..=0x7f => (2, usize::from(first)),
        0x81..=0x83 => {
            let n = usize::from(first & 0x7f);
            let Some(len_bytes) = bytes.get(2..2 + n) else { return false };
            (2 + n, len_bytes.iter().fold(0, |acc, b| acc << 8 | usize::from(*b)))
        }
        _ => return false,
    };
    bytes.len() >= 32 && header + len == bytes.len()
}

fn secret_key(secret: &[u8], kid: Option<String>, alg: Option<String>, usage: Usage) -> Result<PreparedKey, Diagnostic> {
    let key = HmacKey::new(secret).ok_or_else(|| Diagnostic::error(Code::InvalidKey, "The secret is empty."))?;
    Ok(PreparedKey { material: Material::Secret(Box::new(key)), thumbprint: jwk::oct_thumbprint(secret), kid, alg, usage })
}

fn import_json(value: &Json) -> Result<Keyring, Diagnostic> {
    if let Some(keys) = value.get("keys") {
        let items = keys.as_array().ok_or_else(|| Diagnostic::error(Code::InvalidKey, "The JWK Set's \"keys\" must be an array."))?;
        return import_set(items);
    }
    if value.get("kty").is_none() {
        return Err(Diagnostic::error(Code::InvalidKey, "This JSON is neither a JWK (no \"kty\") nor a JWK Set (no \"keys\")."));
    }
    let key = import_jwk(value)?;
    if let Material::Unsupported(kty) = &key.material {
        return Err(unsupported_jwk(kty));
    }
    Ok(Keyring::single(KeyFormat::Jwk, key))
}

fn import_jwk(value: &Json) -> Result<PreparedKey, Diagnostic> {
    let common = jwk::read_common(value)?;
    if let Some(key) = Asymmetric::from_jwk(&common.kty, value) {
        let key = key?;
        if let Some(alg) = common.alg.as_deref() {
            if alg::lookup(alg).is_none_or(|a| !key.fits(a)) {
                return Err(Diagnostic::error(
                    Code::KeyAlgMismatch,
                    format!("The {} JWK says \"alg\": \"{alg}\", which does not fit its key.", common.kty),
                ));
            }
        }
        return Ok(asymmetric_key(key, common.kid, common.alg, common.usage));
    }
    if common.kty != "oct" {
        return Ok(PreparedKey {
            material: Material::Unsupported(common.kty),
            thumbprint: String::new(),
            kid: common.kid,
            alg: common.alg,
            usage: common.usage,
        });
    }
    if let Some(alg) = common.alg.as_deref() {
        if alg::lookup(alg).is_none_or(|a| a.family != Family::Hmac) {
            return Err(Diagnostic::error(
                Code::KeyAlgMismatch,
                format!("The oct JWK says \"alg\": \"{alg}\", which is not an HMAC algorithm."),
            ));
        }
    }
    secret_key(&jwk::oct_secret(value)?, common.kid, common.alg, common.usage)
}

fn import_set(items: &[Json]) -> Result<Keyring, Diagnostic> {
    let mut keys = Vec::new();
    let mut notes = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match import_jwk(item) {
            Ok(key) => {
                if let Material::Unsupported(kty) = &key.material {
                    notes.push(Diagnostic::info(
                        Code::UnsupportedAlg,
                        format!("Key #{i} (kty \"{kty}\") was skipped: this build cannot use that key type."),
                    ));
                }
                keys.push(key);
            }
            Err(d) => notes.push(Diagnostic::warning(d.code, format!("Key #{i} was skipped: {}", d.message))),
        }
    }
    let mut kids: Vec<&str> = items.iter().filter_map(|item| item.get("kid").and_then(Json::as_str)).collect();
    kids.sort_unstable();
    let mut ambiguous_kids: Vec<String> = Vec::new();
    for pair in kids.windows(2) {
        if let [a, b] = pair {
            if a == b && !ambiguous_kids.iter().any(|k| k == a) {
                ambiguous_kids.push((*a).to_owned());
                notes.push(Diagnostic::warning(
                    Code::KeyNotFound,
                    format!("The key set has more than one key with kid \"{a}\"; a token naming that kid is refused as ambiguous."),
                ));
            }
        }
    }
    if keys.is_empty() {
        return Err(Diagnostic::error(Code::InvalidKey, "The JWK Set has no usable key."));
    }
    let secret = keys.iter().any(|k| matches!(k.material, Material::Secret(_)));
    let asymmetric = keys.iter().any(|k| matches!(k.material, Material::Asymmetric(_)));
    if secret && asymmetric {
        return Err(Diagnostic::error(Code::InvalidKey, "The JWK Set mixes secret (oct) keys with asymmetric ones; jwt-lens refuses such sets.")
            .with_hint("Keep HMAC secrets and public keys in separate sets: a verifier led by the token's alg could pick the wrong kind (RFC 8725 §3.1)."));
    }
    Ok(Keyring { notes, ambiguous_kids, ..Keyring::new(KeyFormat::Jwks, keys) })
}
