//! Compact JWE (RFC 7516 §7.1), explained but not decrypted: the five parts, their decoded
//! lengths, and what the header's `alg` (how the content key travels) and `enc` (how the
//! content is encrypted) mean. Decryption needs the recipient's private key and is out of scope.

use crate::b64;
use crate::decode::UntrustedToken;
use crate::decode_parts::base64_diagnostic;
use crate::error::{Code, Diagnostic};
use crate::json::Json;

/// What a compact JWE shows without its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JweInfo {
    /// Key management algorithm (`alg`, RFC 7518 §4).
    pub alg: Option<String>,
    /// Content encryption algorithm (`enc`, RFC 7518 §5).
    pub enc: Option<String>,
    /// Compression applied before encryption (`zip`, RFC 7516 §4.1.3).
    pub zip: Option<String>,
    /// Each part after the header and its decoded length in bytes (`None` when not base64url).
    pub parts: Vec<(&'static str, Option<usize>)>,
}

/// Key management algorithms (RFC 7518 §4.1) and what they do.
const KEY_MANAGEMENT: [(&str, &str); 17] = [
    ("RSA1_5", "the content key is encrypted with RSAES-PKCS1-v1_5 (RFC 7518 §4.2; avoid: padding-oracle attacks)"),
    ("RSA-OAEP", "the content key is encrypted with RSAES-OAEP and SHA-1 (RFC 7518 §4.3)"),
    ("RSA-OAEP-256", "the content key is encrypted with RSAES-OAEP and SHA-256 (RFC 7518 §4.3)"),
    ("A128KW", "the content key is wrapped with AES Key Wrap under a 128-bit key (RFC 7518 §4.4)"),
    ("A192KW", "the content key is wrapped with AES Key Wrap under a 192-bit key (RFC 7518 §4.4)"),
    ("A256KW", "the content key is wrapped with AES Key Wrap under a 256-bit key (RFC 7518 §4.4)"),
    ("dir", "a shared symmetric key is the content key itself, so there is no encrypted key (RFC 7518 §4.5)"),
    ("ECDH-ES", "the content key is agreed by ephemeral-static ECDH, so there is no encrypted key (RFC 7518 §4.6)"),
    ("ECDH-ES+A128KW", "a key agreed by ECDH-ES wraps the content key with AES-128 Key Wrap (RFC 7518 §4.6)"),
    ("ECDH-ES+A192KW", "a key agreed by ECDH-ES wraps the content key with AES-192 Key Wrap (RFC 7518 §4.6)"),
    ("ECDH-ES+A256KW", "a key agreed by ECDH-ES wraps the content key with AES-256 Key Wrap (RFC 7518 §4.6)"),
    ("A128GCMKW", "the content key is encrypted with AES-128-GCM (RFC 7518 §4.7)"),
    ("A192GCMKW", "the content key is encrypted with AES-192-GCM (RFC 7518 §4.7)"),
    ("A256GCMKW", "the content key is encrypted with AES-256-GCM (RFC 7518 §4.7)"),
    ("PBES2-HS256+A128KW", "a key derived from a password (PBKDF2, HMAC-SHA-256) wraps the content key (RFC 7518 §4.8)"),
    ("PBES2-HS384+A192KW", "a key derived from a password (PBKDF2, HMAC-SHA-384) wraps the content key (RFC 7518 §4.8)"),
    ("PBES2-HS512+A256KW", "a key derived from a password (PBKDF2, HMAC-SHA-512) wraps the content key (RFC 7518 §4.8)"),
];

/// Content encryption algorithms (RFC 7518 §5.1): description, IV length, tag length.
const CONTENT_ENCRYPTION: [(&str, &str, usize, usize); 6] = [
    ("A128CBC-HS256", "AES-128-CBC with HMAC-SHA-256 (RFC 7518 §5.2.3)", 16, 16),
    ("A192CBC-HS384", "AES-192-CBC with HMAC-SHA-384 (RFC 7518 §5.2.4)", 16, 24),
    ("A256CBC-HS512", "AES-256-CBC with HMAC-SHA-512 (RFC 7518 §5.2.5)", 16, 32),
    ("A128GCM", "AES-128-GCM (RFC 7518 §5.3)", 12, 16),
    ("A192GCM", "AES-192-GCM (RFC 7518 §5.3)", 12, 16),
    ("A256GCM", "AES-256-GCM (RFC 7518 §5.3)", 12, 16),
];

const PARTS: [&str; 4] = ["encrypted_key", "iv", "ciphertext", "tag"];

fn member(header: Option<&Json>, name: &str) -> Option<String> {
    header?.get(name)?.as_str().map(str::to_owned)
}

/// Reads the four parts after the header (`parts`) and explains the token.
pub(crate) fn read(token: &mut UntrustedToken, parts: &[&str]) {
    let mut info = JweInfo {
        alg: member(token.header.as_ref(), "alg"),
        enc: member(token.header.as_ref(), "enc"),
        zip: member(token.header.as_ref(), "zip"),
        parts: Vec::new(),
    };
    for (segment, name) in parts.iter().zip(PARTS) {
        match b64::decode(segment) {
            Ok(bytes) => info.parts.push((name, Some(bytes.len()))),
            Err(e) => {
                token.diagnostics.push(base64_diagnostic(name, &e));
                info.parts.push((name, None));
            }
        }
    }
    if token.header.is_some() && cfg!(feature = "kinds") {
        explain(token, &info);
    } else if token.header.is_some() {
        // The HMAC-only engine keeps the tables out; it still says what the token is.
        let (alg, enc) = (info.alg.as_deref().unwrap_or("?"), info.enc.as_deref().unwrap_or("?"));
        let message = format!("This is an encrypted token (JWE, alg {alg}, enc {enc}); jwt-lens explains its parts but never decrypts.");
        token.diagnostics.push(Diagnostic::info(Code::JweNotDecrypted, message));
    }
    token.jwe = Some(info);
}

fn length_of(info: &JweInfo, part: &str) -> Option<usize> {
    info.parts.iter().find(|(name, _)| *name == part).and_then(|(_, len)| *len)
}

fn explain(token: &mut UntrustedToken, info: &JweInfo) {
    let alg = info.alg.as_deref().unwrap_or_default();
    let key_management = KEY_MANAGEMENT.iter().find(|(name, _)| *name == alg).map(|(_, text)| *text);
    let content = info.enc.as_deref().and_then(|enc| CONTENT_ENCRYPTION.iter().find(|(name, ..)| *name == enc));
    match (&info.enc, content) {
        (None, _) => token.diagnostics.push(Diagnostic::error(Code::Malformed, "The JWE header has no \"enc\" member (RFC 7516 §4.1.2).")),
        (Some(enc), None) => token
            .diagnostics
            .push(Diagnostic::warning(Code::UnsupportedAlg, format!("\"{enc}\" is not a registered content encryption algorithm."))),
        (Some(_), Some((enc, _, iv, tag))) => {
            for (part, expected) in [("iv", *iv), ("tag", *tag)] {
                if let Some(found) = length_of(info, part).filter(|found| *found != expected) {
                    token.diagnostics.push(Diagnostic::warning(
                        Code::Malformed,
                        format!("The {part} is {found} bytes; {enc} uses {expected} (RFC 7518 §5)."),
                    ));
                }
            }
        }
    }
    if key_management.is_none() {
        token
            .diagnostics
            .push(Diagnostic::warning(Code::UnsupportedAlg, format!("\"{alg}\" is not a registered key management algorithm.")));
    }
    let keyless = alg == "dir" || alg == "ECDH-ES";
    match length_of(info, "encrypted_key") {
        Some(0) if key_management.is_some() && !keyless => token.diagnostics.push(Diagnostic::warning(
            Code::Malformed,
            format!("The encrypted key is empty, but {alg} carries the content key there (RFC 7516 §5.1)."),
        )),
        Some(n) if n > 0 && keyless => token.diagnostics.push(Diagnostic::warning(
            Code::Malformed,
            format!("The encrypted key has {n} bytes; with {alg} it must be empty (RFC 7518 §4.5, §4.6)."),
        )),
        _ => {}
    }
    let how_key = key_management.unwrap_or("the key management algorithm is not registered");
    let how_content = content.map_or("an unregistered algorithm", |(_, text, ..)| *text);
    let zip = if info.zip.as_deref() == Some("DEF") { " after DEFLATE compression (zip: DEF)" } else { "" };
    token.diagnostics.push(
        Diagnostic::info(
            Code::JweNotDecrypted,
            format!("This is an encrypted token (JWE): {how_key}; the content is encrypted with {how_content}{zip}. Only the header is readable."),
        )
        .with_hint("Decrypting needs the recipient's key and is out of scope for jwt-lens: it explains the parts but never decrypts."),
    );
}
