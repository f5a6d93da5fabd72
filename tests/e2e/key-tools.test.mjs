// The key converter in the Keys tab: PEM ↔ JWK ↔ JWK Set, public or private, with the RFC 7638
// thumbprint shown; a JWK Set built from several keys. Keys are made by node:crypto, and every
// conversion is compared with node:crypto's own, so the engine is checked independently.

import assert from "node:assert/strict";
import { createHash, generateKeyPairSync } from "node:crypto";
import { test } from "node:test";
import { SKIP_REASON, useBothFaces } from "./support.mjs";

function thumbprint(jwk) {
  const required = { EC: ["crv", "kty", "x", "y"], RSA: ["e", "kty", "n"], OKP: ["crv", "kty", "x"] }[jwk.kty];
  return createHash("sha256").update(JSON.stringify(Object.fromEntries(required.map((n) => [n, jwk[n]])))).digest("base64url");
}

/** The engine names an EC key's one algorithm (`alg`), as the curve fixes it; node:crypto does not. */
const CURVE_ALG = { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512", secp256k1: "ES256K" };
function withoutAlg(text) {
  const { alg, ...jwk } = typeof text === "string" ? JSON.parse(text) : text;
  assert.equal(alg, CURVE_ALG[jwk.crv], "alg is the curve's, or absent");
  return jwk;
}

async function convert(page, { input, format, privateKey = false }) {
  await page.getByTestId("keyconv-format").selectOption(format);
  await page.getByTestId("keyconv-private").setChecked(privateKey);
  const previous = await page.getByTestId("keyconv-output").inputValue();
  await page.getByTestId("keyconv-input").fill(input);
  try {
    await page.waitForFunction(
      (before) => {
        const out = document.querySelector('[data-testid="keyconv-output"]').value;
        return out !== "" && out !== before;
      },
      previous,
    );
  } catch {
    assert.fail(`no conversion; the page says: ${await page.getByTestId("keyconv-error").textContent()}`);
  }
  return page.getByTestId("keyconv-output").inputValue();
}

async function converterFlow(page, pair) {
  await page.getByTestId("tab-keys").click();
  const { privateKey, publicKey } = pair;
  const privatePem = privateKey.export({ type: "pkcs8", format: "pem" });
  const publicPem = publicKey.export({ type: "spki", format: "pem" });
  const publicJwk = publicKey.export({ format: "jwk" });

  assert.deepEqual(withoutAlg(await convert(page, { input: privatePem, format: "jwk" })), publicJwk);
  const facts = page.getByTestId("keyconv-info");
  assert.equal((await facts.locator('[data-field="thumbprint"]').textContent()).trim(), thumbprint(publicJwk));
  assert.match(await facts.locator('[data-field="kind"]').textContent(), /^private key/);
  // Same input, other forms: the private JWK, the public PEM; and a JWK back to PEM.
  await page.getByTestId("keyconv-input").fill("");
  assert.deepEqual(withoutAlg(await convert(page, { input: privatePem, format: "jwk", privateKey: true })), privateKey.export({ format: "jwk" }));
  await page.getByTestId("keyconv-input").fill("");
  assert.equal(await convert(page, { input: privatePem, format: "pem" }), publicPem);
  await page.getByTestId("keyconv-input").fill("");
  assert.equal(await convert(page, { input: JSON.stringify(publicJwk), format: "pem" }), publicPem);
  return { publicJwk };
}

async function jwksBuilderFlow(page) {
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const ed = generateKeyPairSync("ed25519");
  await page.getByTestId("tab-keys").click();
  await page.getByTestId("keyconv-input").fill("");
  await convert(page, { input: ec.privateKey.export({ type: "pkcs8", format: "pem" }), format: "jwks" });
  await page.getByTestId("keyconv-add").click();
  await page.getByTestId("keyconv-input").fill("");
  await convert(page, { input: ed.publicKey.export({ type: "spki", format: "pem" }), format: "jwk" });
  await page.getByTestId("keyconv-add").click();
  const set = JSON.parse(await page.getByTestId("keyconv-set").inputValue());
  const expected = [ec.publicKey.export({ format: "jwk" }), ed.publicKey.export({ format: "jwk" })];
  assert.deepEqual(set.keys.map(withoutAlg), expected.map((jwk) => ({ ...jwk, kid: thumbprint(jwk) })));
  await page.getByTestId("keyconv-clear").click();
  assert.equal(await page.getByTestId("keyconv-set").inputValue(), "");

  // A secret has no public half: said as an error until "private" is ticked, then an oct JWK.
  await page.getByTestId("keyconv-private").setChecked(false);
  await page.getByTestId("keyconv-input").fill("a-secret-of-at-least-thirty-two-bytes!!");
  await page.getByTestId("keyconv-error").waitFor({ state: "visible" });
  assert.match(await page.getByTestId("keyconv-error").textContent(), /^invalid_option: .*no public half/);
  assert.equal(await page.getByTestId("keyconv-output").inputValue(), "");
  await page.getByTestId("keyconv-format").selectOption("jwk");
  await page.getByTestId("keyconv-private").setChecked(true);
  await page.waitForFunction(() => document.querySelector('[data-testid="keyconv-output"]').value !== "");
  assert.deepEqual(JSON.parse(await page.getByTestId("keyconv-output").inputValue()), {
    kty: "oct", k: Buffer.from("a-secret-of-at-least-thirty-two-bytes!!").toString("base64url"),
  });
}

if (SKIP_REASON !== null) {
  test("key tools", { skip: SKIP_REASON }, () => {});
} else {
  const { withFace: withPage } = useBothFaces();

  for (const [name, make] of [
    ["P-256", () => generateKeyPairSync("ec", { namedCurve: "P-256" })],
    ["RSA 2048", () => generateKeyPairSync("rsa", { modulusLength: 2048 })],
    ["Ed25519", () => generateKeyPairSync("ed25519")],
  ]) {
    test(`single: ${name} PEM ↔ JWK, public and private, thumbprint shown`, () => withPage("single", (page) => converterFlow(page, make())));
  }
  test("single: a JWK Set from several keys; a secret only as a private oct JWK", () => withPage("single", jwksBuilderFlow));
  test("single: the generator makes a key for every algorithm the engine offers", () =>
    withPage("single", async (page) => {
      await page.getByTestId("tab-keys").click();
      const offered = await page.getByTestId("keygen-alg").locator("option:not([disabled])").evaluateAll((options) => options.map((o) => o.value));
      assert.ok(offered.length >= 18, `the menu offers ${offered.join(", ")}`);
      for (const alg of offered) {
        await page.getByTestId("keygen-alg").selectOption(alg);
        await page.getByTestId("keygen-generate").click();
        await page.waitForFunction((wanted) => document.querySelector('[data-testid="keygen-status"]').textContent.startsWith(`A new ${wanted} key`), alg, { timeout: 60_000 });
        const privateJwk = JSON.parse(await page.getByTestId("keygen-private").inputValue());
        const kid = (await page.getByTestId("keygen-kid").textContent()).trim();
        assert.ok(kid.length === 43, `${alg}: the kid is an RFC 7638 thumbprint`);
        if (alg.startsWith("HS")) {
          assert.equal(privateJwk.kty, "oct");
        } else {
          // The public half converts back to the same thumbprint in the converter.
          await page.getByTestId("keyconv-input").fill(await page.getByTestId("keygen-public").inputValue());
          await page.waitForFunction((want) => document.querySelector('[data-testid="keyconv-info"] [data-field="thumbprint"]')?.textContent.trim() === want, kid);
        }
      }
    }));
  test("served: converting an EC key loads the full engine", () =>
    withPage("served", async (page) => {
      await converterFlow(page, generateKeyPairSync("ec", { namedCurve: "P-384" }));
      assert.equal(await page.locator("html").getAttribute("data-engine"), "full");
    }));
}
