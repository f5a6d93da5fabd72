//! Finding the token in what the user pasted: surrounding whitespace, a `Bearer` scheme or a
//! whole `Authorization:` header line are accepted, and reported. The quotes and punctuation a
//! token picks up when copied out of JSON, code or a sentence are looked through, so the parts
//! still decode, but reported as an error: no server would accept the token as pasted. Whitespace
//! inside the token is not repaired (offsets would no longer match the input) but explained.

use crate::error::{Code, Diagnostic};

/// Where the token sits in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<'a> {
    /// The token text itself.
    pub token: &'a str,
    /// Byte offset of `token` within the input.
    pub offset: usize,
    /// What was stripped or looks wrong, in the order found.
    pub note: Vec<Diagnostic>,
}

/// Characters a copied token is often wrapped in (string literals, JSON, prose).
const LEADING_JUNK: &[u8] = b"\"'`(<[";
const TRAILING_JUNK: &[u8] = b"\"'`,;)>]";

/// Strips what surrounds a token in common copy-paste sources.
#[must_use]
pub fn locate_token(input: &str) -> Located<'_> {
    let mut rest = input.trim();
    let mut stripped = Vec::new();
    if let Some(after) = strip_prefix_ignore_case(rest, "authorization:") {
        rest = after.trim_start();
        stripped.push("an `Authorization:` header name");
    }
    if let Some(after) = strip_prefix_ignore_case(rest, "bearer") {
        if after.starts_with(char::is_whitespace) {
            rest = after.trim_start();
            stripped.push("the `Bearer` scheme");
        }
    }
    let mut note = Vec::new();
    if !stripped.is_empty() {
        note.push(Diagnostic::info(Code::BearerPrefix, format!("Read the token after {}.", stripped.join(" and "))));
    } else if rest.len() != input.len() {
        note.push(Diagnostic::info(Code::BearerPrefix, "Ignored whitespace around the token."));
    }
    let bytes = rest.as_bytes();
    let lead = bytes.iter().take_while(|b| LEADING_JUNK.contains(b)).count();
    let trail = bytes.iter().rev().take_while(|b| TRAILING_JUNK.contains(b)).count();
    // A JSON object is the JWS JSON serialization, not a quoted compact token.
    let unwrapped =
        rest.get(lead..bytes.len().saturating_sub(trail)).map(str::trim).filter(|u| !u.is_empty() && bytes.first() != Some(&b'{'));
    if let Some(unwrapped) = unwrapped.filter(|_| lead + trail > 0) {
        let before = rest.get(..lead).unwrap_or_default();
        let after = rest.get(bytes.len() - trail..).unwrap_or_default();
        note.push(
            Diagnostic::error(
                Code::TrailingCharacters,
                format!("The token has {} around it; it was decoded without them.", describe(before, after)),
            )
            .with_hint("The token was copied with the quotes or punctuation around it: remove them (verify refuses the token as given)."),
        );
        rest = unwrapped;
    }
    note.extend(inner_whitespace(rest));
    // `rest` is a subslice of `input`, so the address difference is its byte offset.
    let offset = rest.as_ptr() as usize - input.as_ptr() as usize;
    Located { token: rest, offset, note }
}

fn describe(before: &str, after: &str) -> String {
    match (before.is_empty(), after.is_empty()) {
        (false, false) => format!("`{before}` before and `{after}` after"),
        (false, true) => format!("`{before}` before"),
        _ => format!("`{after}` after"),
    }
}

/// Whitespace inside the token: either text after a complete token, or a token wrapped over
/// lines (by e-mail clients, terminals, or editors).
pub(crate) fn inner_whitespace(token: &str) -> Option<Diagnostic> {
    let at = token.bytes().position(|b| b.is_ascii_whitespace())?;
    let head = token.get(..at).unwrap_or_default();
    let character = head.chars().count() + 1;
    // A complete token before the whitespace (its last segment begun): what follows is extra.
    let dots = head.bytes().filter(|b| *b == b'.').count();
    let complete = matches!(dots, 2 | 4) && head.as_bytes().last() != Some(&b'.');
    Some(if complete {
        Diagnostic::error(Code::TrailingCharacters, format!("Something follows the token after whitespace (at character {character})."))
            .with_hint("Copy only the token: it ends where the whitespace starts.")
    } else {
        Diagnostic::error(Code::TrailingCharacters, format!("The token contains a space or line break (at character {character})."))
            .with_hint("It was probably wrapped by an e-mail client, terminal or editor: remove every space and line break inside it.")
    })
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| text.get(prefix.len()..)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_and_reports() {
        let cases = [
            ("a.b.c", "a.b.c", 0, 0),
            ("  a.b.c\n", "a.b.c", 2, 1),
            ("Bearer a.b.c", "a.b.c", 7, 1),
            ("authorization: bearer   a.b.c ", "a.b.c", 24, 1),
            ("Bearerish.b.c", "Bearerish.b.c", 0, 0),
            ("\"a.b.c\"", "a.b.c", 1, 1),
            ("Bearer 'a.b.c',", "a.b.c", 8, 2),
            ("a.b\n.c", "a.b\n.c", 0, 1),
        ];
        for (input, token, offset, notes) in cases {
            let found = locate_token(input);
            assert_eq!((found.token, found.offset, found.note.len()), (token, offset, notes), "{input:?}");
            assert_eq!(input.get(offset..offset + token.len()), Some(token));
        }
    }

    #[test]
    fn explains_whitespace_inside() {
        let wrapped = locate_token("aaa.bb\nb.ccc");
        assert!(wrapped.note.iter().any(|d| d.code == Code::TrailingCharacters && d.message.contains("character 7")));
        let followed = locate_token("aaa.bbb.ccc and more");
        assert!(followed.note.iter().any(|d| d.message.contains("follows the token")));
        let spaced = locate_token("aaa.bbb.   ccc");
        assert!(spaced.note.iter().any(|d| d.message.contains("contains a space or line break (at character 9)")));
        let quoted = locate_token("\"aaa.bbb.ccc\"");
        assert!(quoted.note.iter().any(|d| d.code == Code::TrailingCharacters && d.message.contains("`\"` before and `\"` after")));
    }
}
