//! Strict RFC 8259 parsing with a nesting cap and duplicate-member detection.

use super::Json;

/// Why a text is not (acceptable) JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset where the problem was found.
    pub offset: usize,
    /// What is wrong, for a person.
    pub message: String,
}

/// A parsed document and the member names that appeared twice in one object.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The value.
    pub value: Json,
    /// Each duplicated member as a dotted path (`"kid"`, `"cnf.jwk"`), once per duplicate.
    pub duplicates: Vec<String>,
}

/// Parses `text` as one JSON value nested at most `max_depth` arrays/objects deep.
pub fn parse(text: &str, max_depth: usize) -> Result<Parsed, JsonError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: 0, max_depth, duplicates: Vec::new(), path: Vec::new() };
    parser.skip_ws();
    let value = parser.value(0)?;
    parser.skip_ws();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error("unexpected text after the JSON value"));
    }
    Ok(Parsed { value, duplicates: parser.duplicates })
}

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    max_depth: usize,
    duplicates: Vec<String>,
    path: Vec<String>,
}

impl Parser<'_> {
    pub(super) fn error(&self, message: impl Into<String>) -> JsonError {
        JsonError { offset: self.pos, message: message.into() }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect_literal(&mut self, literal: &str, value: Json) -> Result<Json, JsonError> {
        if self.bytes.get(self.pos..self.pos + literal.len()) == Some(literal.as_bytes()) {
            self.pos += literal.len();
            Ok(value)
        } else {
            Err(self.error("unexpected character"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        match self.peek() {
            None => Err(self.error("unexpected end of JSON")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect_literal("true", Json::Bool(true)),
            Some(b'f') => self.expect_literal("false", Json::Bool(false)),
            Some(b'n') => self.expect_literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(self.describe_unexpected())),
        }
    }

    fn describe_unexpected(&self) -> String {
        let shown = self.text.get(self.pos..).and_then(|rest| rest.chars().next()).unwrap_or('\u{fffd}');
        format!("unexpected character {shown:?}")
    }

    fn enter(&self, depth: usize) -> Result<(), JsonError> {
        if depth > self.max_depth {
            Err(self.error(format!("nested deeper than {} levels", self.max_depth)))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']' in an array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name in double quotes"));
            }
            let name = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after a member name"));
            }
            self.pos += 1;
            self.skip_ws();
            self.path.push(name);
            let value = self.value(depth);
            let name = self.path.pop().unwrap_or_default();
            members.push((name, value?));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.record_duplicates(&members);
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.error("expected ',' or '}' in an object")),
            }
        }
    }

    fn record_duplicates(&mut self, members: &[(String, Json)]) {
        if members.len() < 2 {
            return;
        }
        let mut names: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        names.sort_unstable();
        let mut previous: Option<&str> = None;
        for name in names {
            if previous == Some(name) {
                let mut full = self.path.join(".");
                if !full.is_empty() {
                    full.push('.');
                }
                full.push_str(name);
                self.duplicates.push(full);
            }
            previous = Some(name);
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error("numbers may not have leading zeros"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit after '.'"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit in the exponent"));
            }
            self.digits();
        }
        Ok(Json::Number(self.text.get(start..self.pos).unwrap_or_default().to_owned()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Parsed {
        parse(text, 8).unwrap_or_else(|e| Parsed { value: Json::String(format!("ERR {e:?}")), duplicates: vec![] })
    }

    #[test]
    fn keeps_order_numbers_and_duplicates() {
        let parsed = ok(r#" {"b":12345678901234567890,"a":[1.5e3,true,null],"b":"x","c":{"d":1,"d":2}} "#);
        assert_eq!(parsed.duplicates, vec!["c.d".to_string(), "b".to_string()]);
        assert_eq!(parsed.value.get("b"), Some(&Json::String("x".into())));
        assert_eq!(parsed.value.to_compact(), r#"{"b":12345678901234567890,"a":[1.5e3,true,null],"b":"x","c":{"d":1,"d":2}}"#);
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        assert_eq!(ok(r#""a\n\u00e9\ud83d\ude00\/""#).value, Json::String("a\né😀/".into()));
    }

    #[test]
    fn rejects_what_rfc_8259_rejects() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "1e",
            "'a'",
            "{a:1}",
            "\"\u{1}\"",
            "tru",
            "\"\\ud800\"",
            "\"\\x\"",
            "1 2",
            "\u{feff}{}",
            "NaN",
            "[1]]",
        ] {
            assert!(parse(bad, 8).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn caps_nesting() {
        assert!(parse(&"[".repeat(9), 8).is_err_and(|e| e.message.contains("nested")));
        assert!(parse(&format!("{}{}", "[".repeat(8), "]".repeat(8)), 8).is_ok());
        assert!(parse(&"[".repeat(100_000), 64).is_err());
    }
}
