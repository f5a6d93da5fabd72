// Points at the first JSON syntax error in the encoder's own text boxes: where (offset, line,
// column) and what was expected. This is editing help for text the user is typing, not token
// parsing: the engine still signs the text byte for byte and has the last word on it (duplicate
// members, nesting limits, a header that is not an object). Browsers' JSON.parse messages differ
// and not all give a position, so this small RFC 8259 scanner says it the same way everywhere.

/** A JSON syntax problem at `offset` (UTF-16 index into the text). */
class JsonSyntax extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const LITERALS = ["true", "false", "null"];
const MAX_SCAN_DEPTH = 512;
const TOO_DEEP = Symbol("too deep");

/**
 * Finds the first syntax error in `text`, or returns null when it is one valid JSON value.
 * The answer is `{ message, offset, line, column }` (line and column count from 1; a column
 * counts UTF-16 units, as the textarea's caret does).
 */
export function findJsonError(text) {
  let at = 0;

  const describe = (index) => (index >= text.length ? "the end of the text" : JSON.stringify(text[index]));
  const fail = (expected, index = at) => {
    throw new JsonSyntax(`expected ${expected}, found ${describe(index)}`, index);
  };
  const skipWhitespace = () => {
    while (at < text.length && WHITESPACE.has(text[at])) at += 1;
  };

  function value(depth) {
    // Far deeper than the engine accepts: stop scanning (no stack overflow) and let it answer.
    if (depth > MAX_SCAN_DEPTH) throw TOO_DEEP;
    skipWhitespace();
    const char = text[at];
    if (char === "{") return object(depth + 1);
    if (char === "[") return array(depth + 1);
    if (char === '"') return string();
    if (char === "-" || (char >= "0" && char <= "9")) return number();
    const literal = LITERALS.find((word) => text.startsWith(word, at));
    if (literal !== undefined) {
      at += literal.length;
      return;
    }
    fail("a value (object, array, string, number, true, false or null)");
  }

  function object(depth) {
    at += 1; // "{"
    skipWhitespace();
    if (text[at] === "}") {
      at += 1;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[at] !== '"') fail(text[at] === "}" ? "a member name after the comma (no trailing commas in JSON)" : 'a member name in double quotes');
      string();
      skipWhitespace();
      if (text[at] !== ":") fail('":" after the member name');
      at += 1;
      value(depth);
      skipWhitespace();
      if (text[at] === ",") {
        at += 1;
        continue;
      }
      if (text[at] === "}") {
        at += 1;
        return;
      }
      fail('"," or "}" after the member');
    }
  }

  function array(depth) {
    at += 1; // "["
    skipWhitespace();
    if (text[at] === "]") {
      at += 1;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[at] === "]") fail("a value after the comma (no trailing commas in JSON)");
      value(depth);
      skipWhitespace();
      if (text[at] === ",") {
        at += 1;
        continue;
      }
      if (text[at] === "]") {
        at += 1;
        return;
      }
      fail('"," or "]" after the element');
    }
  }

  function string() {
    at += 1; // opening quote
    while (at < text.length) {
      const char = text[at];
      if (char === '"') {
        at += 1;
        return;
      }
      if (char === "\\") {
        const escaped = text[at + 1];
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail("four hex digits after \\u", at + 2);
          at += 6;
        } else if (ESCAPES.has(escaped)) {
          at += 2;
        } else {
          fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)', at + 1);
        }
        continue;
      }
      if (char < " ") fail("no control characters inside a string (write \\n, \\t …)");
      at += 1;
    }
    fail('a closing " for the string');
  }

  function number() {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at, at + 400));
    if (match === null || match[0] === "-") fail("a digit", at + 1);
    at += match[0].length;
    if (/^[0-9.eE]/.test(text[at] ?? "")) fail("the number to end (no leading zeros, a digit after \".\" and \"e\")");
  }

  try {
    value(0);
    skipWhitespace();
    if (at < text.length) fail("the end of the text after the value (one JSON value only)");
    return null;
  } catch (error) {
    if (error === TOO_DEEP) return null;
    if (!(error instanceof JsonSyntax)) throw error;
    return { message: error.message, offset: error.offset, ...lineAndColumn(text, error.offset) };
  }
}

/** The 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text, offset) {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

/** The line holding `offset` and a caret under it, for a monospace excerpt. */
export function excerptAt(text, offset) {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const newline = text.indexOf("\n", offset);
  const line = text.slice(start, newline === -1 ? text.length : newline).replace(/\r$/, "");
  return `${line}\n${" ".repeat(Math.max(0, offset - start))}^`;
}
