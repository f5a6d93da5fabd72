// Long strings reach the engine through one TextEncoder.encodeInto (scripts/lib/string-glue.mjs)
// instead of wasm-bindgen's per-character copy. These check that both glues carry that path and
// that text through it arrives intact: ASCII, two- and three-byte characters, surrogate pairs and
// a lone surrogate (which any UTF-8 encoder replaces with U+FFFD), each longer than the threshold.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lens, pkgDir, hsToken, secretBytes, b64u } from "./helpers.mjs";

const LONG = 5000; // over string-glue.mjs's LONG_STRING_UNITS (4096)

test("both glues pass long strings with one encodeInto", () => {
  for (const face of ["node", "web"]) {
    const glue = readFileSync(join(pkgDir, face, "jwt_lens.js"), "utf8");
    assert.match(glue, /jwt-lens: one encodeInto/, `${face} glue`);
  }
});

test("a long payload of every UTF-8 length signs and decodes unchanged", () => {
  const key = secretBytes(32);
  for (const unit of ["a", "é", "€", "𝄞"]) {
    const payload = { text: unit.repeat(LONG), after: "end" };
    const token = lens.sign({ alg: "HS256" }, JSON.stringify(payload), b64u(key), { secretEncoding: "base64url" });
    assert.deepEqual(lens.decode(token).payload, payload, unit);
    assert.equal(lens.verify(token, b64u(key), { secretEncoding: "base64url" }).valid, true, unit);
  }
});

test("a lone surrogate in a long input arrives as U+FFFD, as with short inputs", () => {
  const key = secretBytes(32);
  for (const filler of ["", "x".repeat(LONG)]) {
    // Written by hand: JSON.stringify would escape the surrogate as \ud800, which is not the point.
    const payload = `{"text":"${filler}\uD800!"}`;
    const token = lens.sign({ alg: "HS256" }, payload, b64u(key), { secretEncoding: "base64url" });
    assert.equal(lens.decode(token).payload.text, `${filler}\uFFFD!`, `filler of ${filler.length}`);
  }
});

test("segments of a long input with non-ASCII text before the token count UTF-16 units", () => {
  const token = hsToken({ alg: "HS256" }, { sub: "x" }, secretBytes(32), "HS256");
  const input = `${"é𝄞".repeat(LONG)}${token}`; // read as a (broken) header; the rest still has its place
  const [, payload, signature] = token.split(".");
  const { segments } = lens.decode(input);
  const text = (part) => segments.filter((segment) => segment.part === part).map((segment) => input.slice(segment.start, segment.end));
  assert.deepEqual([text("payload"), text("signature")], [[payload], [signature]]);
});
