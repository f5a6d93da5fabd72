//! Canonical, unpadded base64url (RFC 7515 §2): the only encoding a compact JWS may use.
//!
//! Decoding is strict: padding, the standard alphabet, whitespace, impossible lengths and
//! non-zero trailing bits are all rejected, each with its own explanation, because a lenient
//! decoder lets two different strings carry one signature.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;

/// Why a string is not canonical base64url.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct B64Error {
    /// Byte offset of the first offending character within the decoded string.
    pub offset: usize,
    /// What is wrong, for a person.
    pub reason: String,
    /// What the user probably meant.
    pub hint: Option<&'static str>,
}

/// Encodes bytes as unpadded base64url.
#[must_use]
pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Encodes bytes as padded standard base64 (for PEM bodies and secrets shown to people).
#[must_use]
pub fn encode_standard(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// The decoded length of a canonical base64url string of `encoded_len` characters.
#[must_use]
pub const fn decoded_len(encoded_len: usize) -> usize {
    encoded_len / 4 * 3 + (encoded_len % 4).saturating_sub(1)
}

/// Decodes canonical unpadded base64url.
pub fn decode(text: &str) -> Result<Vec<u8>, B64Error> {
    // The engine checks everything the explanation below names; only a failure pays for
    // finding out which check it was (a second pass over a megabyte-long segment otherwise).
    URL_SAFE_NO_PAD.decode(text).map_err(|_| explain_failure(text))
}

/// Why `text` is not canonical unpadded base64url, checked in the order a person fixes it.
fn explain_failure(text: &str) -> B64Error {
    if let Some((offset, byte)) = text.bytes().enumerate().find(|(_, b)| !is_url_safe(*b)) {
        return explain_bad_byte(text, offset, byte);
    }
    if text.len() % 4 == 1 {
        return B64Error {
            offset: text.len().saturating_sub(1),
            reason: format!("has {} characters, a length no base64 text can have (one too many or too few)", text.len()),
            hint: Some("Part of the token may have been cut off or pasted twice."),
        };
    }
    B64Error {
        offset: text.len().saturating_sub(1),
        reason: "ends in a character whose unused bits are not zero (not the canonical encoding)".into(),
        hint: Some("Another encoder produced this segment, or a character at its end was altered."),
    }
}

const fn is_url_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

fn explain_bad_byte(text: &str, offset: usize, byte: u8) -> B64Error {
    let (reason, hint) = match byte {
        b'=' => (
            "contains '=' padding, which base64url in JOSE omits".to_string(),
            Some("Remove the trailing '=' characters: JOSE uses unpadded base64url (RFC 7515 §2)."),
        ),
        b'+' | b'/' => (
            format!("contains '{}', a character of standard base64, not base64url", char::from(byte)),
            Some("The segment was encoded with standard base64; JOSE uses '-' and '_' instead of '+' and '/'."),
        ),
        b' ' | b'\t' | b'\r' | b'\n' => (
            "contains whitespace or a line break".to_string(),
            Some("Remove spaces and line breaks inside the token; they are often added by e-mail or terminals."),
        ),
        b'"' | b'\'' => ("contains a quote character".to_string(), Some("The token was probably copied with its surrounding quotes.")),
        _ => {
            let shown = text.get(offset..).and_then(|rest| rest.chars().next()).unwrap_or('\u{fffd}');
            (format!("contains {shown:?}, which is not a base64url character"), None)
        }
    };
    B64Error { offset, reason, hint }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for n in 0..bytes.len() {
            let slice = bytes.get(..n).unwrap_or_default();
            let text = encode(slice);
            assert_eq!(decoded_len(text.len()), n);
            assert_eq!(decode(&text).as_deref(), Ok(slice));
        }
    }

    #[test]
    fn rejects_non_canonical_forms() {
        for (input, needle) in [
            ("YQ==", "padding"),
            ("a+b/", "standard base64"),
            ("YW Jj", "whitespace"),
            ("YR", "unused bits"),
            ("YWJjZ", "length"),
            ("\"YQ\"", "quote"),
            ("Y€", "not a base64url character"),
        ] {
            let err = decode(input).err().map(|e| e.reason).unwrap_or_default();
            assert!(err.contains(needle), "{input}: {err}");
        }
    }
}
