// decode(token) — DESIGN §3: never throws, kinds, exact JSON text, UTF-16 segments, diagnostics.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import {
  lens, b64u, hsToken, hmacB64u, assertHasCode, assertLacksCode, assertDiagnostic, codes,
} from "./helpers.mjs";

const { decode } = lens;
const SECRET = "decode-test-secret-that-is-32-by";

/** Asserts the Decoded shape of the .d.ts and that every segment slices the input inside its bounds. */
function checkShape(d, input, context = "") {
  assert.equal(typeof d, "object", `${context}decode returns an object`);
  assert.ok(["jws", "jwe", "unsecured", "invalid"].includes(d.kind), `${context}kind ${JSON.stringify(d.kind)}`);
  assert.ok(d.header === null || (typeof d.header === "object" && !Array.isArray(d.header)), `${context}header object|null`);
  assert.ok(d.headerJson === null || typeof d.headerJson === "string", `${context}headerJson string|null`);
  assert.ok(d.payloadJson === null || typeof d.payloadJson === "string", `${context}payloadJson string|null`);
  assert.ok(d.signature === null || typeof d.signature === "string", `${context}signature string|null`);
  assert.ok("payload" in d, `${context}payload member present`);
  assert.ok(Array.isArray(d.segments), `${context}segments array`);
  assert.ok(Array.isArray(d.diagnostics), `${context}diagnostics array`);
  for (const diag of d.diagnostics) assertDiagnostic(diag, context);
  let prevEnd = 0;
  for (const s of d.segments) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${context}integer offsets`);
    assert.ok(s.start >= prevEnd && s.start <= s.end && s.end <= input.length,
      `${context}segment ${JSON.stringify(s)} out of order/bounds (input length ${input.length})`);
    prevEnd = s.end;
  }
  if (d.kind !== "invalid") {
    assert.ok(!d.diagnostics.some((x) => x.severity === "error" && x.code === "malformed"), `${context}a ${d.kind} is not malformed`);
  }
  return d;
}

/** The parts the segments point at, as `{part: slice}`. */
function slices(d, input) {
  return d.segments.map((s) => [s.part, input.slice(s.start, s.end)]);
}

describe("decode: kinds", () => {
  test("HS256 JWS", () => {
    const header = { alg: "HS256", typ: "JWT", kid: "k1" };
    const payload = { sub: "1234567890", name: "Zoë", admin: true, iat: 1516239022, exp: 1516242622 };
    const token = hsToken(header, payload, SECRET);
    const [h, p, s] = token.split(".");
    const d = checkShape(decode(token), token);
    assert.equal(d.kind, "jws");
    assert.deepEqual(d.header, header);
    assert.deepEqual(d.payload, payload);
    assert.equal(d.headerJson, JSON.stringify(header));
    assert.equal(d.payloadJson, JSON.stringify(payload));
    assert.equal(d.signature, s);
    assert.deepEqual(d.segments, [
      { part: "header", start: 0, end: h.length },
      { part: "payload", start: h.length + 1, end: h.length + 1 + p.length },
      { part: "signature", start: h.length + p.length + 2, end: token.length },
    ]);
    assert.deepEqual(d.diagnostics.filter((x) => x.severity !== "info"), [], "a clean token (with an exp, a 1 h lifetime) has no errors or warnings");
  });

  test("alg none → unsecured", () => {
    const token = `${b64u('{"alg":"none"}')}.${b64u('{"sub":"x"}')}.`;
    const d = checkShape(decode(token), token);
    assert.equal(d.kind, "unsecured");
    assert.deepEqual(d.header, { alg: "none" });
    assert.deepEqual(d.payload, { sub: "x" });
    assert.ok(d.signature === "" || d.signature === null, `empty signature, got ${JSON.stringify(d.signature)}`);
    assert.deepEqual(slices(d, token).slice(0, 2), [["header", token.split(".")[0]], ["payload", token.split(".")[1]]]);
  });

  test("five segments → jwe with the header decoded, payload null", () => {
    const header = { alg: "dir", enc: "A128GCM", kid: "enc-1" };
    const parts = [b64u(JSON.stringify(header)), "", b64u(randomBytes(12)), b64u(randomBytes(40)), b64u(randomBytes(16))];
    const token = parts.join(".");
    const d = checkShape(decode(token), token);
    assert.equal(d.kind, "jwe");
    assert.deepEqual(d.header, header);
    assert.equal(d.headerJson, JSON.stringify(header));
    assert.equal(d.payload, null, "a JWE payload cannot be decoded without the key");
    assert.deepEqual(d.segments.map((s) => s.part), ["header", "encrypted_key", "iv", "ciphertext", "tag"]);
    assert.deepEqual(slices(d, token).map(([, v]) => v), parts);
  });

  test("one segment and four segments → invalid + malformed", () => {
    const good = hsToken({ alg: "HS256" }, { a: 1 }, SECRET);
    for (const input of ["abc", good.split(".")[0], `${good}.extra`, "a.b.c.d"]) {
      const d = checkShape(decode(input), input, `${input}: `);
      assert.equal(d.kind, "invalid", `kind of ${input}`);
      assertHasCode(d.diagnostics, "malformed", `${input}: `);
      assert.ok(d.diagnostics.some((x) => x.code === "malformed" && x.severity === "error"), "malformed is an error");
    }
  });

  test("plain text is invalid", () => {
    const input = "this is not a token";
    const d = checkShape(decode(input), input);
    assert.equal(d.kind, "invalid");
    assert.ok(d.diagnostics.some((x) => x.severity === "error"), "at least one error diagnostic");
  });
});

describe("decode: never throws", () => {
  test("empty string", () => {
    const d = checkShape(decode(""), "");
    assert.equal(d.kind, "invalid");
    assert.ok(d.diagnostics.length > 0, "says why");
  });

  test("random bytes as a string (incl. lone surrogates, NUL, dots)", () => {
    for (let i = 0; i < 300; i++) {
      const buf = randomBytes(2 * (1 + (i % 97)));
      const input = String.fromCharCode(...Array.from({ length: buf.length / 2 }, (_, j) => buf.readUInt16LE(2 * j)));
      checkShape(decode(input), input, `random #${i} ${JSON.stringify(input)}: `);
    }
  });

  test("random base64url-alphabet strings with dots (fuzz)", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n";
    for (let i = 0; i < 1000; i++) {
      const len = i % 120;
      const bytes = randomBytes(len);
      const input = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
      checkShape(decode(input), input, `fuzz ${JSON.stringify(input)}: `);
    }
    // The engine is still healthy afterwards (a wasm panic would poison the instance).
    const token = hsToken({ alg: "HS256" }, { alive: true }, SECRET);
    assert.deepEqual(decode(token).payload, { alive: true });
    assert.equal(lens.verify(token, SECRET).valid, true);
  });

  test("mutations of a valid token never throw", () => {
    const token = hsToken({ alg: "HS256", typ: "JWT" }, { sub: "x", exp: 2e9 }, SECRET);
    for (let i = 0; i < token.length; i++) {
      for (const c of [".", "", "\u0000", "é", "\uD800", "=", " "]) {
        const input = token.slice(0, i) + c + token.slice(i + 1);
        checkShape(decode(input), input, `mutation ${i}/${JSON.stringify(c)}: `);
      }
    }
  });

  test("a 2 MiB input → too_large", () => {
    const input = "a".repeat(2 * 1024 * 1024);
    const d = checkShape(decode(input), input);
    assert.equal(d.kind, "invalid");
    assertHasCode(d.diagnostics, "too_large");
    // And a 2 MiB string that looks like a token.
    const big = `${b64u('{"alg":"HS256"}')}.${"A".repeat(2 * 1024 * 1024)}.sig`;
    const d2 = checkShape(decode(big), big);
    assertHasCode(d2.diagnostics, "too_large");
  });
});

describe("decode: segments are UTF-16 offsets that slice the input", () => {
  const token = hsToken({ alg: "HS256" }, { sub: "segments" }, SECRET);
  const [h, p, s] = token.split(".");

  for (const [label, input] of [
    ["Bearer prefix", `Bearer ${token}`],
    ["Bearer prefix + surrounding whitespace", `  \tBearer ${token} \r\n`],
    ["lower-case bearer", `bearer ${token}`],
    ["a whole Authorization: line", `Authorization: Bearer ${token}`],
  ]) {
    test(label, () => {
      const d = checkShape(decode(input), input);
      assert.equal(d.kind, "jws");
      assert.deepEqual(slices(d, input), [["header", h], ["payload", p], ["signature", s]]);
      assertHasCode(d.diagnostics, "bearer_prefix");
      assert.ok(!d.diagnostics.some((x) => x.severity === "error"), `no error for a prefixed token: ${JSON.stringify(d.diagnostics)}`);
      assert.deepEqual(d.payload, { sub: "segments" });
    });
  }

  test("surrounding whitespace only: accepted, and said so in a non-error diagnostic", () => {
    const input = `\n\n  ${token}\t \n`;
    const d = checkShape(decode(input), input);
    assert.equal(d.kind, "jws");
    assert.deepEqual(slices(d, input), [["header", h], ["payload", p], ["signature", s]]);
    assert.ok(d.diagnostics.length > 0, "DESIGN §3: decode says it ignored the whitespace");
    assert.ok(d.diagnostics.every((x) => x.severity !== "error"), JSON.stringify(d.diagnostics));
  });

  test("non-ASCII whitespace before the token (offsets are UTF-16, not UTF-8 bytes)", () => {
    // U+00A0 and U+3000 are whitespace (JS String#trim and Rust char::is_whitespace agree); 2 and 3 UTF-8 bytes.
    const input = `\u00a0\u3000${token}\u00a0`;
    const d = checkShape(decode(input), input);
    assert.equal(d.kind, "jws");
    assert.deepEqual(d.segments[0], { part: "header", start: 2, end: 2 + h.length });
    assert.deepEqual(slices(d, input), [["header", h], ["payload", p], ["signature", s]]);
  });

  test("segments of a token with an invalid part still point at the dot-separated parts", () => {
    const input = `😀 ${h}.%%%.${s}`; // emoji is 2 UTF-16 units; the token itself is invalid
    const d = checkShape(decode(input), input);
    for (const seg of d.segments) {
      const text = input.slice(seg.start, seg.end);
      assert.ok(!text.includes("."), `a segment never spans a dot: ${JSON.stringify(seg)} → ${JSON.stringify(text)}`);
    }
  });
});

describe("decode: exact JSON text", () => {
  test("header/payload text: key order, whitespace, big integers preserved", () => {
    const headerText = '{"typ":"JWT",\r\n "alg":"HS256"}';
    const payloadText = '{"zeta":1, "alpha":12345678901234567890,"nested":{"b":2,"a":1},"f":1.50}';
    const token = hsToken(headerText, payloadText, SECRET, "HS256");
    const d = checkShape(decode(token), token);
    assert.equal(d.kind, "jws");
    assert.equal(d.headerJson, headerText);
    assert.equal(d.payloadJson, payloadText);
    assert.ok(d.payloadJson.includes("12345678901234567890"), "big integer kept digit for digit");
    assert.deepEqual(d.header, { typ: "JWT", alg: "HS256" });
    assert.equal(d.payload.zeta, 1);
    assert.deepEqual(d.payload.nested, { b: 2, a: 1 });
  });

  test("a payload that is not JSON is returned as text", () => {
    for (const text of ["hello world", "Zoë — ✓", "[1,2", "123abc"]) {
      const token = hsToken('{"alg":"HS256"}', text, SECRET, "HS256");
      const d = checkShape(decode(token), token, `${text}: `);
      assert.equal(d.kind, "jws", text);
      assert.equal(d.payload, text);
      assert.equal(d.payloadJson, text);
    }
  });

  test("a JSON payload that is not an object (array, string, number) is parsed", () => {
    const token = hsToken('{"alg":"HS256"}', "[1,2,3]", SECRET, "HS256");
    const d = checkShape(decode(token), token);
    assert.deepEqual(d.payload, [1, 2, 3]);
    assert.equal(d.payloadJson, "[1,2,3]");
  });

  test("duplicate member → duplicate_member, text keeps both", () => {
    const headerText = '{"alg":"HS256","alg":"none"}';
    const token = hsToken(headerText, '{"a":1}', SECRET, "HS256");
    const d = checkShape(decode(token), token);
    assertHasCode(d.diagnostics, "duplicate_member");
    assert.equal(d.headerJson, headerText);
    const dup2 = hsToken('{"alg":"HS256"}', '{"sub":"a","sub":"b"}', SECRET, "HS256");
    const d2 = checkShape(decode(dup2), dup2);
    assertHasCode(d2.diagnostics, "duplicate_member");
    assert.equal(d2.payloadJson, '{"sub":"a","sub":"b"}');
  });
});

describe("decode: diagnostics", () => {
  const header = b64u('{"alg":"HS256"}');
  const payload = b64u('{"a":1}'); // "eyJhIjoxfQ" — 10 chars, last char carries 4 zero bits
  const sig = hmacB64u("HS256", SECRET, `${header}.${payload}`);

  for (const [label, input] of [
    ["= padding in a segment", `${header}.${payload}==.${sig}`],
    ["= padding in the header", `${b64u('{"alg":"HS256" }')}=.${payload}.${sig}`],
    ["+ instead of -", `${header}.${payload.slice(0, 3)}+${payload.slice(4)}.${sig}`],
    ["/ instead of _", `${header}.${payload.slice(0, 3)}/${payload.slice(4)}.${sig}`],
    ["whitespace inside a segment", `${header}.${payload.slice(0, 4)} ${payload.slice(4)}.${sig}`],
    ["newline inside a segment", `${header.slice(0, 5)}\n${header.slice(5)}.${payload}.${sig}`],
    ["non-zero trailing bits", `${header}.${payload.slice(0, -1)}R.${sig}`],
    ["impossible length (4n+1 chars)", `${header}A.${payload}.${sig}`],
  ]) {
    test(`${label} → invalid_base64`, () => {
      const d = checkShape(decode(input), input);
      assertHasCode(d.diagnostics, "invalid_base64");
      assert.ok(d.diagnostics.some((x) => x.code === "invalid_base64" && x.severity === "error"), "invalid_base64 is an error");
    });
  }

  test("the trailing-bits base case is accepted (control for the test above)", () => {
    const input = `${header}.${payload}.${sig}`;
    const d = checkShape(decode(input), input);
    assertLacksCode(d.diagnostics, "invalid_base64");
    assert.equal(d.kind, "jws");
  });

  test("invalid UTF-8 → invalid_utf8", () => {
    const bad = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const token = hsToken(Buffer.from('{"alg":"HS256"}'), bad, SECRET, "HS256");
    const d = checkShape(decode(token), token);
    assertHasCode(d.diagnostics, "invalid_utf8");
    // In the header too.
    const token2 = `${b64u(Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]))}.${payload}.${sig}`;
    const d2 = checkShape(decode(token2), token2);
    assertHasCode(d2.diagnostics, "invalid_utf8");
    assert.equal(d2.header, null);
  });

  test("bad header JSON → invalid_json, header null", () => {
    for (const text of ['{"alg":"HS256"', "{alg:'HS256'}", '{"alg":"HS256"} x', "{\"alg\":\"HS256\",}"]) {
      const token = hsToken(text, '{"a":1}', SECRET, "HS256");
      const d = checkShape(decode(token), token, `${JSON.stringify(text)}: `);
      assert.equal(d.kind, "invalid", `kind for header ${JSON.stringify(text)}`);
      assertHasCode(d.diagnostics, "invalid_json", `${JSON.stringify(text)}: `);
      assert.equal(d.header, null);
    }
  });

  test("empty header segment → invalid (invalid_json or malformed)", () => {
    const input = `.${payload}.${sig}`;
    const d = checkShape(decode(input), input);
    assert.equal(d.kind, "invalid");
    assert.ok(codes(d.diagnostics).some((c) => c === "invalid_json" || c === "malformed"), JSON.stringify(d.diagnostics));
  });

  test("header that is an array (or other non-object JSON) → header_not_object", () => {
    for (const text of ['["alg","HS256"]', '"HS256"', "42", "null"]) {
      const token = hsToken(text, '{"a":1}', SECRET, "HS256");
      const d = checkShape(decode(token), token, `${text}: `);
      assert.equal(d.kind, "invalid", `kind for header ${text}`);
      assertHasCode(d.diagnostics, "header_not_object", `${text}: `);
      assert.equal(d.header, null, "header is null when it is not an object");
      assert.equal(d.headerJson, text, "headerJson still shows the text");
    }
  });

  test("diagnostic codes are unique per finding class on a clean Bearer token", () => {
    const token = hsToken({ alg: "HS256" }, { a: 1 }, SECRET);
    const d = decode(`Bearer ${token}`);
    assert.equal(codes(d.diagnostics).filter((c) => c === "bearer_prefix").length, 1);
  });
});
