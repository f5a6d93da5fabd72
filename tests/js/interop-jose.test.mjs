// Interop with panva/jose (npm `jose`), both directions, HS256/384/512, fresh random secrets each run.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import * as jose from "jose";
import { lens, b64u, HS_ALGS, HASH_BYTES, assertReportShape, assertHasCode } from "./helpers.mjs";

const { sign, verify, decode, generateKey } = lens;

/** Replaces the payload segment (signature kept): a classic tampering. */
function tamperPayload(token, claims) {
  const [h, , s] = token.split(".");
  return `${h}.${b64u(JSON.stringify(claims))}.${s}`;
}

/** Flips one bit in the middle of the signature (never only in the trailing padding bits). */
function tamperSignature(token) {
  const [h, p, s] = token.split(".");
  const sig = Buffer.from(s, "base64url");
  sig[sig.length >> 1] ^= 0x01;
  return `${h}.${p}.${b64u(sig)}`;
}

async function joseRejects(token, key, alg) {
  await assert.rejects(jose.jwtVerify(token, key, { algorithms: [alg] }), (e) => {
    assert.equal(e.code, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", `jose error: ${e.code} ${e.message}`);
    return true;
  });
}

for (const alg of HS_ALGS) {
  describe(`jose interop ${alg}`, () => {
    test("jose SignJWT → jwt-lens verify", async () => {
      for (const size of [HASH_BYTES[alg], HASH_BYTES[alg] + 17]) {
        const secret = randomBytes(size);
        const token = await new jose.SignJWT({ sub: "jose-user", scope: ["a", "b"], "urn:x": { y: 1 } })
          .setProtectedHeader({ alg, typ: "JWT", kid: "jose-kid" })
          .setIssuedAt()
          .setNotBefore("0s")
          .setExpirationTime("2h")
          .setIssuer("urn:jose")
          .setAudience("urn:lens")
          .sign(secret);
        for (const [key, options] of [
          [b64u(secret), { secretEncoding: "base64url" }],
          [secret.toString("base64"), { secretEncoding: "base64" }],
          [secret.toString("hex"), { secretEncoding: "hex" }],
          [{ kty: "oct", k: b64u(secret) }, {}],
          [{ keys: [{ kty: "oct", kid: "other", k: b64u(randomBytes(size)) }, { kty: "oct", kid: "jose-kid", k: b64u(secret) }] }, {}],
          [await jose.exportJWK(secret), {}],
        ]) {
          const r = assertReportShape(verify(token, key, options));
          assert.equal(r.valid, true, `${alg}/${size} bytes/${JSON.stringify(options)}: ${JSON.stringify(r.errors)}`);
          assert.equal(r.alg, alg);
          assert.equal(r.kid, "jose-kid");
          assert.deepEqual(r.payload, jose.decodeJwt(token));
          assert.deepEqual(r.header, jose.decodeProtectedHeader(token));
          assert.equal(r.keyThumbprint, await jose.calculateJwkThumbprint({ kty: "oct", k: b64u(secret) }));
        }
        // jwt-lens decode agrees with jose's decoders.
        const d = decode(token);
        assert.equal(d.kind, "jws");
        assert.deepEqual(d.payload, jose.decodeJwt(token));
        assert.deepEqual(d.header, jose.decodeProtectedHeader(token));
      }
    });

    test("jwt-lens sign → jose jwtVerify", async () => {
      const secret = randomBytes(HASH_BYTES[alg]);
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: "lens-user", iat: now, nbf: now - 5, exp: now + 3600, iss: "urn:lens", aud: "urn:jose", n: 1.5, ok: true, list: [null, "ü"] };
      for (const [key, options] of [
        [b64u(secret), { secretEncoding: "base64url" }],
        [secret.toString("hex"), { secretEncoding: "hex" }],
        [{ kty: "oct", k: b64u(secret) }, undefined],
      ]) {
        const token = sign({ alg, typ: "JWT", kid: "lens-kid" }, claims, key, options);
        const { payload, protectedHeader } = await jose.jwtVerify(token, secret, { algorithms: [alg], issuer: "urn:lens", audience: "urn:jose" });
        assert.deepEqual(payload, claims);
        assert.deepEqual(protectedHeader, { alg, typ: "JWT", kid: "lens-kid" });
        // jose also accepts it with the key imported from a JWK.
        const joseKey = await jose.importJWK({ kty: "oct", k: b64u(secret) }, alg);
        await jose.jwtVerify(token, joseKey, { algorithms: [alg] });
      }
    });

    test("a jwt-lens generated key works in jose", async () => {
      const g = generateKey(alg);
      const token = sign({ alg, kid: g.kid }, { sub: "gen" }, g.privateJwk);
      const key = await jose.importJWK(g.privateJwk, alg);
      const { payload } = await jose.jwtVerify(token, key, { algorithms: [alg] });
      assert.deepEqual(payload, { sub: "gen" });
      assert.equal(g.kid, await jose.calculateJwkThumbprint({ kty: "oct", k: g.privateJwk.k }));
    });

    test("tampered tokens are rejected by both", async () => {
      const secret = randomBytes(HASH_BYTES[alg]);
      const joseToken = await new jose.SignJWT({ sub: "victim", admin: false }).setProtectedHeader({ alg }).setExpirationTime("1h").sign(secret);
      const lensToken = sign({ alg }, { sub: "victim", admin: false, exp: Math.floor(Date.now() / 1000) + 3600 }, b64u(secret), { secretEncoding: "base64url" });
      for (const original of [joseToken, lensToken]) {
        for (const forged of [tamperPayload(original, { sub: "victim", admin: true, exp: 4102444800 }), tamperSignature(original)]) {
          const r = assertReportShape(verify(forged, b64u(secret), { secretEncoding: "base64url" }));
          assert.equal(r.valid, false);
          assert.equal(r.signatureValid, false);
          assertHasCode(r.errors, "signature_invalid");
          await joseRejects(forged, secret, alg);
        }
        // Same token, wrong key: both reject.
        const other = randomBytes(HASH_BYTES[alg]);
        assert.equal(verify(original, b64u(other), { secretEncoding: "base64url" }).valid, false);
        await joseRejects(original, other, alg);
      }
    });
  });
}

test("jose and jwt-lens agree on expiry at a pinned clock", async () => {
  const secret = randomBytes(32);
  const token = await new jose.SignJWT({ sub: "t" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(2_000_000_000).sign(secret);
  const key = b64u(secret);
  const opts = { secretEncoding: "base64url" };
  // Before exp: both accept.
  assert.equal(verify(token, key, { ...opts, now: 1_999_999_999 }).valid, true);
  await jose.jwtVerify(token, secret, { currentDate: new Date(1_999_999_999 * 1000) });
  // At exp: both reject ("now MUST be before exp", RFC 7519 §4.1.4).
  assertHasCode(verify(token, key, { ...opts, now: 2_000_000_000 }).errors, "expired");
  await assert.rejects(jose.jwtVerify(token, secret, { currentDate: new Date(2_000_000_000 * 1000) }), { code: "ERR_JWT_EXPIRED" });
});
