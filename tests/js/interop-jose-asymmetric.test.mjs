// Interop with panva/jose (npm `jose`) for the asymmetric algorithms jose supports, both
// directions, with key pairs generated fresh on each run by both sides, in PEM and JWK form.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import * as jose from "jose";
import { lens } from "./helpers.mjs";

const { sign, verify, generateKey, importKey } = lens;
const ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];
const claims = () => ({ sub: "interop", exp: Math.floor(Date.now() / 1000) + 300 });

for (const alg of ALGS) {
  describe(`jose interop ${alg}`, () => {
    test("jose signs with its fresh key → jwt-lens verifies with the PEM and the JWK", async () => {
      const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined });
      const token = await new jose.SignJWT(claims()).setProtectedHeader({ alg }).sign(privateKey);
      const pem = await jose.exportSPKI(publicKey);
      const jwk = await jose.exportJWK(publicKey);
      for (const key of [pem, jwk, JSON.stringify(jwk), importKey(pem)]) {
        const report = verify(token, key);
        assert.equal(report.valid, true, JSON.stringify(report.errors));
      }
      const [h, p, s] = token.split(".");
      const flipped = Buffer.from(s, "base64url");
      flipped[3] ^= 1;
      assert.equal(verify(`${h}.${p}.${flipped.toString("base64url")}`, pem).valid, false, "tampered");
    });

    test("jwt-lens signs with its fresh key → jose verifies with the exported public key", async () => {
      const generated = generateKey(alg);
      const token = sign({ alg, kid: generated.kid }, claims(), generated.privateJwk);
      const publicKey = await jose.importJWK({ ...generated.publicJwk, alg }, alg);
      const { payload, protectedHeader } = await jose.jwtVerify(token, publicKey, { algorithms: [alg] });
      assert.equal(payload.sub, "interop");
      assert.equal(protectedHeader.kid, generated.kid);
      assert.equal(await jose.calculateJwkThumbprint(generated.publicJwk), generated.kid, "kid is the RFC 7638 thumbprint");
      const fromPem = await jose.importSPKI(generated.publicPem, alg);
      assert.equal((await jose.jwtVerify(token, fromPem, { algorithms: [alg] })).payload.sub, "interop", "the public PEM is the same key");
      const privateFromPem = await jose.importPKCS8(generated.privatePem, alg);
      const joseToken = await new jose.SignJWT(claims()).setProtectedHeader({ alg }).sign(privateFromPem);
      assert.equal(verify(joseToken, generated.publicJwk).valid, true, "the private PEM is the same key");
    });

    test("jwt-lens signs with jose's PKCS#8 private key → jose verifies", async () => {
      const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined });
      const token = sign({ alg }, claims(), await jose.exportPKCS8(privateKey));
      const { payload } = await jose.jwtVerify(token, publicKey, { algorithms: [alg] });
      assert.equal(payload.sub, "interop");
    });
  });
}
