//! X.509 certificates (RFC 5280) as key containers: the subject public key is used, and the
//! subject, issuer, serial number and validity are reported. No chain is validated: jwt-lens has
//! no trust store, so a certificate proves nothing by itself — the caller chose to trust its key.

use crate::asymmetric::Asymmetric;
use crate::der::{oid_to_string, tag, time_to_unix, Item, Reader};
use crate::error::{Code, Diagnostic};

/// What a certificate says about itself (untrusted: nothing here is verified).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateInfo {
    /// The subject's distinguished name as an RFC 4514 string (last RDN first).
    pub subject: String,
    /// The issuer's distinguished name.
    pub issuer: String,
    /// The serial number, hex.
    pub serial: String,
    /// notBefore, in NumericDate seconds.
    pub not_before: i64,
    /// notAfter, in NumericDate seconds.
    pub not_after: i64,
}

fn unreadable() -> Diagnostic {
    Diagnostic::error(Code::InvalidKey, "The certificate cannot be read (not a DER X.509 certificate).")
        .with_hint("Paste the whole PEM block, BEGIN and END lines included.")
}

/// The key and description of a DER certificate.
pub fn parse(der: &[u8]) -> Result<(Asymmetric, CertificateInfo), Diagnostic> {
    let certificate = Reader::new(der).expect(tag::SEQUENCE).ok_or_else(unreadable)?;
    let tbs = Reader::new(certificate.value).expect(tag::SEQUENCE).ok_or_else(unreadable)?;
    let mut fields = Reader::new(tbs.value);
    let mut item = fields.next_item().ok_or_else(unreadable)?;
    if item.tag == tag::CONTEXT_0 {
        item = fields.next_item().ok_or_else(unreadable)?;
    }
    let serial = (item.tag == tag::INTEGER).then_some(item).ok_or_else(unreadable)?;
    let _signature_algorithm = fields.expect(tag::SEQUENCE).ok_or_else(unreadable)?;
    let issuer = fields.expect(tag::SEQUENCE).ok_or_else(unreadable)?;
    let validity = fields.expect(tag::SEQUENCE).ok_or_else(unreadable)?;
    let subject = fields.expect(tag::SEQUENCE).ok_or_else(unreadable)?;
    let spki = fields.expect(tag::SEQUENCE).ok_or_else(unreadable)?;
    let mut times = Reader::new(validity.value);
    let not_before = times.next_item().as_ref().and_then(time_to_unix).ok_or_else(unreadable)?;
    let not_after = times.next_item().as_ref().and_then(time_to_unix).ok_or_else(unreadable)?;
    let key = Asymmetric::from_der(spki.whole)?;
    let info = CertificateInfo {
        subject: name_to_string(&subject),
        issuer: name_to_string(&issuer),
        serial: serial.value.iter().skip_while(|b| **b == 0).map(|b| format!("{b:02x}")).collect(),
        not_before,
        not_after,
    };
    Ok((key, info))
}

/// Short names of the attribute types people read (RFC 4514 §3, plus emailAddress).
fn attribute_name(oid: &[u8]) -> String {
    match oid {
        [0x55, 0x04, 0x03] => "CN".into(),
        [0x55, 0x04, 0x06] => "C".into(),
        [0x55, 0x04, 0x07] => "L".into(),
        [0x55, 0x04, 0x08] => "ST".into(),
        [0x55, 0x04, 0x0a] => "O".into(),
        [0x55, 0x04, 0x0b] => "OU".into(),
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "emailAddress".into(),
        other => oid_to_string(other),
    }
}

/// A Name as an RFC 4514 string: RDNs in reverse order, `type=value` joined by commas.
fn name_to_string(name: &Item<'_>) -> String {
    let mut parts = Vec::new();
    let mut rdns = Reader::new(name.value);
    while let Some(rdn) = rdns.expect(tag::SET) {
        let mut attributes = Reader::new(rdn.value);
        while let Some(attribute) = attributes.expect(tag::SEQUENCE) {
            let mut pair = Reader::new(attribute.value);
            let (Some(oid), Some(value)) = (pair.expect(tag::OID), pair.next_item()) else { continue };
            // UTF8String, PrintableString, IA5String, TeletexString: shown as text; others as hex.
            let text = match value.tag {
                0x0c | 0x13 | 0x16 | 0x14 => String::from_utf8_lossy(value.value).into_owned(),
                _ => format!("#{}", value.whole.iter().map(|b| format!("{b:02x}")).collect::<String>()),
            };
            parts.push(format!("{}={text}", attribute_name(oid.value)));
        }
    }
    parts.reverse();
    parts.join(", ")
}
