// The served site when its full engine is missing (a host that kept only the core): the page
// says so and shows the core's own answer, instead of "loading" for ever.

import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startServer } from "../../scripts/serve.mjs";
import { es256Token, p256Pair } from "./key-flows.mjs";
import { SITE_DIR, SKIP_REASON, expectDiagnostic, launchBrowser, openDebugger } from "./support.mjs";

if (SKIP_REASON !== null) {
  test("served debugger without its full engine", { skip: SKIP_REASON }, () => {});
} else {
  let browser;
  let server;
  let scratch;
  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), "jwt-lens-core-only-"));
    await cp(SITE_DIR, scratch, { recursive: true, filter: (source) => !source.includes("jwt-lens-full") });
    server = await startServer({ dir: scratch, port: 0 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  });

  test("served without jwt-lens-full/: the page says so and shows the core's answer", async () => {
    const { page, context, errors } = await openDebugger(browser, server.url);
    try {
      const pair = p256Pair();
      await page.getByTestId("token-input").fill(es256Token(pair.privateKey, { sub: "core-only" }));
      await page.getByTestId("secret-input").fill(pair.publicPem);
      await page.locator('html[data-engine="unavailable"]').waitFor({ state: "attached" });
      await expectDiagnostic(page, "unsupported_alg");
      assert.doesNotMatch(await page.getByTestId("status-detail").textContent(), /Loading/);
      assert.notEqual(await page.getByTestId("signature-status").getAttribute("data-state"), "verified");
      assert.match(await page.getByTestId("engine-note").textContent(), /could not be loaded/);
      // The only errors are the browser's own 404 report for the missing engine.
      assert.deepEqual(errors.filter((line) => !/404|Failed to fetch dynamically imported module/.test(line)), []);
    } finally {
      await context.close();
    }
  });
}
