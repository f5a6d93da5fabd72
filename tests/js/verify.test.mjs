// verify(token, key, options) — DESIGN §3: failures are data, the caller's key and algorithms rule.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import {
  lens, b64u, hsToken, hmacB64u, octThumbprint, nowSeconds, HS_ALGS, HASH_BYTES,
  assertHasCode, assertLacksCode, assertReportShape, reportCodes, codes,
} from "./helpers.mjs";

const { verify, importKey } = lens;

const NOW = 1_800_000_000;
const SECRET = "verify-test-secret-0123456789abcdefghijklmnop-0123456789abcdefgh"; // 64 UTF-8 bytes
const claims = (extra = {}) => ({ sub: "user-1", iat: NOW - 60, nbf: NOW - 60, exp: NOW + 600, ...extra });

/** verify() with a shape check; never throws. */
function v(token, key, options) {
  let r;
  assert.doesNotThrow(() => {
    r = verify(token, key, options);
  }, "verify must never throw on a bad token or key");
  return assertReportShape(r);
}

function assertValid(r, context = "") {
  assert.equal(r.signatureValid, true, `${context}signatureValid; errors: ${JSON.stringify(r.errors)}`);
  assert.equal(r.valid, true, `${context}valid; errors: ${JSON.stringify(r.errors)}`);
  assert.deepEqual(r.errors, []);
}

function assertInvalid(r, code, context = "") {
  assert.equal(r.valid, false, `${context}valid must be false`);
  if (code) assertHasCode(r.errors, code, context);
}

function checkNamed(r, name) {
  return r.checks.find((c) => c.name === name);
}

describe("verify: valid HS* tokens and secret encodings", () => {
  for (const alg of HS_ALGS) {
    test(`${alg} with a UTF-8 secret`, () => {
      const header = { alg, typ: "JWT", kid: `kid-${alg}` };
      const payload = claims({ name: "Zoë" });
      const token = hsToken(header, payload, SECRET);
      const r = v(token, SECRET, { now: NOW });
      assertValid(r, `${alg}: `);
      assert.equal(r.alg, alg);
      assert.equal(r.kid, `kid-${alg}`);
      assert.deepEqual(r.header, header);
      assert.deepEqual(r.payload, payload);
      assert.equal(r.keyThumbprint, octThumbprint(Buffer.from(SECRET)), "keyThumbprint is RFC 7638 of the oct key");
      assert.ok(r.checks.length > 0 && r.checks.every((c) => c.ok));
      assert.equal(checkNamed(r, "signature")?.ok, true, "a signature check is reported");
      // Same token with the secretEncoding option spelled out.
      assertValid(v(token, SECRET, { now: NOW, secretEncoding: "utf8" }), `${alg} explicit utf8: `);
    });

    for (const encoding of ["base64", "base64url", "hex"]) {
      test(`${alg} with a ${encoding} secret`, () => {
        // Retry until the base64 text contains + or / (so base64 and base64url really differ).
        let bytes;
        do bytes = randomBytes(HASH_BYTES[alg]); while (encoding === "base64" && !/[+/]/.test(bytes.toString("base64")));
        const text = encoding === "base64" ? bytes.toString("base64") : bytes.toString(encoding);
        const token = hsToken({ alg }, claims(), bytes);
        const r = v(token, text, { now: NOW, secretEncoding: encoding });
        assertValid(r, `${alg}/${encoding}: `);
        assert.equal(r.keyThumbprint, octThumbprint(bytes));
        // The encoding is honoured: the same text read as UTF-8 is another key.
        const wrong = v(token, text, { now: NOW, secretEncoding: "utf8" });
        assert.equal(wrong.signatureValid, false, `${encoding} text read as utf8 must not verify`);
        assert.equal(wrong.valid, false);
      });
    }
  }

  test("padded base64 and unpadded base64 secrets decode to the same key", () => {
    const bytes = randomBytes(40); // 40 bytes → one '=' of padding
    const token = hsToken({ alg: "HS256" }, claims(), bytes);
    assertValid(v(token, bytes.toString("base64"), { now: NOW, secretEncoding: "base64" }));
    assert.ok(bytes.toString("base64").endsWith("="));
  });

  test("upper-case hex secret", () => {
    const bytes = randomBytes(32);
    const token = hsToken({ alg: "HS256" }, claims(), bytes);
    assertValid(v(token, bytes.toString("hex").toUpperCase(), { now: NOW, secretEncoding: "hex" }));
  });

  test("a secret that is not valid in the stated encoding → not valid, no throw", () => {
    const token = hsToken({ alg: "HS256" }, claims(), SECRET);
    for (const [text, encoding] of [["zz-not-hex", "hex"], ["abc", "hex"], ["***", "base64"], ["a+b/", "base64url"]]) {
      const r = v(token, text, { now: NOW, secretEncoding: encoding });
      assertInvalid(r, undefined, `${encoding} ${text}: `);
      assert.ok(reportCodes(r).some((c) => c === "invalid_key" || c === "secret_encoding_hint"),
        `${encoding} ${text}: expected invalid_key or secret_encoding_hint, got ${JSON.stringify(reportCodes(r))}`);
    }
  });
});

describe("verify: signature failures", () => {
  const token = hsToken({ alg: "HS256" }, claims(), SECRET);

  test("wrong secret → signature_invalid", () => {
    const r = v(token, `${SECRET}x`, { now: NOW });
    assert.equal(r.signatureValid, false);
    assertInvalid(r, "signature_invalid");
    const c = checkNamed(r, "signature");
    assert.ok(c, "a signature check is reported");
    assert.equal(c.ok, false);
    assert.equal(c.code, "signature_invalid");
    // Header and payload are still reported (untrusted) for display.
    assert.equal(r.alg, "HS256");
    assert.deepEqual(r.payload, claims());
  });

  test("tampered payload → signature_invalid", () => {
    const [h, , s] = token.split(".");
    const forged = `${h}.${b64u(JSON.stringify(claims({ sub: "admin" })))}.${s}`;
    const r = v(forged, SECRET, { now: NOW });
    assert.equal(r.signatureValid, false);
    assertInvalid(r, "signature_invalid");
  });

  test("truncated tag → invalid", () => {
    const [h, p] = token.split(".");
    const full = Buffer.from(hmacB64u("HS256", SECRET, `${h}.${p}`), "base64url");
    for (const n of [16, 31, 1]) {
      const r = v(`${h}.${p}.${b64u(full.subarray(0, n))}`, SECRET, { now: NOW });
      assert.equal(r.signatureValid, false, `a ${n}-byte prefix of the tag must not verify`);
      assert.equal(r.valid, false);
    }
    const r = v(`${h}.${p}.${token.split(".")[2].slice(0, -2)}`, SECRET, { now: NOW });
    assert.equal(r.signatureValid, false);
    assert.equal(r.valid, false);
  });

  test("empty signature / extended tag → invalid", () => {
    const [h, p, s] = token.split(".");
    for (const sig of ["", `${s}AA`, b64u(Buffer.concat([Buffer.from(s, "base64url"), Buffer.from([0])]))]) {
      const r = v(`${h}.${p}.${sig}`, SECRET, { now: NOW });
      assert.equal(r.signatureValid, false, `signature ${JSON.stringify(sig)}`);
      assert.equal(r.valid, false);
    }
  });

  test("signature with non-canonical trailing bits is not accepted", () => {
    const [h, p, s] = token.split(".");
    // 32 bytes → 43 chars; the last char carries 2 padding bits. Flip one of them.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(s.at(-1));
    const sig = s.slice(0, -1) + alphabet[last ^ 1];
    const r = v(`${h}.${p}.${sig}`, SECRET, { now: NOW });
    assert.equal(r.valid, false);
  });

  test("HS256 token verified against an HS384 MAC of the same input → invalid", () => {
    const [h, p] = token.split(".");
    const r = v(`${h}.${p}.${hmacB64u("HS384", SECRET, `${h}.${p}`)}`, SECRET, { now: NOW });
    assert.equal(r.signatureValid, false);
  });
});

describe("verify: algorithm rules", () => {
  test("alg none is never valid", () => {
    const none = `${b64u('{"alg":"none"}')}.${b64u(JSON.stringify(claims()))}.`;
    for (const key of [SECRET, "", { kty: "oct", k: b64u(SECRET) }]) {
      const r = v(none, key, { now: NOW });
      assert.equal(r.valid, false);
      assert.equal(r.signatureValid, false);
      assertHasCode(r.errors, "alg_none");
    }
    // With a (bogus) signature appended, still never valid.
    // (an unsecured JWS with a non-empty signature is also malformed, RFC 7518 §3.6: either code explains it)
    const r = v(`${none}${hmacB64u("HS256", SECRET, none.slice(0, -1))}`, SECRET, { now: NOW });
    assert.equal(r.valid, false);
    assert.equal(r.signatureValid, false);
    assert.ok(codes(r.errors).some((c) => c === "alg_none" || c === "malformed"), JSON.stringify(r.errors));
    // Spelling variants of "none" are not HS algorithms either.
    for (const alg of ["None", "NONE", "nOnE"]) {
      const t = `${b64u(JSON.stringify({ alg }))}.${b64u(JSON.stringify(claims()))}.`;
      const rr = v(t, SECRET, { now: NOW });
      assert.equal(rr.valid, false, alg);
      assert.equal(rr.signatureValid, false, alg);
    }
  });

  test('algorithms:["HS512"] on an HS256 token → alg_not_allowed', () => {
    const token = hsToken({ alg: "HS256" }, claims(), SECRET);
    const r = v(token, SECRET, { now: NOW, algorithms: ["HS512"] });
    assertInvalid(r, "alg_not_allowed");
    assertValid(v(token, SECRET, { now: NOW, algorithms: ["HS512", "HS256"] }));
  });

  test("unknown / missing / non-string alg → not valid", () => {
    for (const header of [{ alg: "HS257" }, { typ: "JWT" }, { alg: 256 }, { alg: "hs256" }, { alg: "RS256" }]) {
      const token = hsToken(header, claims(), SECRET, "HS256");
      const r = v(token, SECRET, { now: NOW });
      assert.equal(r.valid, false, JSON.stringify(header));
      assert.equal(r.signatureValid, false, `${JSON.stringify(header)}: the MAC must not be checked under an alg the token did not name`);
    }
  });

  test("RS256 header with a secret → never verified as HMAC (key_alg_mismatch or unsupported_alg)", () => {
    const token = hsToken({ alg: "RS256" }, claims(), SECRET, "HS256");
    const r = v(token, SECRET, { now: NOW });
    assert.equal(r.valid, false);
    assert.equal(r.signatureValid, false);
    assert.equal(r.alg, "RS256", "alg reports the header's (untrusted) value");
    assert.ok(reportCodes(r).some((c) => ["key_alg_mismatch", "unsupported_alg", "alg_not_allowed"].includes(c)), JSON.stringify(r.errors));
  });

  test("a PEM public key passed as an HS secret → refused by the key, never used as HMAC material", () => {
    for (const type of ["rsa", "ec"]) {
      const { publicKey } = generateKeyPairSync(type, type === "rsa" ? { modulusLength: 2048 } : { namedCurve: "P-256" });
      const pem = publicKey.export({ type: "spki", format: "pem" });
      // The classic algorithm-confusion forgery: HMAC keyed with the public key's PEM text.
      const forged = hsToken({ alg: "HS256" }, claims({ sub: "admin" }), pem);
      const r = v(forged, pem, { now: NOW });
      assert.equal(r.signatureValid, false, `${type}: the PEM text must never be HMAC material`);
      // The key pins its own algorithms (alg_not_allowed); an RSA key is not supported yet (invalid_key).
      assertInvalid(r, undefined, `${type}: `);
      const why = reportCodes(r).filter((c) => ["key_alg_mismatch", "alg_not_allowed", "invalid_key"].includes(c));
      assert.ok(why.length > 0, `${type}: ${JSON.stringify(r.errors)}`);
      const pinned = v(forged, pem, { now: NOW, algorithms: ["HS256"] });
      assert.equal(pinned.signatureValid, false, `${type}: even with algorithms ["HS256"]`);
      if (type === "ec") assertHasCode(pinned.errors, "key_alg_mismatch", `${type} forced HS256: `);
      const r2 = v(forged, pem.trim(), { now: NOW });
      assert.equal(r2.signatureValid, false, `${type} (trimmed PEM)`);
      const r3 = v(forged, pem, { now: NOW, secretEncoding: "utf8" });
      assert.equal(r3.signatureValid, false, `${type} (explicit utf8 encoding)`);
      assert.equal(r3.valid, false);
    }
  });

  test("JWK alg pins the algorithm (an HS512 JWK does not verify an HS256 token)", () => {
    const bytes = randomBytes(64);
    const token = hsToken({ alg: "HS256" }, claims(), bytes);
    const r = v(token, { kty: "oct", k: b64u(bytes), alg: "HS512" }, { now: NOW });
    assert.equal(r.valid, false);
    assert.ok(reportCodes(r).some((c) => c === "alg_not_allowed" || c === "key_alg_mismatch"), JSON.stringify(r.errors));
    assertValid(v(token, { kty: "oct", k: b64u(bytes), alg: "HS256" }, { now: NOW }));
  });
});

describe("verify: crit", () => {
  const cases = [
    ["unknown extension", { alg: "HS256", crit: ["urn:example:ext"], "urn:example:ext": 1 }],
    ["listed but absent", { alg: "HS256", crit: ["urn:example:absent"] }],
    ["empty array", { alg: "HS256", crit: [] }],
    ["not an array", { alg: "HS256", crit: "urn:example:ext", "urn:example:ext": 1 }],
    ["array of non-strings", { alg: "HS256", crit: [1] }],
    ["lists a registered header (alg)", { alg: "HS256", crit: ["alg"] }],
  ];
  for (const [label, header] of cases) {
    test(`crit ${label} → crit_unsupported`, () => {
      const token = hsToken(header, claims(), SECRET, "HS256");
      const r = v(token, SECRET, { now: NOW });
      assertInvalid(r, "crit_unsupported");
      const c = checkNamed(r, "crit");
      if (c) assert.equal(c.ok, false);
    });
  }
});

describe("verify: time claims", () => {
  const exp = NOW;
  const token = hsToken({ alg: "HS256" }, { sub: "t", exp }, SECRET);

  test("exp in the past → expired; exactly at exp → expired; one second before → valid", () => {
    assertInvalid(v(token, SECRET, { now: exp + 100 }), "expired");
    assertInvalid(v(token, SECRET, { now: exp }), "expired");
    assertValid(v(token, SECRET, { now: exp - 1 }));
    const r = v(token, SECRET, { now: exp + 100 });
    assert.equal(r.signatureValid, true, "an expired token's signature is still checked and reported");
    const c = checkNamed(r, "exp");
    assert.ok(c, "an exp check is reported");
    assert.equal(c.ok, false);
    assert.equal(c.code, "expired");
  });

  test("leeway covers an expired token, and only as far as it goes", () => {
    assertValid(v(token, SECRET, { now: exp + 100, leeway: 101 }));
    assertValid(v(token, SECRET, { now: exp + 100, leeway: 3600 }));
    assertInvalid(v(token, SECRET, { now: exp + 100, leeway: 100 }), "expired");
    assertInvalid(v(token, SECRET, { now: exp + 100, leeway: 50 }), "expired");
  });

  test("nbf in the future → not_yet_valid; leeway covers it; nbf == now is valid", () => {
    const t = hsToken({ alg: "HS256" }, { nbf: NOW + 100, exp: NOW + 1000 }, SECRET);
    const r = v(t, SECRET, { now: NOW });
    assertInvalid(r, "not_yet_valid");
    assert.equal(r.signatureValid, true);
    assert.equal(checkNamed(r, "nbf")?.ok, false);
    assertValid(v(t, SECRET, { now: NOW, leeway: 100 }));
    assertValid(v(t, SECRET, { now: NOW + 100 }));
    assertInvalid(v(t, SECRET, { now: NOW + 99 }), "not_yet_valid");
  });

  test("`now` defaults to the current time", () => {
    const t = nowSeconds();
    assertValid(v(hsToken({ alg: "HS256" }, { exp: t + 3600, nbf: t - 3600 }, SECRET), SECRET));
    assertInvalid(v(hsToken({ alg: "HS256" }, { exp: t - 3600 }, SECRET), SECRET), "expired");
    assertInvalid(v(hsToken({ alg: "HS256" }, { nbf: t + 3600 }, SECRET), SECRET), "not_yet_valid");
  });

  test("`now` is respected in both directions", () => {
    const t = hsToken({ alg: "HS256" }, { nbf: 1000, exp: 2000 }, SECRET);
    assertInvalid(v(t, SECRET, { now: 999 }), "not_yet_valid");
    assertValid(v(t, SECRET, { now: 1500 }));
    assertInvalid(v(t, SECRET, { now: 2001 }), "expired");
    // Without `now` (today) this 1970 token is expired.
    assertInvalid(v(t, SECRET), "expired");
  });

  test("exp / nbf / iat of the wrong type → claim_type", () => {
    for (const payload of [{ exp: String(NOW + 600) }, { exp: null }, { nbf: "0" }, { exp: true }, { iat: "yesterday" }, { exp: [NOW + 600] }]) {
      const t = hsToken({ alg: "HS256" }, payload, SECRET);
      const r = v(t, SECRET, { now: NOW });
      assertInvalid(r, "claim_type", `${JSON.stringify(payload)}: `);
      assert.equal(r.signatureValid, true);
    }
  });

  test("a fractional exp is a NumericDate (RFC 7519 §2) and is compared as such", () => {
    const t = hsToken({ alg: "HS256" }, { exp: NOW + 0.5 }, SECRET);
    assertValid(v(t, SECRET, { now: NOW }));
    assertInvalid(v(t, SECRET, { now: NOW + 1 }), "expired");
  });

  test("a payload that is not a JSON object → no throw, MAC still checked", () => {
    for (const payload of ["hello", "[1,2]", "42"]) {
      const t = hsToken('{"alg":"HS256"}', payload, SECRET, "HS256");
      const r = v(t, SECRET, { now: NOW });
      assert.equal(r.signatureValid, true, `${payload}: the MAC itself is right`);
      assert.deepEqual(r.payload, payload === "hello" ? "hello" : JSON.parse(payload));
    }
  });
});

describe("verify: keys", () => {
  const bytes = randomBytes(32);
  const k = b64u(bytes);
  const token = hsToken({ alg: "HS256", kid: "second" }, claims(), bytes);

  test("short secret → warning weak_key, verify still works", () => {
    const token5 = hsToken({ alg: "HS256" }, claims(), "short");
    const r = v(token5, "short", { now: NOW });
    assertValid(r);
    assertHasCode(r.warnings, "weak_key");
    assertLacksCode(r.errors, "weak_key");
    // A full-length secret carries no weak_key.
    assertLacksCode(v(token, k, { now: NOW, secretEncoding: "base64url" }).warnings, "weak_key");
    // HS512 with a 32-byte key is weak too (RFC 7518 §3.2: key ≥ hash output).
    const t512 = hsToken({ alg: "HS512" }, claims(), bytes);
    const r512 = v(t512, k, { now: NOW, secretEncoding: "base64url" });
    assertValid(r512);
    assertHasCode(r512.warnings, "weak_key");
  });

  test("empty secret → error invalid_key, no throw", () => {
    const r = v(token, "", { now: NOW });
    assertInvalid(r, "invalid_key");
    assert.equal(r.signatureValid, false);
    for (const enc of ["base64", "base64url", "hex"]) assertInvalid(v(token, "", { now: NOW, secretEncoding: enc }), "invalid_key");
    assertInvalid(v(token, { kty: "oct", k: "" }, { now: NOW }), "invalid_key");
  });

  test("oct JWK object and JWK JSON text", () => {
    const jwk = { kty: "oct", k };
    assertValid(v(token, jwk, { now: NOW }));
    assertValid(v(token, JSON.stringify(jwk), { now: NOW }));
    assertValid(v(token, `\n  ${JSON.stringify(jwk, null, 2)}\n`, { now: NOW }));
    assert.equal(v(token, jwk, { now: NOW }).keyThumbprint, octThumbprint(bytes));
    // A JWK with a different k does not verify.
    const other = v(token, { kty: "oct", k: b64u(randomBytes(32)) }, { now: NOW });
    assertInvalid(other, "signature_invalid");
  });

  test("JWKS picks the key by kid", () => {
    const jwks = {
      keys: [
        { kty: "oct", kid: "first", k: b64u(randomBytes(32)) },
        { kty: "oct", kid: "second", k },
        { kty: "oct", kid: "third", k: b64u(randomBytes(32)) },
      ],
    };
    const r = v(token, jwks, { now: NOW });
    assertValid(r);
    assert.equal(r.kid, "second");
    assert.equal(r.keyThumbprint, octThumbprint(bytes));
    assertValid(v(token, JSON.stringify(jwks), { now: NOW }));
    // A kid that is not in the set → key_not_found.
    const missing = hsToken({ alg: "HS256", kid: "nope" }, claims(), bytes);
    const r2 = v(missing, jwks, { now: NOW });
    assertInvalid(r2, "key_not_found");
    assert.equal(r2.signatureValid, false);
    // kid selects: a token whose kid names another key's slot does not verify with the wrong key.
    const wrongSlot = hsToken({ alg: "HS256", kid: "first" }, claims(), bytes);
    assertInvalid(v(wrongSlot, jwks, { now: NOW }), "signature_invalid");
  });

  test("empty JWKS → key_not_found or invalid_key, no throw", () => {
    const r = v(token, { keys: [] }, { now: NOW });
    assert.equal(r.valid, false);
    assert.ok(reportCodes(r).some((c) => c === "key_not_found" || c === "invalid_key"), JSON.stringify(r.errors));
  });

  test("importKey handle", () => {
    const h = importKey(k, { secretEncoding: "base64url" });
    assert.equal(h.kind, "secret");
    assert.equal(h.kty, "oct");
    assert.equal(h.bits, 256);
    assert.ok(h.algorithms.includes("HS256"), JSON.stringify(h.algorithms));
    assert.equal(h.thumbprint, octThumbprint(bytes));
    assert.equal(h.kid, null);
    assert.ok(Array.isArray(h.diagnostics));
    const r = v(token, h, { now: NOW });
    assertValid(r);
    assert.equal(r.keyThumbprint, octThumbprint(bytes));
    // Reusable: many verifies with one handle, and a failing one in between does not poison it.
    for (let i = 0; i < 50; i++) assertValid(v(token, h, { now: NOW }));
    assertInvalid(v(hsToken({ alg: "HS256" }, claims(), "other-secret-other-secret-other-s"), h, { now: NOW }), "signature_invalid");
    assertValid(v(token, h, { now: NOW }));
    // A handle from a UTF-8 secret, a JWK and a JWKS.
    assertValid(v(hsToken({ alg: "HS512" }, claims(), SECRET), importKey(SECRET), { now: NOW }));
    const hj = importKey({ kty: "oct", k, kid: "second" });
    assert.equal(hj.kid, "second");
    assert.equal(hj.thumbprint, octThumbprint(bytes));
    assertValid(v(token, hj, { now: NOW }));
    assertValid(v(token, importKey({ keys: [{ kty: "oct", kid: "second", k }] }), { now: NOW }));
  });

  test("importKey of a 64-byte secret fits every HS algorithm", () => {
    const h = importKey(randomBytes(64).toString("hex"), { secretEncoding: "hex" });
    assert.equal(h.bits, 512);
    assert.deepEqual([...h.algorithms].sort(), ["HS256", "HS384", "HS512"]);
  });

  test("importKey throws JwtLensError on an unusable key", () => {
    for (const input of ["", { kty: "oct" }, { kty: "oct", k: "" }, "{not json"]) {
      let err;
      try {
        importKey(input);
      } catch (e) {
        err = e;
      }
      // "{not json" may legitimately be a (weird) UTF-8 secret; the others must throw.
      if (input === "{not json" && err === undefined) continue;
      assert.ok(err instanceof lens.JwtLensError, `importKey(${JSON.stringify(input)}) must throw JwtLensError, got ${err}`);
      assert.equal(typeof err.code, "string");
    }
  });

  test("token-carried keys (jwk, x5c, jku, x5u) are ignored and reported", () => {
    const attacker = randomBytes(32);
    const embedded = {
      jwk: { kty: "oct", k: b64u(attacker) },
      x5c: ["MIIBkTCB+wIJAK=="],
      jku: "https://attacker.example/jwks.json",
      x5u: "https://attacker.example/cert.pem",
    };
    for (const [member, value] of Object.entries(embedded)) {
      // Signed with the caller's key: valid, with a warning.
      const good = hsToken({ alg: "HS256", [member]: value }, claims(), bytes);
      const r = v(good, k, { now: NOW, secretEncoding: "base64url" });
      assertValid(r, `${member}: `);
      assertHasCode(r.warnings, "embedded_key_ignored", `${member}: `);
      // Signed with the attacker's key: never valid, whatever key the caller passes.
      const forged = hsToken({ alg: "HS256", [member]: value }, claims(), attacker);
      for (const key of [k, "", { keys: [] }]) {
        const rf = v(forged, key, { now: NOW, secretEncoding: "base64url" });
        assert.equal(rf.signatureValid, false, `${member} with key ${JSON.stringify(key)}: the embedded key must never be used`);
        assert.equal(rf.valid, false);
      }
    }
  });
});

describe("verify: never throws", () => {
  const token = hsToken({ alg: "HS256" }, claims(), SECRET);
  const badKeys = [
    "",
    " ",
    "-----BEGIN PUBLIC KEY-----\nnot base64 at all\n-----END PUBLIC KEY-----",
    "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----",
    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
    "{not json",
    '{"kty":"oct"}',
    '{"keys":"nope"}',
    { kty: "oct" },
    { kty: "oct", k: "!!not base64url!!" },
    { kty: "oct", k: 42 },
    { kty: "RSA", n: "AQAB", e: "AQAB" },
    { kty: "EC", crv: "P-256", x: "AA", y: "AA" },
    { kty: "nope" },
    {},
    { keys: [] },
    { keys: [{}] },
    { keys: "x" },
    "\u0000\uD800",
    "a".repeat(1 << 20),
  ];
  test("bad keys → reports, not exceptions", () => {
    for (const key of badKeys) {
      const r = v(token, key, { now: NOW });
      assert.equal(r.valid, false, `key ${JSON.stringify(key).slice(0, 80)} must not verify`);
    }
  });

  const badTokens = ["", " ", "Bearer", "a.b.c", "..", "....", "a".repeat(2 * 1024 * 1024), "\uD800.\uDC00.", "eyJhbGciOiJIUzI1NiJ9..", `${token}.`, `${token} trailing`];
  test("bad tokens → reports with errors, not exceptions", () => {
    for (const t of badTokens) {
      const r = v(t, SECRET, { now: NOW });
      assert.equal(r.valid, false, `token ${JSON.stringify(t.slice(0, 60))}`);
      assert.equal(r.signatureValid, false);
      assert.ok(r.errors.length > 0);
    }
    assertHasCode(v("a".repeat(2 * 1024 * 1024), SECRET).errors, "too_large");
    assertHasCode(v("a.b", SECRET).errors, "malformed");
  });

  test("a JWE (5 segments) → not valid, and errors[] says why", () => {
    const jwe = `${b64u('{"alg":"dir","enc":"A128GCM"}')}..${b64u(randomBytes(12))}.${b64u(randomBytes(20))}.${b64u(randomBytes(16))}`;
    const r = v(jwe, SECRET, { now: NOW });
    assert.equal(r.valid, false);
    assert.equal(r.signatureValid, false);
    assert.ok(r.errors.length > 0, `errors[] must explain the failure, got ${JSON.stringify(r)}`);
  });

  test("non-finite now / leeway are caller mistakes (invalid_option), like a non-number", () => {
    const t = hsToken({ alg: "HS256" }, { exp: 1000 }, SECRET);
    for (const options of [{ now: NaN }, { now: Infinity }, { now: -Infinity }, { leeway: NaN }, { leeway: Infinity }]) {
      let err;
      let r;
      try {
        r = verify(t, SECRET, options);
      } catch (e) {
        err = e;
      }
      assert.ok(err instanceof lens.JwtLensError && err.code === "invalid_option",
        `${JSON.stringify(options, (k, x) => (typeof x === "number" ? String(x) : x))}: expected JwtLensError invalid_option, got ${err ? `${err.code}` : `a report (valid=${r.valid}, errors=${JSON.stringify(codes(r.errors))})`}`);
    }
    // The control: a non-number is already refused that way.
    assert.throws(() => verify(t, SECRET, { now: "soon" }), (e) => e instanceof lens.JwtLensError && e.code === "invalid_option");
  });

  test("Bearer-prefixed token verifies (same input rules as decode)", () => {
    const r = v(`Bearer ${token}`, SECRET, { now: NOW });
    assertValid(r);
  });

  test("non-string / null key or token: a report or a JwtLensError, never another exception", () => {
    for (const [t, key] of [[token, null], [token, undefined], [token, 42], [null, SECRET], [undefined, SECRET], [42, SECRET]]) {
      try {
        const r = verify(t, key, { now: NOW });
        assertReportShape(r);
        assert.equal(r.valid, false);
      } catch (e) {
        assert.ok(e instanceof lens.JwtLensError, `verify(${t === token ? "token" : t}, ${key}) threw ${e?.constructor?.name}: ${e?.message}`);
      }
    }
  });

  test("report shape: checks, errors and warnings", () => {
    const r = v(token, SECRET, { now: NOW });
    assert.deepEqual(Object.keys(r).sort(), ["alg", "checks", "errors", "header", "keyThumbprint", "kid", "matchedIndex", "matchedKid", "payload", "signatureIndex", "signatureValid", "valid", "warnings"]);
    const names = r.checks.map((c) => c.name);
    for (const n of ["signature", "exp", "nbf"]) assert.ok(names.includes(n), `check ${n} reported (got ${names})`);
    assert.equal(new Set(names).size, names.length, "check names are unique");
  });

  test("every failure is explained, not just the first (bad signature AND expired)", () => {
    const bad = v(token, `${SECRET}!`, { now: NOW + 10_000 });
    assert.deepEqual([...new Set(codes(bad.errors))].sort(), ["expired", "signature_invalid"]);
  });
});

test("verify: matchedKid and matchedIndex name the key of a JWK Set that verified", () => {
  const secrets = [randomBytes(32), randomBytes(32)];
  const jwks = { keys: secrets.map((s, i) => ({ kty: "oct", kid: `k${i}`, alg: "HS256", k: b64u(s) })) };
  const token = hsToken({ alg: "HS256", kid: "k1" }, claims(), secrets[1]);
  const r = v(token, jwks, { now: NOW });
  assert.equal(r.valid, true, JSON.stringify(r.errors));
  assert.equal(r.matchedKid, "k1");
  assert.equal(r.matchedIndex, 1);
  const single = v(token, jwks.keys[1], { now: NOW });
  assert.equal(single.valid, true);
  assert.equal(single.matchedKid, null, "one key is not a set");
  assert.equal(single.matchedIndex, null);
});
