//! The token-kind fields of the `Decoded` report (`signatures`, `jwe`, `sdJwt`) as JSON text;
//! `report` places them. Written straight into a string: building `Json` trees first cost the
//! size-budgeted browser engine several kilobytes.

use crate::decode::UntrustedToken;
use crate::json::{write_string, Json};
use core::fmt::Write as _;

/// A JSON object being written; `member` handles the commas.
struct Members(String);

impl Members {
    fn new() -> Self {
        Self(String::from("{"))
    }

    fn member(&mut self, name: &str) -> &mut String {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        write_string(&mut self.0, name);
        self.0.push(':');
        &mut self.0
    }

    fn text(&mut self, name: &str, value: Option<&str>) -> &mut Self {
        match value {
            Some(v) => write_string(self.member(name), v),
            None => self.member(name).push_str("null"),
        }
        self
    }

    fn raw(&mut self, name: &str, json: Option<&str>) -> &mut Self {
        self.member(name).push_str(json.unwrap_or("null"));
        self
    }

    fn value(&mut self, name: &str, value: Option<&Json>) -> &mut Self {
        let text = value.map(Json::to_compact);
        self.raw(name, text.as_deref())
    }

    fn number(&mut self, name: &str, value: Option<usize>) -> &mut Self {
        match value {
            Some(n) => {
                let _ = write!(self.member(name), "{n}");
            }
            None => self.member(name).push_str("null"),
        }
        self
    }

    fn close(&mut self) -> String {
        self.0.push('}');
        core::mem::take(&mut self.0)
    }
}

fn array(items: impl Iterator<Item = String>) -> String {
    let mut out = String::from("[");
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item);
    }
    out.push(']');
    out
}

/// `signatures`: each signature of a JWS JSON serialization, or `None` for a compact token.
#[must_use]
pub(crate) fn signatures(token: &UntrustedToken) -> Option<String> {
    if token.signatures.is_empty() {
        return None;
    }
    Some(array(token.signatures.iter().map(|s| {
        Members::new()
            .number("index", Some(s.index))
            .raw("header", s.header.as_ref().and(s.header_json.as_deref()))
            .text("protectedJson", s.protected_json.as_deref())
            .value("unprotected", s.unprotected.as_ref())
            .text("alg", s.header_str("alg"))
            .text("kid", s.header_str("kid"))
            .text("signature", Some(&s.signature_b64))
            .close()
    })))
}

/// `jwe`: the header, algorithms and part lengths of a compact JWE.
#[must_use]
pub(crate) fn jwe(token: &UntrustedToken) -> Option<String> {
    let info = token.jwe.as_ref()?;
    let header = Members::new().text("part", Some("header")).number("length", token.header_json.as_ref().map(String::len)).close();
    let rest = info.parts.iter().map(|(part, length)| Members::new().text("part", Some(part)).number("length", *length).close());
    Some(
        Members::new()
            .raw("header", token.header.as_ref().and(token.header_json.as_deref()))
            .text("headerJson", token.header_json.as_deref())
            .text("alg", info.alg.as_deref())
            .text("enc", info.enc.as_deref())
            .text("zip", info.zip.as_deref())
            .raw("parts", Some(&array(core::iter::once(header).chain(rest))))
            .close(),
    )
}

/// `sdJwt`: the disclosures of an SD-JWT and where each one's digest was found.
#[must_use]
pub(crate) fn sd_jwt(token: &UntrustedToken) -> Option<String> {
    let sd = token.sd_jwt.as_ref()?;
    let disclosures = array(sd.disclosures.iter().map(|d| {
        Members::new()
            .text("encoded", Some(&d.encoded))
            .text("digest", d.digest.as_deref())
            .text("salt", d.salt.as_deref())
            .text("name", d.name.as_deref())
            .value("value", d.value.as_ref())
            .text("path", d.path.as_deref())
            .close()
    }));
    Some(
        Members::new()
            .raw("disclosures", Some(&disclosures))
            .text("keyBindingJwt", sd.key_binding_jwt.as_deref())
            .text("hashAlg", Some(&sd.hash_alg))
            .close(),
    )
}
