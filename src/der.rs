//! Just enough DER (X.690) to walk a certificate and to write SPKI and PKCS#8 key containers:
//! tag–length–value items, nothing decoded that the caller does not ask for. The key crates
//! parse keys; a full X.509 crate and the crates' generic encoders cost ~65 KB of wasm for
//! what these few functions do.

/// One DER item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item<'a> {
    /// The identifier octet (class, constructed bit, tag number < 31).
    pub tag: u8,
    /// The content octets.
    pub value: &'a [u8],
    /// The whole encoding: identifier, length and content.
    pub whole: &'a [u8],
}

/// Universal tags used here.
pub mod tag {
    /// INTEGER
    pub const INTEGER: u8 = 0x02;
    /// OBJECT IDENTIFIER
    pub const OID: u8 = 0x06;
    /// SEQUENCE
    pub const SEQUENCE: u8 = 0x30;
    /// SET
    pub const SET: u8 = 0x31;
    /// UTCTime
    pub const UTC_TIME: u8 = 0x17;
    /// GeneralizedTime
    pub const GENERALIZED_TIME: u8 = 0x18;
    /// `[0]` constructed, context-specific (a certificate's version)
    pub const CONTEXT_0: u8 = 0xa0;
}

/// One encoded item: `tag`, its length, `content`.
#[must_use]
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let significant: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
        out.push(0x80 | significant.len() as u8);
        out.extend(significant);
    }
    out.extend_from_slice(content);
    out
}

/// A SEQUENCE of already encoded items.
#[must_use]
pub fn sequence(items: &[&[u8]]) -> Vec<u8> {
    tlv(tag::SEQUENCE, &items.concat())
}

/// A non-negative INTEGER from big-endian magnitude bytes.
#[must_use]
pub fn unsigned_integer(magnitude: &[u8]) -> Vec<u8> {
    let trimmed: Vec<u8> = magnitude.iter().copied().skip_while(|b| *b == 0).collect();
    let mut content = if trimmed.first().is_some_and(|b| b & 0x80 != 0) { vec![0] } else { Vec::new() };
    content.extend(if trimmed.is_empty() { vec![0] } else { trimmed });
    tlv(tag::INTEGER, &content)
}

/// A BIT STRING with no unused bits.
#[must_use]
pub fn bit_string(bytes: &[u8]) -> Vec<u8> {
    tlv(0x03, &[&[0][..], bytes].concat())
}

/// An OCTET STRING.
#[must_use]
pub fn octet_string(bytes: &[u8]) -> Vec<u8> {
    tlv(0x04, bytes)
}

/// SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) from an encoded AlgorithmIdentifier.
#[must_use]
pub fn spki(algorithm: &[u8], public_key: &[u8]) -> Vec<u8> {
    sequence(&[algorithm, &bit_string(public_key)])
}

/// PKCS#8 PrivateKeyInfo v1 (RFC 5208) from an encoded AlgorithmIdentifier.
#[must_use]
pub fn pkcs8(algorithm: &[u8], private_key: &[u8]) -> Vec<u8> {
    sequence(&[&unsigned_integer(&[]), algorithm, &octet_string(private_key)])
}

/// Reads items one after another from a byte string.
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader over `bytes`.
    #[must_use]
    pub const fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    /// Whether every byte has been read.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// The next item; `None` at the end or on malformed input (low tags and definite lengths only).
    pub fn next_item(&mut self) -> Option<Item<'a>> {
        let (&tag, after_tag) = self.rest.split_first()?;
        if tag & 0x1f == 0x1f {
            return None;
        }
        let (&first, mut after_len) = after_tag.split_first()?;
        let len = match first {
            0..=0x7f => usize::from(first),
            0x81..=0x84 => {
                let count = usize::from(first & 0x7f);
                let bytes = after_len.get(..count)?;
                after_len = after_len.get(count..)?;
                bytes.iter().fold(0_usize, |acc, b| acc << 8 | usize::from(*b))
            }
            _ => return None,
        };
        let value = after_len.get(..len)?;
        let consumed = self.rest.len() - after_len.len() + len;
        let whole = self.rest.get(..consumed)?;
        self.rest = self.rest.get(consumed..)?;
        Some(Item { tag, value, whole })
    }

    /// The next item, which must carry `tag`.
    pub fn expect(&mut self, tag: u8) -> Option<Item<'a>> {
        self.next_item().filter(|item| item.tag == tag)
    }
}

/// An OBJECT IDENTIFIER's content octets in dotted form.
#[must_use]
pub fn oid_to_string(value: &[u8]) -> String {
    let mut arcs: Vec<u64> = Vec::new();
    let mut current = 0_u64;
    for byte in value {
        current = current.saturating_mul(128) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            arcs.push(current);
            current = 0;
        }
    }
    let mut out = match arcs.first() {
        Some(&first) => {
            let (a, b) = if first < 80 { (first / 40, first % 40) } else { (2, first - 80) };
            format!("{a}.{b}")
        }
        None => return String::new(),
    };
    for arc in arcs.iter().skip(1) {
        out.push('.');
        out.push_str(&arc.to_string());
    }
    out
}

/// A UTCTime or GeneralizedTime ("YYMMDDHHMMSSZ" / "YYYYMMDDHHMMSSZ") as Unix seconds.
#[must_use]
pub fn time_to_unix(item: &Item<'_>) -> Option<i64> {
    let text = core::str::from_utf8(item.value).ok()?.strip_suffix('Z')?;
    let (year, rest) = match item.tag {
        tag::UTC_TIME => {
            let yy: i64 = text.get(..2)?.parse().ok()?;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, text.get(2..)?)
        }
        tag::GENERALIZED_TIME => (text.get(..4)?.parse().ok()?, text.get(4..)?),
        _ => return None,
    };
    let field = |i: usize| -> Option<i64> { rest.get(i..i + 2)?.parse().ok() };
    let (month, day, hour, minute, second) = (field(0)?, field(2)?, field(4)?, field(6)?, field(8)?);
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_items_and_times() {
        let bytes =
            [0x30, 0x03, 0x02, 0x01, 0x05, 0x17, 0x0d, b'7', b'0', b'0', b'1', b'0', b'2', b'0', b'0', b'0', b'0', b'0', b'0', b'Z'];
        let mut reader = Reader::new(&bytes);
        let seq = reader.expect(tag::SEQUENCE).map(|i| i.value);
        assert_eq!(seq, Some(&[0x02, 0x01, 0x05][..]));
        let time = reader.next_item();
        assert_eq!(time.as_ref().and_then(time_to_unix), Some(86_400));
        assert!(reader.is_empty() && reader.next_item().is_none());
        assert!(Reader::new(&[0x30, 0x05, 0x00]).next_item().is_none(), "a length past the end");
    }

    #[test]
    fn writes_what_it_reads() {
        let long = vec![7_u8; 300];
        let encoded = sequence(&[&unsigned_integer(&[0, 0, 0x80]), &octet_string(&long)]);
        let mut outer = Reader::new(&encoded);
        let seq = outer.expect(tag::SEQUENCE).map(|i| i.value).unwrap_or_default();
        let mut inner = Reader::new(seq);
        assert_eq!(inner.expect(tag::INTEGER).map(|i| i.value), Some(&[0, 0x80][..]), "positive, minimal");
        assert_eq!(inner.expect(0x04).map(|i| i.value.len()), Some(300), "long form length");
        assert_eq!(unsigned_integer(&[]), vec![2, 1, 0]);
    }

    #[test]
    fn names_oids_and_dates() {
        assert_eq!(oid_to_string(&[0x55, 0x04, 0x03]), "2.5.4.3");
        assert_eq!(oid_to_string(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01]), "1.2.840.113549.1.9.1");
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        let item = Item { tag: tag::GENERALIZED_TIME, value: b"20361125145527Z", whole: &[] };
        assert_eq!(time_to_unix(&item), Some(2_111_237_727));
    }
}
