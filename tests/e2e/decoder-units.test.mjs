// The decode side's pure helpers, without a browser: time formatting and badges, the claim
// dictionary, and the claim-check inputs turned into verify options.

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT } from "./support.mjs";

const wwwModule = (name) => import(pathToFileURL(join(ROOT, "www", name)).href);

test("relative times use the two largest units, and say which way", async () => {
  const { formatRelative } = await wwwModule("claim-times.js");
  assert.equal(formatRelative(0), "now");
  assert.equal(formatRelative(0.4), "now");
  assert.equal(formatRelative(59), "in 59 s");
  assert.equal(formatRelative(-252), "4 min 12 s ago");
  assert.equal(formatRelative(3600), "in 1 h");
  assert.equal(formatRelative(3 * 86400 + 7200 + 59), "in 3 d 2 h");
  assert.equal(formatRelative(-(2 * 365 * 86400 + 86400)), "2 y 1 d ago");
});

test("UTC is ISO 8601; local time carries its offset; unrepresentable dates are null", async () => {
  const { formatUtc, formatLocal } = await wwwModule("claim-times.js");
  assert.equal(formatUtc(1516239022), "2018-01-18T01:30:22Z");
  assert.equal(formatUtc(1516239022.5), "2018-01-18T01:30:22.500Z");
  assert.match(formatLocal(1516239022), /^2018-01-1[78] \d\d:\d\d:22 UTC[+-]\d\d:\d\d$/);
  assert.equal(formatUtc(1e300), null);
  assert.equal(formatLocal(1e300), null);
});

test("badges follow exp, nbf and iat against the clock and the leeway", async () => {
  const { timeBadge } = await wwwModule("claim-times.js");
  assert.equal(timeBadge("exp", 100, 100), "expired", "exp is exclusive (RFC 7519 §4.1.4: on or after)");
  assert.equal(timeBadge("exp", 100, 99), null);
  assert.equal(timeBadge("exp", 100, 105, 10), null);
  assert.equal(timeBadge("nbf", 100, 99), "not_yet_valid");
  assert.equal(timeBadge("nbf", 100, 95, 10), null);
  assert.equal(timeBadge("iat", 100, 50), "issued_in_future");
  assert.equal(timeBadge("auth_time", 100, 50), null);
});

test("the dictionary covers the registered claims and header parameters with references", async () => {
  const { CLAIMS, HEADER_PARAMETERS, describeClaim, describeHeaderParameter } = await wwwModule("claim-dictionary.js");
  for (const name of ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"]) assert.match(describeClaim(name)[1], /^RFC 7519 §4\.1\.[1-7]$/);
  for (const name of ["alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit"]) {
    assert.match(describeHeaderParameter(name)[1], /^RFC 7515 §4\.1\.\d+$/);
  }
  for (const name of ["email", "name", "nonce", "auth_time", "acr", "amr", "azp", "cnf", "act", "scope", "client_id"]) {
    assert.notEqual(describeClaim(name), null, name);
  }
  assert.equal(describeClaim("toString"), null, "inherited names are not claims");
  assert.equal(describeClaim("tenant"), null);
  for (const [name, [description, reference]] of [...Object.entries(CLAIMS), ...Object.entries(HEADER_PARAMETERS)]) {
    assert.ok(description.length > 5 && reference.length > 3, name);
  }
});

test("claim-check inputs become verify options; empty inputs are not checked", async () => {
  const { readVerifyOptions } = await wwwModule("verify-options.js");
  const read = (inputs) => readVerifyOptions({ issuer: "", audience: "", asOf: "", leeway: "", ...inputs }, 1000);
  assert.deepEqual(read({}), { options: {}, now: 1000, leeway: 0, fixedTime: false, problems: [] });
  assert.deepEqual(read({ issuer: " https://a ", audience: "api" }).options, { issuer: "https://a", audience: "api" });
  assert.deepEqual(read({ audience: "api, web  mobile" }).options, { audience: ["api", "web", "mobile"] });
  const asOf = read({ asOf: "1700000000", leeway: "30" });
  assert.deepEqual([asOf.options, asOf.now, asOf.fixedTime], [{ now: 1700000000, leeway: 30 }, 1700000000, true]);
  assert.equal(read({ asOf: "2023-11-14T22:13:20Z" }).options.now, 1700000000);
  assert.equal(read({ leeway: "-5" }).problems.length, 1);
  assert.equal(read({ asOf: "yesterday-ish" }).problems.length, 1);
});

test("redaction keeps structure and the explaining members, drops values and the signature", async () => {
  const { redactedReport, redactValue } = await wwwModule("redact.js");
  assert.deepEqual(redactValue({ a: ["xy", 1, true, null, { b: "secret" }] }), { a: ["<string, 2 chars>", "<number>", "<boolean>", null, { b: "<string, 6 chars>" }] });
  const decoded = {
    kind: "jws",
    header: { alg: "RS256", typ: "JWT", kid: "k1", jku: "https://evil.example/jwks" },
    payload: { iss: "https://issuer.example", aud: ["api"], exp: 1700000000, sub: "alice@example.com", roles: ["admin"] },
    signature: "c2lnbmF0dXJl",
    diagnostics: [{ code: "embedded_key_ignored" }],
  };
  const report = redactedReport(decoded);
  assert.match(report, /"alg":"RS256","typ":"JWT","kid":"k1","jku":"<string, 25 chars>"/);
  assert.match(report, /"iss":"https:\/\/issuer\.example","aud":\["api"\],"exp":1700000000,"sub":"<string, 17 chars>","roles":\["<string, 5 chars>"\]/);
  assert.match(report, /diagnostics: embedded_key_ignored/);
  for (const secret of ["alice@example.com", "admin", "evil.example", "c2lnbmF0dXJl"]) assert.ok(!report.includes(secret), secret);
  assert.match(redactedReport({ kind: "jws", header: { alg: "HS256" }, payload: "plain text", diagnostics: [] }), /payload: "<text, 10 chars>"/);
});

test("large inputs: typing waits for a pause, a paste or scripted change runs in the next task", async () => {
  const { createScheduler, isTyping, LARGE_INPUT_CHARS } = await wwwModule("schedule.js");
  assert.equal(isTyping({ inputType: "insertText" }), true);
  assert.equal(isTyping({ inputType: "deleteContentBackward" }), true);
  assert.equal(isTyping({ inputType: "insertFromPaste" }), false);
  assert.equal(isTyping(new Event("input")), false);
  const runs = [];
  const waiting = [];
  const schedule = createScheduler(() => runs.push("work"), (state) => waiting.push(state));
  schedule(10);
  assert.deepEqual([runs, waiting], [["work"], []], "a small input is worked on at once");
  schedule(LARGE_INPUT_CHARS, true);
  schedule(LARGE_INPUT_CHARS, true);
  assert.deepEqual([runs.length, waiting], [1, [true, true]], "a large input is never worked on inside the event");
  await new Promise((resolve) => setTimeout(resolve, 400)); // let the one pending run happen
  assert.deepEqual([runs.length, waiting.at(-1)], [2, false], "two keystrokes, one run");
});

test("the JSON view shows the exact text when a reprint would round a big number or drop a member", async () => {
  const { decodedTexts } = await wwwModule("decoded-panes.js");
  const base = { kind: "jws", header: { alg: "HS256" }, headerJson: '{"alg":"HS256"}', diagnostics: [] };
  const pretty = decodedTexts({ ...base, payload: { n: 1 }, payloadJson: '{"n":1}' });
  assert.equal(pretty.payloadText, '{\n  "n": 1\n}');
  const big = decodedTexts({
    ...base,
    payload: { n: 12345678901234567000 },
    payloadJson: '{"n":12345678901234567890}',
    diagnostics: [{ code: "big_number", severity: "warning", message: "m" }],
  });
  assert.match(big.payloadText, /^\{"n":12345678901234567890\}\n\n\(shown exactly/);
  assert.equal(decodedTexts({ ...base, kind: "jwe", payload: null, payloadJson: null }).payloadText.startsWith("(encrypted"), true);
});
