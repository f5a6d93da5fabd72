//! The small JSON object writer the reports are written with: straight into one string, so
//! the wasm binding calls `JSON.parse` once instead of building JS objects field by field.

use crate::json::write_string;
use core::fmt::Write as _;

/// A small JSON object writer: `key` handles the commas.
// The fields are visible to `report`: `generated_json` resumes an object it has begun.
pub(super) struct Obj<'a> {
    pub(super) out: &'a mut String,
    pub(super) first: bool,
}

impl<'a> Obj<'a> {
    pub(super) fn open(out: &'a mut String) -> Self {
        out.push('{');
        Self { out, first: true }
    }

    pub(super) fn key(&mut self, name: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str("\":");
        self.out
    }

    pub(super) fn str(&mut self, name: &str, value: Option<&str>) -> &mut Self {
        match value {
            Some(v) => write_string(self.key(name), v),
            None => self.key(name).push_str("null"),
        }
        self
    }

    pub(super) fn raw(&mut self, name: &str, json: Option<&str>) -> &mut Self {
        self.key(name).push_str(json.unwrap_or("null"));
        self
    }

    /// `raw`, returning where the JSON text landed in the output (byte offsets), if it was written.
    pub(super) fn raw_span(&mut self, name: &str, json: Option<&str>) -> Option<(usize, usize)> {
        let out = self.key(name);
        let start = out.len();
        out.push_str(json.unwrap_or("null"));
        json.map(|_| (start, out.len()))
    }

    /// A text field: as a JSON string, or, given `verbatim` (the byte span where the same text
    /// already appears in this output), as its `[start, end]` UTF-16 offsets (`Texts::Offsets`).
    pub(super) fn text(&mut self, name: &str, value: Option<&str>, verbatim: Option<(usize, usize)>) -> &mut Self {
        let Some((start, end)) = verbatim else { return self.str(name, value) };
        let (start, end) = (utf16_len(self.out, start), utf16_len(self.out, end));
        let _ = write!(self.key(name), "[{start},{end}]");
        self
    }

    pub(super) fn bool(&mut self, name: &str, value: bool) -> &mut Self {
        self.key(name).push_str(if value { "true" } else { "false" });
        self
    }

    pub(super) fn int(&mut self, name: &str, value: i64) -> &mut Self {
        let _ = write!(self.key(name), "{value}");
        self
    }

    pub(super) fn num(&mut self, name: &str, value: usize) -> &mut Self {
        let _ = write!(self.key(name), "{value}");
        self
    }

    pub(super) fn list<T>(&mut self, name: &str, items: &[T], mut each: impl FnMut(&mut String, &T)) -> &mut Self {
        let out = self.key(name);
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            each(out, item);
        }
        out.push(']');
        self
    }

    pub(super) fn close(&mut self) {
        self.out.push('}');
    }
}

/// UTF-16 length of `out`'s first `bytes` bytes (what a JS string index counts).
fn utf16_len(out: &str, bytes: usize) -> usize {
    let prefix = out.get(..bytes).unwrap_or(out);
    if prefix.is_ascii() {
        prefix.len()
    } else {
        prefix.chars().map(char::len_utf16).sum()
    }
}
