// The "explain" half of the engine through the built package (issue 4): decode's lint findings,
// verify's "probably meant" diagnostics, and the lint repeated in verify's warnings.
// Tokens are made with node:crypto (helpers.mjs), independently of jwt-lens.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { lens, b64u, hsToken, assertHasCode, assertLacksCode, assertDiagnostic, vectorsDir } from "./helpers.mjs";

const { decode, verify } = lens;
const SECRET = "explain-test-secret-that-is-longer-than-32-bytes";
const NOW = 1_700_000_000;

/** The diagnostic with `code` in `list`, asserted present and well-formed. */
function find(list, code) {
  const found = list.find((d) => d.code === code);
  assert.ok(found, `expected ${code} in ${JSON.stringify(list, null, 1)}`);
  assertDiagnostic(found);
  return found;
}

describe("decode lints the token", () => {
  test("a token signed with jwt.io's demo secret names the secret (known_secret)", () => {
    const token = hsToken({ alg: "HS256", typ: "JWT" }, { sub: "1234567890", exp: NOW + 60 }, "your-256-bit-secret");
    const d = find(decode(token).diagnostics, "known_secret");
    assert.equal(d.severity, "warning");
    assert.match(d.message, /"your-256-bit-secret"/);
    assertLacksCode(decode(hsToken({ alg: "HS256" }, { exp: NOW }, SECRET)).diagnostics, "known_secret");
  });

  test("HS384 and HS512 tokens are tried too", () => {
    for (const [alg, secret] of [["HS384", "your-384-bit-secret"], ["HS512", "changeme"]]) {
      assert.match(find(decode(hsToken({ alg }, { exp: NOW }, secret)).diagnostics, "known_secret").message, new RegExp(secret));
    }
  });

  test("no exp, a long lifetime, a suspicious kid, embedded keys", () => {
    assert.equal(find(decode(hsToken({ alg: "HS256" }, { sub: "a" }, SECRET)).diagnostics, "missing_exp").severity, "warning");
    const week = decode(hsToken({ alg: "HS256" }, { iat: NOW, exp: NOW + 7 * 86400 }, SECRET));
    assert.match(find(week.diagnostics, "long_lifetime").message, /7 days/);
    const kid = decode(hsToken({ alg: "HS256", kid: "../../../../dev/null" }, { exp: NOW }, SECRET));
    assert.match(find(kid.diagnostics, "suspicious_kid").message, /path traversal/);
    const jku = decode(hsToken({ alg: "HS256", jku: "https://attacker.example/jwks.json" }, { exp: NOW }, SECRET));
    assert.match(find(jku.diagnostics, "embedded_key_ignored").message, /"jku"/);
  });

  test("an integer beyond 2^53 is shown exactly, although JSON.parse rounds it", () => {
    const d = decode(hsToken({ alg: "HS256" }, '{"exp":1700000060,"id":12345678901234567890}', SECRET));
    assert.match(find(d.diagnostics, "big_number").message, /12345678901234567890/);
    assert.match(d.payloadJson, /12345678901234567890/);
    assert.notEqual(String(d.payload.id), "12345678901234567890", "JSON.parse rounds: the reason for the warning");
  });

  test("an e-mail address in the claims is an info finding naming the claim", () => {
    const d = find(decode(hsToken({ alg: "HS256" }, { exp: NOW, email: "ann@example.com" }, SECRET)).diagnostics, "personal_data");
    assert.equal(d.severity, "info");
    assert.match(d.message, /"email"/);
  });

  test("a token pasted with quotes still decodes, with trailing_characters as an error", () => {
    const token = hsToken({ alg: "HS256" }, { exp: NOW }, SECRET);
    const d = decode(`"${token}"`);
    assert.equal(d.kind, "invalid");
    assert.deepEqual(d.payload, { exp: NOW }, "its parts are still decoded");
    const segment = d.segments.find((s) => s.part === "header");
    assert.equal(`"${token}"`.slice(segment.start, segment.end), token.split(".")[0], "offsets skip the quote");
    const finding = find(d.diagnostics, "trailing_characters");
    assert.equal(finding.severity, "error");
    assert.ok(finding.hint.length > 0);
  });
});

describe("verify says what the user probably meant", () => {
  test("lint findings are repeated in warnings and never make a valid token invalid", () => {
    const token = hsToken({ alg: "HS256", x5u: "https://x.example/cert" }, { sub: "a", email: "ann@example.com" }, SECRET);
    const r = verify(token, SECRET, { now: NOW });
    assert.equal(r.valid, true, JSON.stringify(r.errors));
    for (const code of ["missing_exp", "embedded_key_ignored", "personal_data"]) assertHasCode(r.warnings, code);
  });

  test("a caller secret that is a demo secret is a known_secret warning", () => {
    const token = hsToken({ alg: "HS256" }, { exp: NOW + 60 }, SECRET);
    assert.match(find(verify(token, "secret", { now: NOW }).warnings, "known_secret").message, /"secret"/);
  });

  test("a base64url secret typed as text: secret_encoding_hint, and the token stays invalid", () => {
    const bytes = Buffer.from("0123456789abcdef0123456789abcdef-bytes-not-text");
    const token = hsToken({ alg: "HS256" }, { exp: NOW + 60 }, bytes);
    const r = verify(token, b64u(bytes), { now: NOW });
    assert.equal(r.valid, false);
    assert.match(find(r.errors, "secret_encoding_hint").hint, /secretEncoding: "base64url"/);
    assert.equal(verify(token, b64u(bytes), { now: NOW, secretEncoding: "base64url" }).valid, true);
  });

  test("jwt.io's base64url-secret fixture verified with the secret as UTF-8", (t) => {
    const file = join(vectorsDir, "jwtio-debugger-e2e", "jwt.json");
    if (!existsSync(file)) return t.skip(`${file} is absent`);
    const fixture = JSON.parse(readFileSync(file, "utf8")).byAlgorithm.HS256.withBase64urlSecret;
    const r = verify(fixture.jwt, fixture.secret);
    assert.equal(r.valid, false);
    assert.match(find(r.errors, "secret_encoding_hint").message, /base64url/);
  });

  test("a kid absent from the JWKS lists the kids present", () => {
    const k = b64u(SECRET);
    const jwks = { keys: [{ kty: "oct", kid: "2024-a", k }, { kty: "oct", kid: "2024-b", k }] };
    const r = verify(hsToken({ alg: "HS256", kid: "2023-z" }, { exp: NOW + 60 }, SECRET), jwks, { now: NOW });
    assert.match(find(r.errors, "key_not_found").message, /"2024-a", "2024-b"/);
  });

  test("a PEM key without its END line is pem_armour_missing", () => {
    const r = verify(hsToken({ alg: "HS256" }, { exp: NOW }, SECRET), "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE");
    assert.match(find(r.errors, "pem_armour_missing").message, /END/);
  });

  test("an ES256 token with a P-384 key: key_alg_mismatch names the curve", () => {
    const { privatePem } = lens.generateKey("ES256");
    const { publicPem } = lens.generateKey("ES384");
    const token = lens.sign({ alg: "ES256" }, { exp: NOW + 60 }, privatePem);
    const r = verify(token, publicPem, { now: NOW });
    assert.match(find(r.errors, "key_alg_mismatch").message, /P-256.*P-384/);
  });

  test("padding in the token: invalid_base64 with a hint", () => {
    const token = hsToken({ alg: "HS256" }, { exp: NOW }, SECRET);
    const [h, p, s] = token.split(".");
    const r = verify(`${h}=.${p}.${s}`, SECRET, { now: NOW });
    assert.match(find(r.errors, "invalid_base64").hint, /unpadded base64url/);
  });
});
