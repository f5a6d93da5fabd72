//! The token-kind fields of the `Decoded` report (`signatures`, `jwe`, `sdJwt`), built as JSON
//! values and written compactly; `report` places them.

use crate::decode::UntrustedToken;
use crate::json::Json;

fn text(value: Option<&str>) -> Json {
    value.map_or(Json::Null, |v| Json::String(v.to_owned()))
}

fn number(value: usize) -> Json {
    Json::Number(value.to_string())
}

fn object(members: Vec<(&str, Json)>) -> String {
    Json::Object(members.into_iter().map(|(name, value)| (name.to_owned(), value)).collect()).to_compact()
}

/// `signatures`: each signature of a JWS JSON serialization, or `None` for a compact token.
#[must_use]
pub(crate) fn signatures(token: &UntrustedToken) -> Option<String> {
    if token.signatures.is_empty() {
        return None;
    }
    let items = token.signatures.iter().map(|s| {
        let members = vec![
            ("index", number(s.index)),
            ("header", s.header.clone().unwrap_or(Json::Null)),
            ("protectedJson", text(s.protected_json.as_deref())),
            ("unprotected", s.unprotected.clone().unwrap_or(Json::Null)),
            ("alg", text(s.header_str("alg"))),
            ("kid", text(s.header_str("kid"))),
            ("signature", Json::String(s.signature_b64.clone())),
        ];
        Json::Object(members.into_iter().map(|(name, value)| (name.to_owned(), value)).collect())
    });
    Some(Json::Array(items.collect()).to_compact())
}

/// `jwe`: the header, algorithms and part lengths of a compact JWE.
#[must_use]
pub(crate) fn jwe(token: &UntrustedToken) -> Option<String> {
    let info = token.jwe.as_ref()?;
    let header_len = token.header_json.as_ref().map_or(Json::Null, |h| number(h.len()));
    let mut parts = vec![Json::Object(vec![("part".to_owned(), Json::String("header".to_owned())), ("length".to_owned(), header_len)])];
    for (part, length) in &info.parts {
        let length = length.map_or(Json::Null, number);
        parts.push(Json::Object(vec![("part".to_owned(), Json::String((*part).to_owned())), ("length".to_owned(), length)]));
    }
    Some(object(vec![
        ("header", token.header.clone().unwrap_or(Json::Null)),
        ("headerJson", text(token.header_json.as_deref())),
        ("alg", text(info.alg.as_deref())),
        ("enc", text(info.enc.as_deref())),
        ("zip", text(info.zip.as_deref())),
        ("parts", Json::Array(parts)),
    ]))
}

/// `sdJwt`: the disclosures of an SD-JWT and where each one's digest was found.
#[must_use]
pub(crate) fn sd_jwt(token: &UntrustedToken) -> Option<String> {
    let sd = token.sd_jwt.as_ref()?;
    let disclosures = sd.disclosures.iter().map(|d| {
        let members = vec![
            ("encoded", Json::String(d.encoded.clone())),
            ("digest", text(d.digest.as_deref())),
            ("salt", text(d.salt.as_deref())),
            ("name", text(d.name.as_deref())),
            ("value", d.value.clone().unwrap_or(Json::Null)),
            ("path", text(d.path.as_deref())),
        ];
        Json::Object(members.into_iter().map(|(name, value)| (name.to_owned(), value)).collect())
    });
    Some(object(vec![
        ("disclosures", Json::Array(disclosures.collect())),
        ("keyBindingJwt", text(sd.key_binding_jwt.as_deref())),
        ("hashAlg", Json::String(sd.hash_alg.clone())),
    ]))
}
