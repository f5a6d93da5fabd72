//! `big_number`: integers beyond 2^53 lose digits in JavaScript (`JSON.parse` reads every
//! number as an IEEE double), so a debugger built on it shows a different value than the token
//! carries. jwt-lens keeps every number's exact text; the finding shows it.

use crate::error::{Code, Diagnostic};

/// 2^53, the first integer after which not every integer is a double.
const TWO_POW_53: &str = "9007199254740992";

/// The finding for one number at `path` in the `part` ("header" or "payload"), when it is an
/// integer beyond 2^53.
pub fn big_number(part: &str, path: &str, text: &str) -> Option<Diagnostic> {
    if !beyond_2_53(text) {
        return None;
    }
    let place = if path.is_empty() { format!("The {part}") } else { format!("The {part}'s \"{path}\"") };
    Some(
        Diagnostic::warning(Code::BigNumber, format!("{place} is the integer {text}, beyond 2^53: JavaScript numbers round it."))
            .with_hint("jwt-lens shows the exact digits; send such ids as strings, or parse them with a big-integer-aware reader."),
    )
}

/// Whether the JSON number text is an integer (no fraction, no exponent) with |n| > 2^53.
/// Compared as digit strings: JSON integers have no leading zeros, so length orders them.
fn beyond_2_53(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    digits.len() > TWO_POW_53.len() || (digits.len() == TWO_POW_53.len() && digits > TWO_POW_53)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_integers_beyond_2_53_only() {
        for (text, big) in [
            ("9007199254740992", false),
            ("9007199254740993", true),
            ("-9007199254740993", true),
            ("12345678901234567890", true),
            ("1e300", false),
            ("9007199254740993.5", false),
            ("42", false),
        ] {
            assert_eq!(beyond_2_53(text), big, "{text}");
        }
        let found = big_number("payload", "ids[0]", "12345678901234567890");
        assert!(found.is_some_and(|d| d.message.contains("\"ids[0]\" is the integer 12345678901234567890")));
    }
}
