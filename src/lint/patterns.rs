//! Text patterns the lint looks for: a `kid` that looks like an injection attempt, and
//! personal data (e-mail addresses, phone numbers) in the claims.

use crate::error::{Code, Diagnostic};

/// Whether `needle` occurs in `hay`, ignoring ASCII case. Byte windows, not `str::contains`:
/// the string searcher it brings costs the browser engine ~2 KB of wasm.
#[inline(never)]
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    needle.is_empty() || hay.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// A `kid` is an opaque identifier; servers that build a file path, an SQL query, a URL or a
/// shell command from it are exploitable (the classic `kid` injection attacks).
pub fn suspicious_kid(kid: &str) -> Option<Diagnostic> {
    let bytes = kid.as_bytes();
    let looks_like = if has(kid, "../") || has(kid, "..\\") || has(kid, "%2e%2e") || bytes.first() == Some(&b'/') {
        "a file path (path traversal)"
    } else if bytes.contains(&b'\'') || has(kid, "--") || has(kid, "/*") || has(kid, " union ") || has(kid, " or ") {
        "SQL"
    } else if has(kid, "://") {
        "a URL"
    } else if bytes.iter().any(|b| b"|;`&<>".contains(b)) || has(kid, "$(") {
        "a shell command"
    } else if bytes.iter().any(u8::is_ascii_control) {
        "binary data (it contains control characters)"
    } else {
        return None;
    };
    Some(Diagnostic::warning(Code::SuspiciousKid, format!("The header's \"kid\" {kid:?} looks like {looks_like}.")).with_hint(
        "A kid only names a key in a key set; a server that uses it as a path, query, URL or command can be attacked through it.",
    ))
}

/// The info finding for the claim at `path` when its string value is an e-mail address or a
/// phone number.
pub fn personal_data(path: &str, text: &str) -> Option<Diagnostic> {
    let what = if is_email(text) {
        "an e-mail address"
    } else if is_phone(text, path) {
        "a phone number"
    } else {
        return None;
    };
    Some(
        Diagnostic::info(Code::PersonalData, format!("The claim \"{path}\" holds {what}."))
            .with_hint("JWT payloads are only base64url-encoded, not encrypted: anyone holding the token can read them."),
    )
}

/// `local@domain.tld`, somewhere in the text (so `"Ann <ann@example.com>"` counts too), for
/// texts up to MAX_SEARCHED_BYTES.
fn is_email(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() > MAX_SEARCHED_BYTES {
        return false;
    }
    let local_byte = |b: &&u8| b.is_ascii_alphanumeric() || b"._%+-".contains(b);
    let domain_byte = |b: &&u8| b.is_ascii_alphanumeric() || **b == b'.' || **b == b'-';
    bytes.iter().enumerate().filter(|(_, b)| **b == b'@').any(|(at, _)| {
        let local = bytes.get(..at).unwrap_or_default().iter().rev().take_while(local_byte).count();
        let after = bytes.get(at + 1..).unwrap_or_default();
        let domain = after.get(..after.iter().take_while(domain_byte).count()).unwrap_or_default();
        let dot = domain.iter().rposition(|b| *b == b'.');
        let tld = dot.and_then(|d| domain.get(d + 1..)).unwrap_or_default();
        local > 0 && dot.is_some_and(|d| d > 0) && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)
    })
}

/// Longer claim values are blobs (images, documents, padding), not searched for an e-mail
/// address: a megabyte-long one would cost a scan per decode on every keystroke.
const MAX_SEARCHED_BYTES: usize = 4096;

/// Longer texts are not one phone number (E.164 has at most 15 digits; separators add some).
const MAX_PHONE_BYTES: usize = 40;

/// The whole text is a phone number: 7–15 digits (E.164) with the usual separators, and either
/// a leading `+`, separators, or a claim name that says so (a bare digit string is usually an id).
fn is_phone(text: &str, path: &str) -> bool {
    let bytes = text.as_bytes().trim_ascii();
    // Before the checks below, which would each scan all of a megabyte-long claim.
    if bytes.len() > MAX_PHONE_BYTES {
        return false;
    }
    let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
    let only_phone_bytes = bytes.iter().all(|b| b.is_ascii_digit() || b" +-().".contains(b));
    let plus_ok = !bytes.iter().skip(1).any(|b| *b == b'+');
    let named = ["phone", "mobile", "tel", "fax"].iter().any(|n| has(path, n));
    let shaped = bytes.first() == Some(&b'+') || bytes.iter().any(|b| b" -(".contains(b));
    only_phone_bytes && plus_ok && !is_iso_date(bytes) && (7..=15).contains(&digits) && (shaped || named)
}

/// `YYYY-MM-DD`: digits and dashes, but a date, not a phone number.
fn is_iso_date(b: &[u8]) -> bool {
    b.len() == 10 && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_kids() {
        for (kid, expected) in [
            ("../../dev/null", Some("path")),
            ("/etc/passwd", Some("path")),
            ("x' UNION SELECT 'key", Some("SQL")),
            ("https://evil.example/key", Some("URL")),
            ("key|cat /etc/shadow", Some("shell")),
            ("2024-05-key-1", None),
            ("a1b2c3", None),
        ] {
            let found = suspicious_kid(kid).map(|d| d.message);
            assert_eq!(found.is_some(), expected.is_some(), "{kid}");
            if let (Some(message), Some(word)) = (found, expected) {
                assert!(message.contains(word), "{kid}: {message}");
            }
        }
    }

    #[test]
    fn finds_emails_and_phones() {
        assert!(is_email("ann@example.com") && is_email("Ann <ann.b+x@mail.example.org>"));
        assert!(!is_email("@example.com") && !is_email("user@localhost") && !is_email("a@b.1"));
        assert!(is_phone("+44 20 7946 0958", "x") && is_phone("(555) 010-9999", "x") && is_phone("5550109999", "phone_number"));
        assert!(!is_phone("5550109999", "sub") && !is_phone("+1", "phone") && !is_phone("12-34", "x"));
        assert!(!is_phone("2024-05-10", "birthdate"));
    }

    #[test]
    fn long_texts_are_not_searched() {
        let padded = |n: usize| format!("{} ann@example.com", "x".repeat(n));
        assert!(is_email(&padded(MAX_SEARCHED_BYTES - 16)));
        assert!(!is_email(&padded(MAX_SEARCHED_BYTES)));
        assert!(is_phone(&format!("+44 20 7946 0958{}", " ".repeat(MAX_PHONE_BYTES)), "x"), "surrounding spaces are trimmed first");
        let stretched = format!("+44{}2079460958", " -".repeat(MAX_PHONE_BYTES / 2));
        assert!(is_phone(&format!("+44{}2079460958", " -".repeat(4)), "phone") && !is_phone(&stretched, "phone"));
    }
}
