//! Finding the token in what the user pasted: surrounding whitespace, a `Bearer` scheme or a
//! whole `Authorization:` header line are accepted, and reported.

use crate::error::{Code, Diagnostic};

/// Where the token sits in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<'a> {
    /// The token text itself.
    pub token: &'a str,
    /// Byte offset of `token` within the input.
    pub offset: usize,
    /// What was stripped, when anything was.
    pub note: Option<Diagnostic>,
}

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
    // `rest` is a subslice of `input`, so the address difference is its byte offset.
    let offset = rest.as_ptr() as usize - input.as_ptr() as usize;
    let note = if !stripped.is_empty() {
        Some(Diagnostic::info(Code::BearerPrefix, format!("Read the token after {}.", stripped.join(" and "))))
    } else if rest.len() != input.len() {
        Some(Diagnostic::info(Code::BearerPrefix, "Ignored whitespace around the token."))
    } else {
        None
    };
    Located { token: rest, offset, note }
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
            ("a.b.c", "a.b.c", 0, false),
            ("  a.b.c\n", "a.b.c", 2, true),
            ("Bearer a.b.c", "a.b.c", 7, true),
            ("authorization: bearer   a.b.c ", "a.b.c", 24, true),
            ("Bearerish.b.c", "Bearerish.b.c", 0, false),
        ];
        for (input, token, offset, noted) in cases {
            let found = locate_token(input);
            assert_eq!((found.token, found.offset, found.note.is_some()), (token, offset, noted), "{input:?}");
            assert_eq!(input.get(offset..offset + token.len()), Some(token));
        }
    }
}
