// The served debugger: dist/site behind scripts/serve.mjs on a free port of 127.0.0.1.

import assert from "node:assert/strict";
import { test } from "node:test";
import { encoderFlow } from "./encoder-flow.mjs";
import { markupFlow, signatureFlow } from "./flows.mjs";
import { encoderPrivateKeyFlow, es256PemFlow, generatorFlow, jwksFlow, keyFileFlow } from "./key-flows.mjs";
import { SKIP_REASON, openDebugger, storageSnapshot, useServedSite } from "./support.mjs";

if (SKIP_REASON !== null) {
  test("served debugger", { skip: SKIP_REASON }, () => {});
} else {
  const site = useServedSite();

  /** Opens the site, runs `flow`, then checks no request left the server's origin. */
  async function withPage(flow) {
    const session = await openDebugger(site.browser, site.server.url);
    try {
      await flow(session.page, session);
      const origin = new URL(site.server.url).origin;
      const foreign = session.requests.filter(
        (url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"),
      );
      assert.deepEqual(foreign, [], "the site requested another origin");
      assert.ok(session.requests.some((url) => url.endsWith(".wasm")), "the engine's wasm came from the server");
      assert.deepEqual(session.errors, [], "the page reported errors (a CSP violation shows up here)");
    } finally {
      await session.context.close();
    }
  }

  test("served: the CSP header equals the page's CSP meta; wasm and JS have the right types", () =>
    withPage(async (page) => {
      const response = await page.request.get(site.server.url);
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert.equal(response.headers()["content-security-policy"], meta);
      assert.equal(response.headers()["cache-control"], "no-store");
      const wasm = await page.request.get(new URL("jwt-lens/jwt_lens_bg.wasm", site.server.url).href);
      assert.equal(wasm.headers()["content-type"], "application/wasm");
      const js = await page.request.get(new URL("app.js", site.server.url).href);
      assert.match(js.headers()["content-type"], /^text\/javascript/);
    }));

  test("served: verified, invalid after tampering, malformed", () => withPage(signatureFlow));

  test("served: the first load stays on the core engine; an ES256 token + PEM key loads the full one", () =>
    withPage(async (page, { requests }) => {
      await signatureFlow(page);
      assert.equal(await page.locator("html").getAttribute("data-engine"), "core");
      assert.deepEqual(requests.filter((url) => url.includes("jwt-lens-full")), [], "HS256 needs no full engine");
      await es256PemFlow(page);
      assert.equal(await page.locator("html").getAttribute("data-engine"), "full");
      const full = requests.filter((url) => url.includes("/jwt-lens-full/"));
      assert.ok(full.some((url) => url.endsWith("/jwt-lens-full/jwt_lens_bg.wasm")), "the full engine's wasm came from the site");
      assert.equal(full.filter((url) => url.endsWith(".wasm")).length, 1, "the full engine is fetched once");
    }));
  test("served: a JWK Set picks the key by kid and says which", () => withPage(jwksFlow));
  test("served: a picked or dropped key file", () => withPage(keyFileFlow));
  test("served: a generated ES256 key signs in the encoder and verifies in the decoder", () => withPage((page) => generatorFlow(page, "ES256")));
  test("served: the encoder signs with PEM private keys", () => withPage(encoderPrivateKeyFlow));
  test("served: token markup renders as text", () => withPage(markupFlow));

  test("served: the encoder works and nothing is stored", () =>
    withPage(async (page) => {
      await encoderFlow(page);
      await generatorFlow(page, "EdDSA");
      const stored = await storageSnapshot(page);
      assert.deepEqual(stored, { localStorage: 0, sessionStorage: 0, cookie: "", databases: [] });
    }));
}
