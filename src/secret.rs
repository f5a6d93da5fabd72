//! Secrets given as text: how the caller says the text becomes key bytes.

use crate::error::{Code, Diagnostic};
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;

/// How a text secret becomes bytes. Default: UTF-8.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SecretEncoding {
    /// The text's UTF-8 bytes (jwt.io's default).
    #[default]
    Utf8,
    /// Standard base64, padding optional.
    Base64,
    /// base64url, padding optional.
    Base64Url,
    /// Hexadecimal, either case.
    Hex,
}

impl SecretEncoding {
    /// Parses the option value (`"utf8"`, `"base64"`, `"base64url"`, `"hex"`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "utf8" | "utf-8" => Some(Self::Utf8),
            "base64" => Some(Self::Base64),
            "base64url" => Some(Self::Base64Url),
            "hex" => Some(Self::Hex),
            _ => None,
        }
    }

    /// The option value.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf8",
            Self::Base64 => "base64",
            Self::Base64Url => "base64url",
            Self::Hex => "hex",
        }
    }
}

/// Secrets are typed by hand: accept padded or unpadded, ignore trailing-bit noise.
const LENIENT: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent).with_decode_allow_trailing_bits(true);
const STANDARD_LENIENT: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, LENIENT);
const URL_LENIENT: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, LENIENT);

/// The key bytes of `text` in `encoding`. Whitespace inside base64 or hex is ignored, so a
/// secret wrapped over lines (as `openssl rand -base64 64` prints it) reads as one.
pub fn decode_secret(text: &str, encoding: SecretEncoding) -> Result<Vec<u8>, Diagnostic> {
    let compact = || text.chars().filter(|c| !c.is_ascii_whitespace()).collect::<String>();
    let bytes = match encoding {
        SecretEncoding::Utf8 => Ok(text.as_bytes().to_vec()),
        SecretEncoding::Base64 => STANDARD_LENIENT.decode(compact()).map_err(|_| "is not valid base64"),
        SecretEncoding::Base64Url => URL_LENIENT.decode(compact()).map_err(|_| "is not valid base64url"),
        SecretEncoding::Hex => decode_hex(&compact()).ok_or("is not valid hex"),
    };
    let bytes = bytes.map_err(|why| {
        Diagnostic::error(Code::InvalidKey, format!("The secret {why}."))
            .with_hint("Check the secret encoding picker: the text may be plain UTF-8.")
    })?;
    if bytes.is_empty() {
        return Err(Diagnostic::error(Code::InvalidKey, "The secret is empty."));
    }
    Ok(bytes)
}

/// The other readings of `text`: each encoding besides `used` under which it decodes to
/// different, non-empty bytes (to explain a signature that fails only because of the encoding).
#[must_use]
pub fn other_readings(text: &str, used: SecretEncoding) -> Vec<(SecretEncoding, Vec<u8>)> {
    let Ok(used_bytes) = decode_secret(text, used) else { return Vec::new() };
    let mut readings: Vec<(SecretEncoding, Vec<u8>)> = Vec::new();
    for encoding in [SecretEncoding::Utf8, SecretEncoding::Base64Url, SecretEncoding::Base64, SecretEncoding::Hex] {
        if encoding == used {
            continue;
        }
        if let Ok(bytes) = decode_secret(text, encoding) {
            if bytes != used_bytes && readings.iter().all(|(_, b)| *b != bytes) {
                readings.push((encoding, bytes));
            }
        }
    }
    readings
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.strip_prefix("0x").unwrap_or(text);
    if text.len() % 2 != 0 {
        return None;
    }
    text.as_bytes().chunks(2).map(|pair| core::str::from_utf8(pair).ok().and_then(|p| u8::from_str_radix(p, 16).ok())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        assert_eq!(decode_secret("abc", SecretEncoding::Utf8), Ok(b"abc".to_vec()));
        assert_eq!(decode_secret("YWJj", SecretEncoding::Base64), Ok(b"abc".to_vec()));
        assert_eq!(decode_secret("YQ==", SecretEncoding::Base64), Ok(b"a".to_vec()));
        assert_eq!(decode_secret("-_8", SecretEncoding::Base64Url), Ok(vec![0xfb, 0xff]));
        assert_eq!(decode_secret("0xFFa0", SecretEncoding::Hex), Ok(vec![0xff, 0xa0]));
        assert_eq!(decode_secret("YW\nJj\r\n", SecretEncoding::Base64), Ok(b"abc".to_vec()));
    }

    #[test]
    fn lists_other_readings() {
        let readings = other_readings("deadbeef", SecretEncoding::Utf8);
        let names: Vec<&str> = readings.iter().map(|(e, _)| e.name()).collect();
        assert_eq!(names, ["base64url", "hex"]);
        assert!(other_readings("not base64!", SecretEncoding::Utf8).is_empty());
    }

    #[test]
    fn refuses_bad_or_empty_secrets() {
        for (text, enc) in
            [("", SecretEncoding::Utf8), ("a", SecretEncoding::Hex), ("%%", SecretEncoding::Base64), ("", SecretEncoding::Hex)]
        {
            assert!(decode_secret(text, enc).is_err_and(|d| d.code == Code::InvalidKey), "{text:?}");
        }
    }
}
