// Panic containment in the page (issue 7): when the engine panics, the debugger shows an
// `internal` diagnostic and the next token decodes and verifies as usual.
//
// Runs the served site whose first engine is the test-only `test-panic` build (decode and
// importKey panic on one trigger text; src/wasm/test_panic.rs), made by
// scripts/lib/test-panic-build.mjs into target/test-panic/site/. scripts/test builds it.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startServer } from "../../scripts/serve.mjs";
import { ROOT, SECRET, expectDiagnostic, expectState, launchBrowser, openDebugger, tokenFor } from "./support.mjs";

const TRIGGER = "jwt-lens:test-panic"; // src/wasm/test_panic.rs TRIGGER
const PANIC_SITE = join(ROOT, "target/test-panic/site");
const missing = existsSync(join(PANIC_SITE, "index.html"))
  ? null
  : `${PANIC_SITE} is missing (run node scripts/lib/test-panic-build.mjs after scripts/build); skipped`;
if (missing !== null && process.env.JWT_LENS_REQUIRE_PANIC_BUILD === "1") throw new Error(missing);

if (missing !== null) {
  test("the page survives an engine panic", { skip: missing }, () => {});
} else {
  let browser;
  let server;
  before(async () => {
    server = await startServer({ dir: PANIC_SITE, port: 0 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a panic while decoding shows an internal error, then the next token verifies", async () => {
    const { page, context, errors } = await openDebugger(browser, server.url);
    try {
      const token = tokenFor({ sub: "before" });
      await page.getByTestId("secret-input").fill(SECRET);
      await page.getByTestId("token-input").fill(token);
      await expectState(page, "verified");

      await page.getByTestId("token-input").fill(TRIGGER);
      assert.match(await expectDiagnostic(page, "internal"), /restarted/);
      assert.notEqual(await page.getByTestId("signature-status").getAttribute("data-state"), "verified");
      // The page logs the failure; nothing else went wrong.
      assert.ok(errors.some((line) => /internal|engine failed/.test(line)), `expected the failure in the console: ${errors.join(" | ")}`);

      await page.getByTestId("token-input").fill(tokenFor({ sub: "after" }));
      await expectState(page, "verified");
      assert.match(await page.getByTestId("payload-json").textContent(), /"after"/);
      assert.equal(await page.locator('[data-testid="diagnostics"] > [data-code="internal"]').count(), 0);
    } finally {
      await context.close();
    }
  });

  test("a panic while reading the key box is contained; the next key verifies", async () => {
    const { page, context } = await openDebugger(browser, server.url);
    try {
      await page.getByTestId("token-input").fill(tokenFor({ sub: "key-box" }));
      await page.getByTestId("secret-input").fill(TRIGGER);
      // The key box shows the engine's own words: an internal error, and that it restarted.
      await page.locator('[data-testid="key-info"][data-state="error"]').waitFor({ state: "attached" });
      assert.match(await page.getByTestId("key-info").textContent(), /restarted.*\(internal\)/s);
      assert.notEqual(await page.getByTestId("signature-status").getAttribute("data-state"), "verified");
      await page.getByTestId("secret-input").fill(SECRET);
      await expectState(page, "verified");
    } finally {
      await context.close();
    }
  });
}
