// sign(header, payload, key, options) and generateKey(alg) — DESIGN §3.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import {
  lens, b64u, hmacB64u, octThumbprint, HS_ALGS, HASH_BYTES, assertThrowsLens, assertReportShape, assertHasCode,
} from "./helpers.mjs";

const { sign, verify, decode, generateKey, importKey, JwtLensError } = lens;
const NOW = 1_800_000_000;

/** Checks a compact JWS's MAC with node:crypto (independent of jwt-lens). */
function macOk(token, alg, keyBytes) {
  const [h, p, s] = token.split(".");
  return hmacB64u(alg, keyBytes, `${h}.${p}`) === s;
}

describe("sign: round trips", () => {
  for (const alg of HS_ALGS) {
    test(`${alg}: sign → verify, MAC checked independently`, () => {
      const bytes = randomBytes(HASH_BYTES[alg]);
      const header = { alg, typ: "JWT", kid: "k-1" };
      const payload = { sub: "user", name: "Zoë ✓", n: 42, nested: { a: [1, 2] }, exp: NOW + 60 };
      const token = sign(header, payload, b64u(bytes), { secretEncoding: "base64url" });
      assert.equal(typeof token, "string");
      assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "compact serialisation, base64url without padding");
      assert.ok(macOk(token, alg, bytes), "the MAC is HMAC over the first two segments with the decoded key");
      assert.equal(Buffer.from(token.split(".")[2], "base64url").length, HASH_BYTES[alg], "full-length tag");
      const d = decode(token);
      assert.equal(d.kind, "jws");
      assert.deepEqual(d.header, header);
      assert.deepEqual(d.payload, payload);
      const r = assertReportShape(verify(token, b64u(bytes), { secretEncoding: "base64url", now: NOW }));
      assert.equal(r.valid, true, JSON.stringify(r.errors));
      assert.deepEqual(r.payload, payload);
    });
  }

  test("UTF-8 secret (default), hex, base64, JWK object, JWK text and importKey handle all sign the same bytes", () => {
    const bytes = randomBytes(32);
    const header = { alg: "HS256" };
    const payload = { sub: "same" };
    const variants = [
      [bytes.toString("hex"), { secretEncoding: "hex" }],
      [bytes.toString("base64"), { secretEncoding: "base64" }],
      [b64u(bytes), { secretEncoding: "base64url" }],
      [{ kty: "oct", k: b64u(bytes) }, undefined],
      [JSON.stringify({ kty: "oct", k: b64u(bytes) }), undefined],
      [importKey(b64u(bytes), { secretEncoding: "base64url" }), undefined],
    ];
    const tokens = variants.map(([key, opts]) => sign(header, payload, key, opts));
    for (const t of tokens) assert.ok(macOk(t, "HS256", bytes), `MAC with the decoded key: ${t}`);
    const utf8 = "a-utf8-secret-of-at-least-32-bytes-✓";
    assert.ok(macOk(sign(header, payload, utf8), "HS256", Buffer.from(utf8, "utf8")), "UTF-8 secret by default");
  });

  test("string header and payload are signed verbatim (exact text kept)", () => {
    const headerText = '{"typ":"JWT",\r\n "alg":"HS256"}';
    const payloadText = '{"iss":"joe",\r\n "exp":1300819380,\r\n "big":12345678901234567890}';
    const secret = "string-header-secret-0123456789abcdef";
    const token = sign(headerText, payloadText, secret);
    const [h, p] = token.split(".");
    assert.equal(Buffer.from(h, "base64url").toString("utf8"), headerText);
    assert.equal(Buffer.from(p, "base64url").toString("utf8"), payloadText);
    assert.ok(macOk(token, "HS256", Buffer.from(secret)));
    assert.equal(decode(token).payloadJson, payloadText);
  });

  test("the kid of a JWK is not silently dropped, header members are kept", () => {
    const bytes = randomBytes(32);
    const token = sign({ alg: "HS256", kid: "mine", "urn:x": [1, { y: null }] }, { a: 1 }, { kty: "oct", k: b64u(bytes), kid: "mine" });
    assert.deepEqual(decode(token).header, { alg: "HS256", kid: "mine", "urn:x": [1, { y: null }] });
  });
});

describe("sign: caller mistakes throw JwtLensError", () => {
  const secret = "caller-mistake-secret-0123456789abcdefghij-0123456789abcdefghijk"; // 64 bytes

  test("JwtLensError is an exported Error subclass", () => {
    assert.equal(typeof JwtLensError, "function");
    assert.ok(JwtLensError.prototype instanceof Error);
  });

  test("header.alg missing → throws JwtLensError with .code", () => {
    assertThrowsLens(() => sign({ typ: "JWT" }, { a: 1 }, secret), undefined, "missing alg: ");
    assertThrowsLens(() => sign({}, { a: 1 }, secret), undefined, "empty header: ");
    assertThrowsLens(() => sign('{"typ":"JWT"}', '{"a":1}', secret), undefined, "string header without alg: ");
  });

  test("alg that does not fit the key → key_alg_mismatch or unsupported_alg", () => {
    for (const alg of ["RS256", "ES256", "PS256", "EdDSA"]) {
      assertThrowsLens(() => sign({ alg }, { a: 1 }, secret), ["key_alg_mismatch", "unsupported_alg"], `${alg}: `);
    }
    assertThrowsLens(() => sign({ alg: "HS999" }, { a: 1 }, secret), ["unsupported_alg", "key_alg_mismatch"], "HS999: ");
  });

  test("alg none is refused: sign never produces an unsecured token", () => {
    for (const alg of ["none", "None"]) {
      assertThrowsLens(() => sign({ alg }, { a: 1 }, secret), undefined, `${alg}: `);
    }
  });

  test("a JWK whose alg differs from header.alg → throws", () => {
    const jwk = { kty: "oct", k: b64u(randomBytes(64)), alg: "HS512" };
    assertThrowsLens(() => sign({ alg: "HS256" }, { a: 1 }, jwk), ["key_alg_mismatch", "alg_not_allowed"]);
  });

  test("crit that jwt-lens cannot honour → throws (sign never emits a token its own verify rejects)", () => {
    const key = "crit-secret-0123456789abcdef-0123";
    for (const header of [
      { alg: "HS256", crit: ["urn:example:ext"], "urn:example:ext": 1 },
      { alg: "HS256", crit: [] },
      { alg: "HS256", crit: ["b64"], b64: false },
      { alg: "HS256", crit: "nope" },
    ]) {
      let token;
      let err;
      try {
        token = sign(header, { a: 1 }, key);
      } catch (e) {
        err = e;
      }
      const got = err ? `${err.constructor.name} ${err.code}` : `a token whose verify errors are ${JSON.stringify(verify(token, key).errors.map((x) => x.code))}`;
      assert.ok(err instanceof JwtLensError, `sign(${JSON.stringify(header)}) must throw JwtLensError, got ${got}`);
      assert.ok(["crit_unsupported", "b64_invalid", "invalid_option"].includes(err.code), `code for ${JSON.stringify(header)}: ${err.code}`);
    }
  });

  test("secret shorter than the hash → weak_key", () => {
    for (const alg of HS_ALGS) {
      const n = HASH_BYTES[alg];
      assertThrowsLens(() => sign({ alg }, { a: 1 }, b64u(randomBytes(n - 1)), { secretEncoding: "base64url" }), "weak_key", `${alg} ${n - 1} bytes: `);
      // Exactly the hash length is fine.
      const ok = sign({ alg }, { a: 1 }, b64u(randomBytes(n)), { secretEncoding: "base64url" });
      assert.equal(ok.split(".").length, 3);
    }
    assertThrowsLens(() => sign({ alg: "HS256" }, { a: 1 }, "short"), "weak_key", "utf8 'short': ");
    assertThrowsLens(() => sign({ alg: "HS512" }, { a: 1 }, b64u(randomBytes(32)), { secretEncoding: "base64url" }), "weak_key", "HS512 with 32 bytes: ");
  });

  test("empty secret → invalid_key", () => {
    assertThrowsLens(() => sign({ alg: "HS256" }, { a: 1 }, ""), "invalid_key");
    assertThrowsLens(() => sign({ alg: "HS256" }, { a: 1 }, "", { secretEncoding: "hex" }), "invalid_key");
    assertThrowsLens(() => sign({ alg: "HS256" }, { a: 1 }, { kty: "oct", k: "" }), "invalid_key");
  });

  test("a PEM public key as an HS secret → throws (never HMAC material)", () => {
    const pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQ0O4qTvMrub/iTi2MEeYIxpYEPXn\nA8QiyIDmgOEAJA0VwbkOBxfoPl/zuC1RZB5UcxPbjWnDgjjDl8BVttLjRQ==\n-----END PUBLIC KEY-----\n";
    assertThrowsLens(() => sign({ alg: "HS256" }, { a: 1 }, pem), ["key_alg_mismatch", "invalid_key"]);
  });

  test("a secret that is not valid in the stated encoding → throws", () => {
    assertThrowsLens(() => sign({ alg: "HS256" }, { a: 1 }, "zz".repeat(40), { secretEncoding: "hex" }), ["invalid_key", "secret_encoding_hint"]);
  });

  test("thrown errors carry no secret", () => {
    const s = "do-not-leak-this-secret-value-00";
    for (const fn of [() => sign({ alg: "RS256" }, { a: 1 }, s), () => sign({ alg: "HS512" }, { a: 1 }, s)]) {
      const err = assertThrowsLens(fn);
      assert.ok(!`${err.message} ${err.hint ?? ""} ${err.stack}`.includes(s), "the secret must not appear in the error");
    }
  });
});

describe("generateKey", () => {
  for (const alg of HS_ALGS) {
    test(`${alg}: ${HASH_BYTES[alg]}-byte base64url secret, RFC 7638 kid, fresh each call`, () => {
      const a = generateKey(alg);
      const b = generateKey(alg);
      for (const g of [a, b]) {
        assert.equal(g.alg, alg);
        assert.equal(typeof g.secret, "string");
        assert.match(g.secret, /^[A-Za-z0-9_-]+$/, "base64url without padding");
        const bytes = Buffer.from(g.secret, "base64url");
        assert.equal(bytes.length, HASH_BYTES[alg]);
        assert.equal(b64u(bytes), g.secret, "canonical base64url");
        assert.equal(g.privateJwk.kty, "oct");
        assert.equal(g.privateJwk.k, g.secret);
        assert.equal(g.publicJwk, null, "an HMAC secret has no public half");
        // RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace.
        const expected = createHash("sha256").update(`{"k":"${g.secret}","kty":"oct"}`).digest("base64url");
        assert.equal(g.kid, expected);
        assert.equal(g.kid, octThumbprint(bytes));
        if (g.privateJwk.kid !== undefined) assert.equal(g.privateJwk.kid, g.kid);
        if (g.privateJwk.alg !== undefined) assert.equal(g.privateJwk.alg, alg);
        assert.equal(g.privatePem, undefined);
        assert.equal(g.publicPem, undefined);
      }
      assert.notEqual(a.secret, b.secret, "fresh randomness each call");
      assert.notEqual(a.kid, b.kid);
      // The secret is not all zeros / low entropy.
      assert.ok(new Set(Buffer.from(a.secret, "base64url")).size > 8);
    });

    test(`${alg}: a generated key signs and verifies (secret, JWK, handle)`, () => {
      const g = generateKey(alg);
      const t1 = sign({ alg, kid: g.kid }, { sub: "gen", exp: NOW + 60 }, g.secret, { secretEncoding: "base64url" });
      assert.ok(macOk(t1, alg, Buffer.from(g.secret, "base64url")));
      const r = verify(t1, g.privateJwk, { now: NOW });
      assert.equal(r.valid, true, JSON.stringify(r.errors));
      assert.equal(r.keyThumbprint, g.kid);
      assert.equal(r.warnings.some((w) => w.code === "weak_key"), false, "a generated key is never weak");
      const t2 = sign({ alg }, { sub: "gen" }, g.privateJwk);
      assert.equal(verify(t2, g.secret, { secretEncoding: "base64url" }).valid, true);
      const h = importKey(g.privateJwk);
      assert.equal(h.thumbprint, g.kid);
      assert.ok(h.algorithms.includes(alg));
      assert.equal(verify(sign({ alg }, { sub: "h" }, h), h).valid, true);
    });
  }

  test("size option: larger secrets; smaller than the hash is refused", () => {
    const g = generateKey("HS256", { size: 64 });
    assert.equal(Buffer.from(g.secret, "base64url").length, 64);
    assert.equal(g.kid, octThumbprint(Buffer.from(g.secret, "base64url")));
    assertThrowsLens(() => generateKey("HS256", { size: 16 }), ["weak_key", "invalid_option"]);
    assertThrowsLens(() => generateKey("HS512", { size: 32 }), ["weak_key", "invalid_option"]);
  });

  test("unknown alg → JwtLensError", () => {
    assertThrowsLens(() => generateKey("HS1024"), ["unsupported_alg", "invalid_option"]);
    assertThrowsLens(() => generateKey("none"), ["unsupported_alg", "alg_none", "invalid_option"]);
  });

  test("many generated keys are all distinct", () => {
    const kids = new Set(Array.from({ length: 200 }, () => generateKey("HS256").kid));
    assert.equal(kids.size, 200);
  });
});

describe("verify after sign with a wrong key", () => {
  test("round trip fails with another generated key", () => {
    const a = generateKey("HS256");
    const b = generateKey("HS256");
    const t = sign({ alg: "HS256" }, { x: 1 }, a.privateJwk);
    const r = assertReportShape(verify(t, b.privateJwk));
    assert.equal(r.valid, false);
    assertHasCode(r.errors, "signature_invalid");
  });
});
