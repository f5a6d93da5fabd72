//! SD-JWT (IETF selective disclosure for JWTs): `<issuer-jwt>~<disclosure>~…~[<kb-jwt>]`.
//! Each disclosure is a base64url JSON array, `[salt, name, value]` for an object property or
//! `[salt, value]` for an array element; its digest (`_sd_alg`, SHA-256 by default) must appear
//! in an `_sd` array or a `{"...": digest}` array element of the payload or of another
//! disclosure. Where it is found is the claim it reveals.

use crate::b64;
use crate::decode::{decode, Limits, Payload, Segment, UntrustedToken};
use crate::decode_parts::base64_diagnostic;
use crate::error::{Code, Diagnostic};
use crate::json::{self, Json};
use sha2::{Digest, Sha256, Sha384, Sha512};

/// One disclosure and what it reveals.
#[derive(Clone, Debug, PartialEq)]
pub struct Disclosure {
    /// The disclosure as written.
    pub encoded: String,
    /// Its digest (base64url), when `_sd_alg` is one jwt-lens computes.
    pub digest: Option<String>,
    /// The salt.
    pub salt: Option<String>,
    /// The claim name (`None` for an array element).
    pub name: Option<String>,
    /// The disclosed value.
    pub value: Option<Json>,
    /// Where its digest was found (`address.street`, `nationalities[1]`), or `None`.
    pub path: Option<String>,
}

/// The SD-JWT parts after the issuer-signed JWT.
#[derive(Clone, Debug, PartialEq)]
pub struct SdJwt {
    /// Each disclosure, in order.
    pub disclosures: Vec<Disclosure>,
    /// The key-binding JWT, when present.
    pub key_binding_jwt: Option<String>,
    /// The `_sd_alg` of the payload (`sha-256` when absent).
    pub hash_alg: String,
}

/// Where a digest sits: the path of the claim it would reveal, and whether it is an array element.
struct Site {
    digest: String,
    path: String,
    element: bool,
}

fn hash(alg: &str, text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    Some(b64::encode(&match alg {
        "sha-256" => Sha256::digest(bytes).to_vec(),
        "sha-384" => Sha384::digest(bytes).to_vec(),
        "sha-512" => Sha512::digest(bytes).to_vec(),
        _ => return None,
    }))
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Collects every digest under `value` (at `path`), not descending into disclosures.
fn collect_sites(value: &Json, path: &str, sites: &mut Vec<Site>) {
    match value {
        Json::Object(members) => {
            for (name, child) in members {
                match (name.as_str(), child) {
                    ("_sd", Json::Array(digests)) => sites.extend(digests.iter().filter_map(Json::as_str).map(|d| Site {
                        digest: d.to_owned(),
                        path: path.to_owned(),
                        element: false,
                    })),
                    ("_sd" | "_sd_alg", _) => {}
                    _ => collect_sites(child, &join(path, name), sites),
                }
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("{path}[{i}]");
                match item.as_object() {
                    Some([(dots, Json::String(digest))]) if dots == "..." => {
                        sites.push(Site { digest: digest.clone(), path: at, element: true })
                    }
                    _ => collect_sites(item, &at, sites),
                }
            }
        }
        _ => {}
    }
}

/// Decodes one disclosure; what is wrong goes into `diagnostics`.
fn read_disclosure(encoded: &str, hash_alg: &str, limits: &Limits, diagnostics: &mut Vec<Diagnostic>) -> Disclosure {
    let mut out =
        Disclosure { encoded: encoded.to_owned(), digest: hash(hash_alg, encoded), salt: None, name: None, value: None, path: None };
    let text = match b64::decode(encoded).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            diagnostics.push(Diagnostic::error(Code::InvalidUtf8, format!("The disclosure {encoded} is not UTF-8 text.")));
            return out;
        }
        Err(e) => {
            diagnostics.push(base64_diagnostic("disclosure", &e));
            return out;
        }
    };
    let parsed = match json::parse(&text, limits.max_depth) {
        Ok(parsed) => parsed.value,
        Err(e) => {
            diagnostics.push(Diagnostic::error(Code::InvalidJson, format!("The disclosure {text} is not JSON: {}.", e.message)));
            return out;
        }
    };
    match parsed.as_array() {
        Some([Json::String(salt), Json::String(name), value]) => {
            if name == "_sd" || name == "..." {
                diagnostics.push(Diagnostic::error(Code::Malformed, format!("A disclosure may not name the claim \"{name}\".")));
            }
            (out.salt, out.name, out.value) = (Some(salt.clone()), Some(name.clone()), Some(value.clone()));
        }
        Some([Json::String(salt), value]) => (out.salt, out.value) = (Some(salt.clone()), Some(value.clone())),
        _ => diagnostics.push(Diagnostic::error(
            Code::Malformed,
            format!("The disclosure {text} is not [salt, name, value] or [salt, value] with string salt and name."),
        )),
    }
    out
}

/// Reads what follows the issuer JWT's first `~` (`rest`, at byte `offset` of `input`).
pub(crate) fn read(token: &mut UntrustedToken, input: &str, offset: usize, rest: &str, limits: &Limits) {
    let claims = match &token.payload {
        Some(Payload::Json(claims @ Json::Object(_))) => Some(claims.clone()),
        _ => None,
    };
    let hash_alg = claims.as_ref().and_then(|c| c.get("_sd_alg")).and_then(Json::as_str).unwrap_or("sha-256").to_owned();
    let mut pieces: Vec<&str> = rest.split('~').collect();
    let last = pieces.pop().unwrap_or_default();
    let key_binding_jwt = (!last.is_empty() && last.contains('.')).then(|| last.to_owned());
    if !last.is_empty() && key_binding_jwt.is_none() {
        token.diagnostics.push(Diagnostic::warning(
            Code::Malformed,
            "An SD-JWT ends with '~' or with a key-binding JWT; the last part was read as a disclosure.",
        ));
        pieces.push(last);
    }
    let mut segments = Vec::new();
    let mut at = offset;
    let utf16 = |byte: usize| input.get(..byte).map_or(byte, |s| s.encode_utf16().count());
    for piece in &pieces {
        segments.push(Segment { part: "disclosure", start: utf16(at), end: utf16(at + piece.len()) });
        at += piece.len() + 1;
    }
    if let Some(kb) = &key_binding_jwt {
        segments.push(Segment { part: "kb_jwt", start: utf16(at), end: utf16(at + kb.len()) });
        let decoded = decode(kb);
        for d in decoded.diagnostics.iter().filter(|d| d.severity == crate::error::Severity::Error) {
            let message = format!("Key-binding JWT: {}", d.message);
            token.diagnostics.push(Diagnostic::warning(d.code, message));
        }
    }
    token.segments.extend(segments);
    let mut disclosures: Vec<Disclosure> =
        pieces.iter().filter(|p| !p.is_empty()).map(|p| read_disclosure(p, &hash_alg, limits, &mut token.diagnostics)).collect();
    if disclosures.iter().any(|d| d.digest.is_none()) {
        token.diagnostics.push(Diagnostic::warning(
            Code::UnsupportedAlg,
            format!("The payload's \"_sd_alg\" is \"{hash_alg}\"; jwt-lens computes sha-256, sha-384 and sha-512 only, so the disclosures' digests cannot be checked."),
        ));
    } else {
        // Without a claims set there is no `_sd` to find a digest in: every disclosure is unplaced.
        if let Some(claims) = &claims {
            place(&mut disclosures, claims);
        }
        report_unplaced(token, &disclosures);
    }
    token.sd_jwt = Some(SdJwt { disclosures, key_binding_jwt, hash_alg });
}

/// Finds each disclosure's digest, in the payload and then in the values already disclosed
/// (a disclosure may itself hide claims), until nothing new is found.
fn place(disclosures: &mut [Disclosure], claims: &Json) {
    let mut sites = Vec::new();
    collect_sites(claims, "", &mut sites);
    loop {
        let mut found = false;
        for disclosure in disclosures.iter_mut().filter(|d| d.path.is_none()) {
            let Some(site) = sites.iter().find(|s| Some(&s.digest) == disclosure.digest.as_ref() && s.element == disclosure.name.is_none())
            else {
                continue;
            };
            let path = match &disclosure.name {
                Some(name) => join(&site.path, name),
                None => site.path.clone(),
            };
            if let Some(value) = &disclosure.value {
                collect_sites(value, &path, &mut sites);
            }
            disclosure.path = Some(path);
            found = true;
        }
        if !found {
            break;
        }
    }
}

fn report_unplaced(token: &mut UntrustedToken, disclosures: &[Disclosure]) {
    for (i, d) in disclosures.iter().enumerate() {
        if disclosures.iter().take(i).any(|earlier| earlier.encoded == d.encoded) {
            token.diagnostics.push(Diagnostic::error(Code::Malformed, format!("Disclosure {i} is given twice.")));
        } else if d.path.is_none() && d.value.is_some() {
            let what = d.name.as_deref().map_or_else(|| "an array element".to_owned(), |n| format!("the claim \"{n}\""));
            token.diagnostics.push(
                Diagnostic::warning(
                    Code::SdDigestMismatch,
                    format!(
                        "Disclosure {i} ({what}) has digest {}, which is in no \"_sd\" array or \"...\" element of the token.",
                        d.digest.as_deref().unwrap_or_default()
                    ),
                )
                .with_hint("The disclosure was altered, belongs to another token, or was hashed with another _sd_alg."),
            );
        }
    }
}
