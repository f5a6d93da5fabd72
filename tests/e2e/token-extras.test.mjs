// www/token-extras.js rendered in Chromium from Decoded objects shaped like the issue #4 contract
// (JWS JSON serialization, JWE, SD-JWT, nested, b64:false), so the page is ready for those engine
// fields and keeps rendering them as text. The module is loaded from www/ as it is.

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startServer } from "../../scripts/serve.mjs";
import { ROOT, launchBrowser } from "./support.mjs";

const XSS = '<img src=x onerror="window.__pwned=1">';

let server;
let browser;
before(async () => {
  server = await startServer({ dir: join(ROOT, "www"), port: 0 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Renders `decoded` (and `report`) with the page's module; returns the container's facts. */
async function render(decoded, report = null) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL("embed.css", server.url).href); // any same-origin document will do
    return await page.evaluate(async ({ decoded, report }) => {
      const { renderTokenExtras } = await import("/token-extras.js");
      const container = document.createElement("div");
      document.body.append(container);
      renderTokenExtras(container, decoded, report);
      const rows = (selector) => [...container.querySelectorAll(selector)].map((row) => ({ ...row.dataset, text: row.textContent }));
      return {
        hidden: container.hidden,
        blocks: [...container.querySelectorAll("[data-extra]")].map((node) => node.dataset.extra),
        text: container.textContent,
        signatures: rows("[data-signature]"),
        disclosures: rows("[data-disclosure]"),
        parts: rows("[data-part-name]"),
        images: document.querySelectorAll("img").length,
      };
    }, { decoded, report });
  } finally {
    await context.close();
  }
}

const base = { kind: "jws", header: { alg: "HS256" }, headerJson: '{"alg":"HS256"}', payload: {}, payloadJson: "{}", segments: [], diagnostics: [] };

test("a compact token has no extra blocks", async () => {
  const shown = await render({ ...base, serialization: "compact", signatures: null, nested: null, jwe: null, sdJwt: null });
  assert.deepEqual([shown.hidden, shown.blocks], [true, []]);
});

test("JWS JSON serialization: one row per signature, the verified one marked", async () => {
  const signatures = [
    { index: 0, header: { alg: "RS256", kid: "2010-12-29" }, protectedJson: '{"alg":"RS256"}', unprotected: { kid: "2010-12-29" }, alg: "RS256", kid: "2010-12-29", signature: "cC4h" },
    { index: 1, header: { alg: "ES256", kid: XSS }, protectedJson: '{"alg":"ES256"}', unprotected: { kid: XSS }, alg: "ES256", kid: XSS, signature: "DtEh" },
  ];
  const report = {
    signatureIndex: 1,
    checks: [{ name: "signature[0]", ok: false, code: "signature_invalid", message: "does not verify" }, { name: "signature[1]", ok: true, message: "verifies" }],
  };
  const shown = await render({ ...base, serialization: "json-general", signatures }, report);
  assert.deepEqual(shown.blocks, ["signatures"]);
  assert.deepEqual(shown.signatures.map((row) => [row.signature, row.outcome]), [["0", "failed"], ["1", "verified"]]);
  assert.match(shown.text, /general \(RFC 7515 §7\.2\.1\): 2 signature/);
  assert.ok(shown.signatures[1].text.includes(XSS), "a kid with markup is shown as text");
  assert.equal(shown.images, 0);
});

test("JWE: alg, enc and the five parts with their lengths; decryption is out of scope", async () => {
  const parts = [["header", 30], ["encrypted_key", 256], ["iv", 12], ["ciphertext", 100], ["tag", 16]].map(([part, length]) => ({ part, length }));
  const shown = await render({ ...base, kind: "jwe", payload: null, jwe: { header: { alg: "RSA-OAEP", enc: "A256GCM" }, headerJson: "{}", alg: "RSA-OAEP", enc: "A256GCM", zip: null, parts } });
  assert.deepEqual(shown.blocks, ["jwe"]);
  assert.deepEqual(shown.parts.map((row) => row.partName), ["header", "encrypted_key", "iv", "ciphertext", "tag"]);
  assert.match(shown.text, /RSA-OAEP/);
  assert.match(shown.text, /A256GCM/);
  assert.match(shown.text, /256 bytes/);
  assert.match(shown.text, /out of scope/);
});

test("SD-JWT: each disclosure says which claim it reveals and where its digest was found", async () => {
  const sdJwt = {
    hashAlg: "sha-256",
    keyBindingJwt: "eyJ.kb.jwt",
    disclosures: [
      { encoded: "WyJ", digest: "d1", salt: "s1", name: "given_name", value: "John", path: "given_name" },
      { encoded: "WyK", digest: "d2", salt: "s2", name: null, value: "DE", path: "nationalities" },
      { encoded: "WyL", digest: "d3", salt: "s3", name: "email", value: XSS, path: null },
    ],
  };
  const shown = await render({ ...base, sdJwt }, null);
  assert.deepEqual(shown.blocks, ["sd-jwt"]);
  assert.deepEqual(shown.disclosures.map((row) => row.matched), ["true", "true", "false"]);
  assert.match(shown.disclosures[0].text, /given_name.*John/);
  assert.match(shown.disclosures[1].text, /an array element.*DE.*nationalities/);
  assert.match(shown.disclosures[2].text, /no _sd/);
  assert.match(shown.text, /key binding JWT is attached/);
  assert.equal(shown.images, 0);
});

test("nested JWT: the inner token is shown decoded, recursively; b64:false is explained", async () => {
  const inner2 = { ...base, payload: { sub: "innermost" }, payloadJson: '{"sub":"innermost"}' };
  const inner = { ...base, header: { alg: "HS256", cty: "JWT" }, payload: "eyJ...", payloadJson: "eyJ...", nested: inner2 };
  const shown = await render({ ...base, header: { alg: "HS256", cty: "JWT" }, nested: inner, b64: false });
  assert.deepEqual(shown.blocks, ["b64", "nested", "nested"]);
  assert.match(shown.text, /level 2/);
  assert.match(shown.text, /innermost/);
  assert.match(shown.text, /RFC 7797/);
});
