// The self-contained debugger, dist/jwt-lens.html, opened from disk (file://).

import assert from "node:assert/strict";
import { test } from "node:test";
import { encoderFlow } from "./encoder-flow.mjs";
import { diagnosticsFlow, markupFlow, secretNeverTouchesTokenFlow, signatureFlow } from "./flows.mjs";
import { encoderPrivateKeyFlow, es256PemFlow, generatorFlow, generatorSecretFlow, jwksFlow, keyFileFlow } from "./key-flows.mjs";
import { SINGLE_FILE_URL, SKIP_REASON, expectState, openDebugger, storageSnapshot, useBrowser } from "./support.mjs";

if (SKIP_REASON !== null) {
  test("single-file debugger", { skip: SKIP_REASON }, () => {});
} else {
  const disk = useBrowser();

  /** Opens the file, runs `flow`, then checks the page stayed on its own file and raised no error. */
  async function withPage(flow) {
    const session = await openDebugger(disk.browser, SINGLE_FILE_URL);
    try {
      await flow(session.page, session);
      const foreign = session.requests.filter(
        (url) => url !== SINGLE_FILE_URL && !url.startsWith("data:") && !url.startsWith("blob:"),
      );
      assert.deepEqual(foreign, [], "the single file requested something besides itself");
      assert.deepEqual(session.errors, [], "the page reported errors (a CSP violation shows up here)");
    } finally {
      await session.context.close();
    }
  }

  test("the single file has a strict CSP and nothing external", () =>
    withPage(async (page) => {
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert.match(csp, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/]+=*'; /);
      assert.equal(await page.locator("script[src], link[rel=stylesheet]").count(), 0);
      assert.equal(await page.locator('meta[name="referrer"]').getAttribute("content"), "no-referrer");
      assert.match(await page.getByTestId("privacy-note").textContent(), /no token, key or claim leaves this page/);
    }));

  test("verified, invalid after tampering, malformed", () => withPage(signatureFlow));
  test("token markup renders as text", () => withPage(markupFlow));
  test("editing the secret never changes the token", () => withPage(secretNeverTouchesTokenFlow));
  test("diagnostics for = padding and a Bearer prefix", () => withPage(diagnosticsFlow));
  test("the encoder's token verifies in the decoder", () => withPage(encoderFlow));
  test("the single file carries the full engine: ES256 + PEM public key verifies offline", () =>
    withPage(async (page) => {
      assert.equal(await page.locator("html").getAttribute("data-engine"), "full");
      await es256PemFlow(page);
    }));
  test("a JWK Set picks the key by kid and says which", () => withPage(jwksFlow));
  test("a picked or dropped key file", () => withPage(keyFileFlow));
  test("generated keys (ES256, ES512, EdDSA, HS384) sign in the encoder and verify in the decoder", () =>
    withPage(async (page) => {
      for (const alg of ["ES256", "ES512", "EdDSA"]) await generatorFlow(page, alg);
      await generatorSecretFlow(page, "HS384");
    }));
  test("the encoder signs with PEM private keys", () => withPage(encoderPrivateKeyFlow));

  test("after use, nothing is stored and nothing left the file", () =>
    withPage(async (page) => {
      await signatureFlow(page);
      await encoderFlow(page);
      await generatorFlow(page, "ES256");
      await jwksFlow(page);
      // (file:// pages cannot set cookies at all; the served-site test covers cookies for real.)
      assert.deepEqual(await storageSnapshot(page), { localStorage: 0, sessionStorage: 0, cookie: "", databases: [] });
    }));

  test("the page starts on a verified example, the same token in decoder and encoder", () =>
    withPage(async (page) => {
      await expectState(page, "verified");
      const token = await page.getByTestId("token-input").inputValue();
      assert.match(token, /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{43}$/);
      await page.getByTestId("tab-encode").click();
      assert.equal(await page.getByTestId("encoder-output").inputValue(), token);
    }));

  test("a #token= fragment is loaded into the decoder, without a key", async () => {
    const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmcmFnbWVudCJ9.c2lnbmF0dXJl";
    const session = await openDebugger(disk.browser, `${SINGLE_FILE_URL}#token=${token}`);
    try {
      assert.equal(await session.page.getByTestId("token-input").inputValue(), token);
      assert.equal(await session.page.getByTestId("secret-input").inputValue(), "");
      assert.equal(await session.page.getByTestId("signature-status").getAttribute("data-state"), "unverified");
      assert.match(await session.page.getByTestId("payload-json").textContent(), /fragment/);
      // A new #token= in the same tab (a pasted link) is followed.
      const next = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJuZXh0In0.c2lnbmF0dXJl";
      await session.page.evaluate((token) => {
        window.location.hash = `#token=${token}`;
      }, next);
      await session.page.waitForFunction((token) => document.querySelector('[data-testid="token-input"]').value === token, next);
      assert.deepEqual(session.requests, [SINGLE_FILE_URL], "reading the fragment loads nothing");
    } finally {
      await session.context.close();
    }
  });
}
