//! Text patterns the lint looks for: a `kid` that looks like an injection attempt, and
//! personal data (e-mail addresses, phone numbers) in the claims.

use crate::error::{Code, Diagnostic};
use crate::json::Json;

/// At most this many personal-data findings: one per claim is plenty for a person to act on.
const MAX_PERSONAL_FINDINGS: usize = 8;

/// A `kid` is an opaque identifier; servers that build a file path, an SQL query, a URL or a
/// shell command from it are exploitable (the classic `kid` injection attacks).
pub fn suspicious_kid(kid: &str) -> Option<Diagnostic> {
    let lower = kid.to_ascii_lowercase();
    let looks_like = if kid.contains("../") || kid.contains("..\\") || lower.contains("%2e%2e") || kid.starts_with('/') {
        "a file path (path traversal)"
    } else if kid.contains('\'') || kid.contains("--") || kid.contains("/*") || lower.contains(" union ") || lower.contains(" or ") {
        "SQL"
    } else if lower.contains("://") {
        "a URL"
    } else if kid.contains(['|', ';', '`', '&', '>', '<']) || kid.contains("$(") {
        "a shell command"
    } else if kid.chars().any(char::is_control) {
        "binary data (it contains control characters)"
    } else {
        return None;
    };
    Some(
        Diagnostic::warning(Code::SuspiciousKid, format!("The header's \"kid\" {kid:?} looks like {looks_like}."))
            .with_hint("A kid is an opaque name to look up in a key set; a server that uses it as a path, query, URL or command can be attacked through it."),
    )
}

/// An info finding for each claim whose string value is an e-mail address or a phone number.
pub fn personal_data(claims: &Json) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    walk(claims, "", &mut found);
    found
}

fn walk(value: &Json, path: &str, found: &mut Vec<Diagnostic>) {
    if found.len() >= MAX_PERSONAL_FINDINGS {
        return;
    }
    match value {
        Json::String(text) => {
            let what = if is_email(text) {
                "an e-mail address"
            } else if is_phone(text, path) {
                "a phone number"
            } else {
                return;
            };
            found.push(
                Diagnostic::info(Code::PersonalData, format!("The claim \"{path}\" holds {what}."))
                    .with_hint("JWT payloads are only base64url-encoded, not encrypted: anyone holding the token can read them."),
            );
        }
        Json::Object(members) => {
            for (name, member) in members {
                let child = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
                walk(member, &child, found);
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{path}[{i}]"), found);
            }
        }
        Json::Null | Json::Bool(_) | Json::Number(_) => {}
    }
}

/// `local@domain.tld`, somewhere in the text (so `"Ann <ann@example.com>"` counts too).
fn is_email(text: &str) -> bool {
    let local_char = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    text.match_indices('@').any(|(at, _)| {
        let before = text.get(..at).unwrap_or_default();
        let after = text.get(at + 1..).unwrap_or_default();
        let local = before.chars().rev().take_while(|c| local_char(*c)).count();
        let domain: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-').collect();
        let tld_ok = domain
            .rsplit_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
        local > 0 && tld_ok
    })
}

/// The whole text is a phone number: 7–15 digits (E.164) with the usual separators, and either
/// a leading `+`, separators, or a claim name that says so (a bare digit string is usually an id).
fn is_phone(text: &str, path: &str) -> bool {
    let trimmed = text.trim();
    let digits = trimmed.chars().filter(char::is_ascii_digit).count();
    let only_phone_chars = trimmed.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let plus_ok = trimmed.rfind('+').is_none_or(|i| i == 0);
    let name = path.to_ascii_lowercase();
    let named = ["phone", "mobile", "tel", "fax"].iter().any(|n| name.contains(n));
    let shaped = trimmed.starts_with('+') || trimmed.contains([' ', '-', '(']);
    only_phone_chars && !is_iso_date(trimmed) && plus_ok && (7..=15).contains(&digits) && (shaped || named)
}

/// `YYYY-MM-DD`: digits and dashes, but a date, not a phone number.
fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
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
}
