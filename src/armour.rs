//! PEM armour (RFC 7468): a key pasted without its `-----BEGIN …-----` or `-----END …-----`
//! line, the most common way a key is damaged in transit (issue 4, `pem_armour_missing`).

use crate::error::{Code, Diagnostic};
use crate::lint::has;

const HINT: &str = "Paste the whole PEM block: the -----BEGIN …----- line, the base64 lines, and the -----END …----- line.";

/// A PEM block with one of its two armour lines missing.
#[must_use]
pub fn half_armoured(text: &str) -> Option<Diagnostic> {
    let (begins, ends) = (text.as_bytes().starts_with(b"-----BEGIN"), has(text, "-----END"));
    let missing = match (begins, ends) {
        (true, false) => "its -----END …----- line",
        (false, true) if !has(text, "-----BEGIN") => "its -----BEGIN …----- line",
        _ => return None,
    };
    Some(Diagnostic::error(Code::PemArmourMissing, format!("The PEM key lost {missing}.")).with_hint(HINT))
}

/// Whether `text` is laid out like a PEM body: base64 wrapped at 64 characters, at least two lines.
#[must_use]
pub fn looks_like_pem_body(text: &str) -> bool {
    let (mut count, mut first) = (0, 0);
    for line in text.as_bytes().split(|b| *b == b'\n').map(<[u8]>::trim_ascii).filter(|l| !l.is_empty()) {
        if !line.iter().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b)) {
            return false;
        }
        if count == 0 {
            first = line.len();
        }
        count += 1;
    }
    count >= 2 && first == 64
}

/// Whether decoded bytes start like a DER key of more than 127 bytes (`SEQUENCE` with a long
/// length): with a PEM body's layout, a key, never a secret, even when its DER does not read
/// (a line went missing). Random secrets start so about once in 20 000.
#[must_use]
pub fn starts_like_der_key(bytes: &[u8]) -> bool {
    matches!(bytes, [0x30, 0x81..=0x83, ..])
}

/// The note for a key that was read from a bare PEM body, as base64 DER.
#[must_use]
pub fn read_without_armour() -> Diagnostic {
    Diagnostic::info(
        Code::PemArmourMissing,
        "This looks like the body of a PEM key without its BEGIN/END lines; it was read as base64 DER.",
    )
    .with_hint(HINT)
}

/// The error for a bare PEM body whose DER does not read.
#[must_use]
pub fn unreadable_body() -> Diagnostic {
    Diagnostic::error(
        Code::PemArmourMissing,
        "This looks like the body of a PEM key without its BEGIN/END lines, and its DER is incomplete, so it was not used (not even as a secret).",
    )
    .with_hint(HINT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_either_missing_line() {
        assert!(half_armoured("-----BEGIN PUBLIC KEY-----\nMFkw").is_some_and(|d| d.message.contains("END")));
        assert!(half_armoured("MFkw\n-----END PUBLIC KEY-----").is_some_and(|d| d.message.contains("BEGIN")));
        assert!(half_armoured("-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----").is_none());
        assert!(half_armoured("a secret").is_none());
        let body = format!("{}\n{}", "M".repeat(64), "AAAA");
        assert!(
            looks_like_pem_body(&body) && !looks_like_pem_body("MIIB") && !looks_like_pem_body(&format!("{}\n{}", "M".repeat(63), "A"))
        );
        assert!(starts_like_der_key(&[0x30, 0x82, 1, 2]) && !starts_like_der_key(&[0x31, 0x82]) && !starts_like_der_key(&[0x30, 0x59]));
    }
}
