//! `big_number`: integers beyond 2^53 lose digits in JavaScript (`JSON.parse` reads every
//! number as an IEEE double), so a debugger built on it shows a different value than the token
//! carries. jwt-lens keeps every number's exact text; the finding shows it.

use crate::error::{Code, Diagnostic};
use crate::json::Json;

/// 2^53, the first integer after which not every integer is a double.
const TWO_POW_53: &str = "9007199254740992";
/// One finding per number is enough; a payload of thousands of ids need not list them all.
const MAX_FINDINGS: usize = 8;

/// A finding for each integer in `value` whose magnitude exceeds 2^53.
pub fn big_numbers(part: &str, value: &Json) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    walk(part, value, "", &mut found);
    found
}

fn walk(part: &str, value: &Json, path: &str, found: &mut Vec<Diagnostic>) {
    if found.len() >= MAX_FINDINGS {
        return;
    }
    match value {
        Json::Number(text) if beyond_2_53(text) => {
            let place = if path.is_empty() { format!("The {part}") } else { format!("The {part}'s \"{path}\"") };
            found.push(
                Diagnostic::warning(Code::BigNumber, format!("{place} is the integer {text}, beyond 2^53: JavaScript numbers round it."))
                    .with_hint(
                        "jwt-lens shows the exact digits; send such ids as strings, or read them with a big-integer-aware JSON parser.",
                    ),
            );
        }
        Json::Object(members) => {
            for (name, member) in members {
                let child = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
                walk(part, member, &child, found);
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(part, item, &format!("{path}[{i}]"), found);
            }
        }
        _ => {}
    }
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
        let value = Json::Object(vec![("ids".into(), Json::Array(vec![Json::Number("12345678901234567890".into())]))]);
        let found = big_numbers("payload", &value);
        assert!(found.first().is_some_and(|d| d.message.contains("\"ids[0]\" is the integer 12345678901234567890")));
    }
}
