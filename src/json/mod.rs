//! A strict JSON reader and a compact writer.
//!
//! Our own reader instead of a general-purpose one because a token debugger needs what those
//! hide: duplicate member names (RFC 7515 §4 and RFC 7519 §4 let a parser reject them, and
//! attackers use them), a nesting cap, numbers kept as their exact text (beyond 2^53 too),
//! and member order as written.

mod parse;
mod string;
mod write;

pub use parse::{parse, JsonError, Parsed};
pub use write::{write_string, write_value};

/// A JSON value with member order and number text preserved.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, as its exact source text.
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: members in source order, duplicates kept.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `name` of an object; with duplicates, the last one (as `JSON.parse` does).
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Json> {
        match self {
            Self::Object(members) => members.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, when this is one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number as an `f64`, when this is a number.
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Self::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// The elements, when this is an array.
    #[must_use]
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, when this is an object.
    #[must_use]
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Self::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The JSON type name, for messages ("a string", "an array", …).
    #[must_use]
    pub const fn type_name(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "a boolean",
            Self::Number(_) => "a number",
            Self::String(_) => "a string",
            Self::Array(_) => "an array",
            Self::Object(_) => "an object",
        }
    }

    /// Compact JSON text (no whitespace), numbers as written.
    #[must_use]
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self);
        out
    }
}
