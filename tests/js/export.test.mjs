// exportKey(input, options): PEM ↔ JWK ↔ JWK Set, checked against node:crypto's own conversions.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { lens, assertThrowsLens } from "./helpers.mjs";

const { exportKey, generateKey, importKey } = lens;

/** RFC 7638 thumbprint computed here: the required members in lexicographic order, SHA-256. */
function thumbprint(jwk) {
  const required = { EC: ["crv", "kty", "x", "y"], RSA: ["e", "kty", "n"], OKP: ["crv", "kty", "x"] }[jwk.kty];
  const canonical = JSON.stringify(Object.fromEntries(required.map((name) => [name, jwk[name]])));
  return createHash("sha256").update(canonical).digest("base64url");
}

/** The engine names an EC key's one algorithm (`alg`), as the curve fixes it; node:crypto does not. */
const CURVE_ALG = { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512", secp256k1: "ES256K" };
function withoutAlg(text) {
  const { alg, ...jwk } = JSON.parse(text);
  assert.equal(alg, CURVE_ALG[jwk.crv], "alg is the curve's, or absent");
  return jwk;
}

const PAIRS = {
  "RSA 2048": () => generateKeyPairSync("rsa", { modulusLength: 2048 }),
  "P-256": () => generateKeyPairSync("ec", { namedCurve: "P-256" }),
  "P-384": () => generateKeyPairSync("ec", { namedCurve: "P-384" }),
  secp256k1: () => generateKeyPairSync("ec", { namedCurve: "secp256k1" }),
  Ed25519: () => generateKeyPairSync("ed25519"),
};

describe("exportKey against node:crypto", () => {
  for (const [name, make] of Object.entries(PAIRS)) {
    test(`${name}: PKCS#8 PEM → private and public JWK, JWK → SPKI PEM, JWKS kid = thumbprint`, () => {
      const { privateKey, publicKey } = make();
      const privatePem = privateKey.export({ type: "pkcs8", format: "pem" });
      const nodePrivateJwk = privateKey.export({ format: "jwk" });
      const nodePublicJwk = publicKey.export({ format: "jwk" });

      assert.deepEqual(withoutAlg(exportKey(privatePem, { private: true })), nodePrivateJwk);
      assert.deepEqual(withoutAlg(exportKey(privatePem)), nodePublicJwk);
      assert.equal(exportKey(nodePublicJwk, { format: "pem" }), publicKey.export({ type: "spki", format: "pem" }));
      // The private PEM written by jwt-lens is a PKCS#8 node:crypto reads as the same key.
      const roundTrip = createPrivateKey(exportKey(nodePrivateJwk, { format: "pem", private: true }));
      assert.deepEqual(roundTrip.export({ format: "jwk" }), nodePrivateJwk);

      const set = JSON.parse(exportKey(privatePem, { format: "jwks" }));
      assert.equal(set.keys.length, 1);
      assert.equal(set.keys[0].kid, thumbprint(nodePublicJwk));
      assert.equal(set.keys[0].kid, importKey(privatePem).thumbprint);
      assert.equal(set.keys[0].d, undefined, "a public JWK Set carries no private member");
      assert.deepEqual(createPublicKey({ key: set.keys[0], format: "jwk" }).export({ format: "jwk" }), nodePublicJwk);
    });
  }

  test("ML-DSA: generated keys convert both ways", () => {
    const key = generateKey("ML-DSA-44");
    const fromPem = JSON.parse(exportKey(key.privatePem, { private: true }));
    assert.equal(fromPem.kty, "AKP");
    assert.equal(fromPem.priv, key.privateJwk.priv);
    assert.equal(exportKey(key.publicJwk, { format: "pem" }), key.publicPem);
  });

  test("a JWK Set of several keys: every key, in order, as a set or as PEM blocks", () => {
    const a = generateKey("ES256");
    const b = generateKey("EdDSA");
    const set = JSON.stringify({ keys: [a.privateJwk, b.publicJwk] });
    const out = JSON.parse(exportKey(set, { format: "jwks" }));
    assert.deepEqual(out.keys.map((k) => k.kid), [a.kid, b.kid]);
    assert.equal(exportKey(set, { format: "pem" }), a.publicPem + b.publicPem);
    assertThrowsLens(() => exportKey(set, { format: "jwk" }), "invalid_option");
    assertThrowsLens(() => exportKey(set, { format: "jwks", private: true }), "invalid_option"); // b is public only
  });
});

describe("exportKey refuses what a key cannot be", () => {
  test("a secret is only an oct JWK, and only when private is asked for", () => {
    const secret = "0123456789abcdef0123456789abcdef";
    assert.deepEqual(JSON.parse(exportKey(secret, { private: true })), { kty: "oct", k: Buffer.from(secret).toString("base64url") });
    assert.equal(JSON.parse(exportKey(secret, { private: true, secretEncoding: "hex" })).k, Buffer.from(secret, "hex").toString("base64url"));
    assertThrowsLens(() => exportKey(secret), "invalid_option");
    assertThrowsLens(() => exportKey(secret, { format: "pem", private: true }), "invalid_option");
  });

  test("a public key has no private half; bad options and key handles are caller errors", () => {
    const { publicPem } = generateKey("ES256");
    assertThrowsLens(() => exportKey(publicPem, { private: true }), "invalid_option");
    assertThrowsLens(() => exportKey(publicPem, { format: "der" }), "invalid_option");
    assertThrowsLens(() => exportKey(publicPem, { private: "yes" }), "invalid_option");
    assertThrowsLens(() => exportKey(importKey(publicPem)), "invalid_option");
    assertThrowsLens(() => exportKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"), "invalid_key");
  });
});
