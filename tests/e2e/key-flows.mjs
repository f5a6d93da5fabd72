// Flows with asymmetric keys, run against both faces: ES256 verified from a PEM public key, a
// JWK Set chosen by kid (and the page saying which key), a key file picked or dropped, and the
// key generator's key signing in the encoder and verifying in the decoder. Keys are made fresh
// by node:crypto on each run, and tokens are signed and checked by node:crypto, so the engine is
// tested against an independent implementation.

import assert from "node:assert/strict";
import { createHash, createPublicKey, generateKeyPairSync, sign as cryptoSign, verify as cryptoVerify } from "node:crypto";
import { b64url, expectState, hmacSignature } from "./support.mjs";

/** A fresh P-256 key pair: PEM texts and JWKs. */
export function p256Pair(kid) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    privateKey,
    publicPem: publicKey.export({ type: "spki", format: "pem" }),
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }),
    publicJwk: { ...publicKey.export({ format: "jwk" }), ...(kid ? { kid } : {}) },
  };
}

/** An ES256 token over `payload`, signed by node:crypto (raw r||s, as JWS needs). */
export function es256Token(privateKey, payload, extraHeader = {}) {
  const input = `${b64url(JSON.stringify({ alg: "ES256", typ: "JWT", ...extraHeader }))}.${b64url(JSON.stringify(payload))}`;
  const signature = cryptoSign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" });
  return `${input}.${signature.toString("base64url")}`;
}

/** RFC 7638 thumbprint of an EC public JWK, computed here, independently of the engine. */
export function ecThumbprint({ crv, x, y }) {
  return createHash("sha256").update(JSON.stringify({ crv, kty: "EC", x, y })).digest("base64url");
}

async function keyField(page, field) {
  return (await page.getByTestId("key-info").locator(`[data-field="${field}"]`).textContent()).trim();
}

/** ES256 + PEM public key: verified, with the key's facts shown; a tampered token is invalid. */
export async function es256PemFlow(page) {
  const pair = p256Pair();
  const token = es256Token(pair.privateKey, { sub: "es256-e2e" });
  await page.getByTestId("token-input").fill(token);
  await page.getByTestId("secret-input").fill(pair.publicPem);
  await expectState(page, "verified");
  assert.match(await keyField(page, "kind"), /^public key/);
  assert.equal(await keyField(page, "kty"), "EC");
  assert.equal(await keyField(page, "curve"), "P-256");
  assert.equal(await keyField(page, "format"), "PEM");
  assert.equal(await keyField(page, "thumbprint"), ecThumbprint(pair.publicJwk));
  // The encoding picker means nothing for a PEM key: it is disabled, and the page says why.
  assert.equal(await page.getByTestId("secret-encoding").isDisabled(), true);
  assert.match(await page.getByTestId("secret-encoding-note").textContent(), /only applies to secrets/);

  const [header, , signature] = token.split(".");
  await page.getByTestId("token-input").fill(`${header}.${b64url('{"sub":"es256-e2f"}')}.${signature}`);
  await expectState(page, "invalid");
  // Another key of the same curve does not verify it either.
  await page.getByTestId("token-input").fill(token);
  await page.getByTestId("secret-input").fill(p256Pair().publicPem);
  await expectState(page, "invalid");
}

/** A JWK Set: the token's kid picks the key, and the page names the key that verified. */
export async function jwksFlow(page) {
  const first = p256Pair("first");
  const second = p256Pair("second");
  const jwks = JSON.stringify({ keys: [first.publicJwk, second.publicJwk] }, null, 2);
  await page.getByTestId("secret-input").fill(jwks);
  for (const [pair, kid] of [[second, "second"], [first, "first"]]) {
    await page.getByTestId("token-input").fill(es256Token(pair.privateKey, { sub: kid }, { kid }));
    await expectState(page, "verified");
    const match = page.getByTestId("key-match");
    assert.equal(await match.getAttribute("data-thumbprint"), ecThumbprint(pair.publicJwk));
    assert.match(await match.textContent(), new RegExp(`kid "${kid}"`));
  }
  assert.equal(await keyField(page, "format"), "JWK Set");
  assert.equal(await keyField(page, "key-count"), "2");
  // A kid that is not in the set is key_not_found, not a silent try-every-key.
  await page.getByTestId("token-input").fill(es256Token(p256Pair().privateKey, { sub: "x" }, { kid: "absent" }));
  await expectState(page, "invalid");
}

/** A key file picked with the file button, then one dropped onto the key box. */
export async function keyFileFlow(page) {
  const pair = p256Pair();
  const token = es256Token(pair.privateKey, { sub: "file" });
  await page.getByTestId("token-input").fill(token);
  await page.getByTestId("secret-input").fill("");
  await page.getByTestId("key-file").setInputFiles({ name: "public.pem", mimeType: "application/x-pem-file", buffer: Buffer.from(pair.publicPem) });
  await expectState(page, "verified");
  assert.equal(await page.getByTestId("secret-input").inputValue(), pair.publicPem);

  // A binary DER file (PKCS#8) is carried into the box as hex, which the engine reads as DER.
  const der = pair.privateKey.export({ type: "pkcs8", format: "der" });
  await page.getByTestId("key-file").setInputFiles({ name: "private.der", mimeType: "application/octet-stream", buffer: der });
  await page.waitForFunction((hex) => document.querySelector('[data-testid="secret-input"]').value === hex, der.toString("hex"));
  await expectState(page, "verified");
  assert.match(await keyField(page, "format"), /^DER/);

  // A dropped private key (SEC1 "EC PRIVATE KEY"): its public half verifies.
  const sec1 = pair.privateKey.export({ type: "sec1", format: "pem" });
  await page.getByTestId("secret-input").fill("");
  await expectState(page, "unverified");
  await page.getByTestId("secret-input").evaluate((box, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "key.pem", { type: "application/x-pem-file" }));
    box.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    box.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, sec1);
  await expectState(page, "verified");
  assert.equal(await page.getByTestId("secret-input").inputValue(), sec1);
  assert.match(await keyField(page, "kind"), /^private key/);
}

/** The generator's key signs in the encoder and verifies in the decoder (and in node:crypto). */
export async function generatorFlow(page, alg = "ES256") {
  await page.getByTestId("tab-keys").click();
  await page.getByTestId("keygen-alg").selectOption(alg);
  await page.getByTestId("keygen-generate").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="keygen-public"]').value !== "");
  const publicJwk = JSON.parse(await page.getByTestId("keygen-public").inputValue());
  const privateJwk = JSON.parse(await page.getByTestId("keygen-private").inputValue());
  assert.ok(typeof privateJwk.d === "string" && publicJwk.d === undefined, "the private JWK has d, the public one not");
  assert.equal((await page.getByTestId("keygen-kid").textContent()).trim(), publicJwk.kid);

  await page.getByTestId("keygen-use-encoder").click();
  await page.getByTestId("encoder-output").waitFor({ state: "visible" });
  assert.equal(await page.getByTestId("encoder-alg").inputValue(), alg);
  await page.getByTestId("encoder-payload").fill(JSON.stringify({ sub: `generated-${alg}` }));
  await page.waitForFunction(() => document.querySelector('[data-testid="encoder-output"]').value !== "");
  const token = await page.getByTestId("encoder-output").inputValue();
  const [header, payload, signature] = token.split(".");
  assert.equal(JSON.parse(Buffer.from(header, "base64url")).alg, alg);
  const { kid: _kid, alg: _alg, ...plain } = publicJwk;
  const hash = { ES256: "sha256", ES384: "sha384", ES512: "sha512", ES256K: "sha256" }[alg] ?? null;
  assert.ok(
    cryptoVerify(hash, Buffer.from(`${header}.${payload}`), { key: createPublicKey({ key: plain, format: "jwk" }), dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url")),
    "node:crypto verifies the encoder's token with the generated public key",
  );

  await page.getByTestId("encoder-open").click();
  await expectState(page, "verified");
  assert.equal(await page.getByTestId("token-input").inputValue(), token);
  assert.equal(JSON.parse(await page.getByTestId("secret-input").inputValue()).x, publicJwk.x, "the decoder got the public key");

  // "Use public key in verifier" hands the same public key over, keeping the token.
  await page.getByTestId("tab-keys").click();
  await page.getByTestId("secret-input").evaluate((box) => {
    box.value = "";
  });
  await page.getByTestId("keygen-use-verifier").click();
  await expectState(page, "verified");
  assert.equal(await page.getByTestId("token-input").inputValue(), token);
}

/** The encoder signs with pasted private keys (PKCS#8 PEM for P-384, Ed25519 and secp256k1). */
export async function encoderPrivateKeyFlow(page) {
  const cases = [
    ["ES384", generateKeyPairSync("ec", { namedCurve: "P-384" }), "sha384"],
    ["ES256K", generateKeyPairSync("ec", { namedCurve: "secp256k1" }), "sha256"],
    ["EdDSA", generateKeyPairSync("ed25519"), null],
  ];
  await page.getByTestId("tab-encode").click();
  for (const [alg, { privateKey, publicKey }, hash] of cases) {
    const before = await page.getByTestId("encoder-output").inputValue();
    await page.getByTestId("encoder-alg").selectOption(alg);
    await page.getByTestId("encoder-secret").fill(privateKey.export({ type: "pkcs8", format: "pem" }));
    await page.waitForFunction((previous) => {
      const value = document.querySelector('[data-testid="encoder-output"]').value;
      return value !== "" && value !== previous;
    }, before);
    const token = await page.getByTestId("encoder-output").inputValue();
    const [header, payload, signature] = token.split(".");
    assert.equal(JSON.parse(Buffer.from(header, "base64url")).alg, alg);
    assert.ok(
      cryptoVerify(hash, Buffer.from(`${header}.${payload}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url")),
      `node:crypto verifies the encoder's ${alg} token`,
    );
    assert.equal(await page.getByTestId("encoder-secret-encoding").isDisabled(), true, "no encoding for a PEM key");
  }
}

/** A generated HMAC secret (base64url) signs in the encoder and verifies in the decoder. */
export async function generatorSecretFlow(page, alg = "HS384") {
  await page.getByTestId("tab-keys").click();
  await page.getByTestId("keygen-alg").selectOption(alg);
  await page.getByTestId("keygen-generate").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="keygen-secret"]').value !== "");
  const secret = await page.getByTestId("keygen-secret").inputValue();
  assert.equal(await page.getByTestId("keygen-public").inputValue(), "", "a secret has no public half");
  assert.equal(JSON.parse(await page.getByTestId("keygen-private").inputValue()).k, secret);

  await page.getByTestId("keygen-use-encoder").click();
  await page.getByTestId("encoder-payload").fill(JSON.stringify({ sub: `generated-${alg}` }));
  await page.waitForFunction(() => document.querySelector('[data-testid="encoder-output"]').value !== "");
  const token = await page.getByTestId("encoder-output").inputValue();
  const [header, payload, signature] = token.split(".");
  assert.equal(JSON.parse(Buffer.from(header, "base64url")).alg, alg);
  assert.equal(signature, hmacSignature(`${header}.${payload}`, Buffer.from(secret, "base64url"), alg));
  await page.getByTestId("encoder-open").click();
  await expectState(page, "verified");
  assert.equal(await page.getByTestId("secret-encoding").inputValue(), "base64url");
}
