// Offline use and "no request after load". The served site registers a service worker that
// caches its own files; after a first visit the page reloads and decodes with the network off.
// The single file registers none (it needs none) and carries no manifest link.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { encoderFlow } from "./encoder-flow.mjs";
import { signatureFlow } from "./flows.mjs";
import { SINGLE_FILE, SKIP_REASON, expectState, openDebugger, tokenFor, SECRET, useServedSite } from "./support.mjs";

/** Waits until the service worker is active and controls the page. */
async function waitForServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

if (SKIP_REASON !== null) {
  test("offline", { skip: SKIP_REASON }, () => {});
} else {
  const site = useServedSite();

  test("served: after the first visit the page reloads and decodes with the network off", async () => {
    const session = await openDebugger(site.browser, site.server.url);
    const { page, context } = session;
    try {
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      await page.locator('html[data-ready="true"]').waitFor({ state: "attached" });
      await expectState(page, "verified"); // the start-up example, signed and verified offline
      await page.getByTestId("token-input").fill(tokenFor({ sub: "offline" }));
      await page.getByTestId("secret-input").fill(SECRET);
      await expectState(page, "verified");
      assert.match(await page.getByTestId("payload-json").textContent(), /"sub": "offline"/);
      assert.deepEqual(session.errors, [], "the page reported errors offline");
    } finally {
      await context.close();
    }
  });

  test("served: no request leaves the page after load, while decoding, verifying and encoding", async () => {
    const session = await openDebugger(site.browser, site.server.url);
    try {
      await waitForServiceWorker(session.page); // its precache requests belong to the load
      session.requests.length = 0;
      await signatureFlow(session.page);
      await encoderFlow(session.page);
      assert.deepEqual(session.requests, [], "requests after load");
      assert.deepEqual(session.errors, []);
    } finally {
      await session.context.close();
    }
  });

  test("served: a web app manifest with SVG icons, under the same CSP", async () => {
    const session = await openDebugger(site.browser, site.server.url);
    try {
      const href = await session.page.locator('link[rel="manifest"]').getAttribute("href");
      const response = await session.page.request.get(new URL(href, site.server.url).href);
      assert.equal(response.status(), 200);
      const manifest = await response.json();
      assert.equal(manifest.short_name, "jwt-lens");
      assert.equal(manifest.start_url, "./");
      assert.ok(manifest.icons.length >= 1);
      for (const icon of manifest.icons) {
        assert.equal(icon.type, "image/svg+xml");
        const image = await session.page.request.get(new URL(icon.src, site.server.url).href);
        assert.equal(image.headers()["content-type"], "image/svg+xml");
        assert.match(await image.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      }
      const csp = (await session.page.request.get(site.server.url)).headers()["content-security-policy"];
      assert.match(csp, /^default-src 'self';/);
      assert.doesNotMatch(csp, /\*|https?:|worker-src/, "nothing looser than 'self' for workers or anything else");
      const worker = await session.page.request.get(new URL("sw.js", site.server.url).href);
      assert.match(worker.headers()["content-type"], /^text\/javascript/);
    } finally {
      await session.context.close();
    }
  });

  test("single file: no service worker and no manifest", async () => {
    const html = await readFile(SINGLE_FILE, "utf8");
    assert.doesNotMatch(html, /serviceWorker/);
    assert.doesNotMatch(html, /rel="manifest"/);
  });
}
