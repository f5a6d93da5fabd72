// The decode side of the debugger (issue #5), on the single file: claims table, claim checks,
// layout, sharing, themes, accessibility and large tokens. Each flow lives in decoder-flows.mjs.

import assert from "node:assert/strict";
import { test } from "node:test";
import { claimChecksFlow, claimsTableFlow, diagnosticsGroupsFlow, redactFlow, shareFlow, themeFlow } from "./decoder-flows.mjs";
import { largeEncoderFlow, largePasteFlow, largeTokenFlow } from "./large-token-flows.mjs";
import {
  SECRET, SINGLE_FILE_URL, SKIP_REASON, expectDiagnostic, expectState, openDebugger, storageSnapshot, tokenFor, useBrowser, useServedSite, withDebugger,
} from "./support.mjs";

if (SKIP_REASON !== null) {
  test("debugger decode side", { skip: SKIP_REASON }, () => {});
} else {
  const holder = useBrowser();
  const withPage = (flow, url = SINGLE_FILE_URL) => withDebugger(holder.browser, url, flow);

  test("the claims table explains each claim and shows times in UTC, local and relative", () => withPage(claimsTableFlow));
  test("expected issuer, audience, verify-as-of and leeway reach the checks", () => withPage(claimChecksFlow));
  test("diagnostics are grouped by severity and the hook holds diagnostics only", () => withPage(diagnosticsGroupsFlow));
  test("share puts only the token in the URL, after a warning", () => withPage(shareFlow));
  test("copy redacted keeps the shape and drops the values", () => withPage(redactFlow));
  test("a 1 MB token folds the box, is decoded off the edit and shown cut, with show all", () => withPage(largeTokenFlow));
  test("a 1 MB paste is taken over and folded; pasting on the fold replaces it; Clear empties it", () => withPage(largePasteFlow));
  test("a 1 MB token in the encoder: same token, folded output, signed when typing pauses", () => withPage(largeEncoderFlow));
  test("light, dark and system themes; only an opted-in theme is stored", () => withPage(themeFlow));

  test("an OAuth redirect fragment (#id_token=, #access_token= with state) loads the token, never a key", async () => {
    const idToken = tokenFor({ sub: "from-id-token" });
    const accessToken = tokenFor({ sub: "from-access-token" });
    for (const [fragment, expected, param] of [
      [`#state=af0ifjsldkj&id_token=${idToken}&token_type=Bearer&access_token=${accessToken}`, idToken, "id_token"],
      [`#access_token=${accessToken}&token_type=Bearer&expires_in=3600&state=xyz`, accessToken, "access_token"],
    ]) {
      await withPage(async (page) => {
        assert.equal(await page.getByTestId("token-input").inputValue(), expected);
        assert.equal(await page.getByTestId("secret-input").inputValue(), "");
        assert.equal(await page.getByTestId("signature-status").getAttribute("data-state"), "unverified");
        assert.match(await page.getByTestId("token-source").textContent(), new RegExp(`#${param}=`));
        await page.getByTestId("clear-fragment").click();
        assert.equal(new URL(page.url()).hash, "", "the token is out of the address");
        assert.equal(await page.getByTestId("token-input").inputValue(), expected, "and still in the page");
      }, `${SINGLE_FILE_URL}${fragment}`);
    }
  });

  test("the countdown is live: when exp passes, the badge and the checks change without a keystroke", async () => {
    const context = await holder.browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      const start = Date.UTC(2030, 0, 1, 12, 0, 0);
      await page.clock.install({ time: start }); // the page's clock, driven by the test: nothing is timed
      await page.goto(SINGLE_FILE_URL);
      await page.locator('html[data-ready="true"]').waitFor({ state: "attached" });
      // Time stands still from a whole second a little ahead, until the test moves it.
      const paused = Math.ceil((await page.evaluate(() => Date.now())) / 1000) * 1000 + 5000;
      await page.clock.pauseAt(paused);
      await page.getByTestId("token-input").fill(tokenFor({ sub: "soon", exp: paused / 1000 + 60 }));
      await page.getByTestId("secret-input").fill(SECRET);
      await expectState(page, "verified");
      const exp = page.getByTestId("claim-times").locator('[data-claim="exp"]');
      assert.equal(await exp.locator(".time-relative").textContent(), "in 1 min");
      assert.equal(await exp.locator("[data-badge]").count(), 0);
      assert.equal(await page.getByTestId("status-detail").getAttribute("data-valid"), "true");

      await page.clock.runFor(61_000);
      await exp.locator('[data-badge="expired"]').waitFor({ state: "attached" });
      assert.match(await exp.locator(".time-relative").textContent(), /ago$/);
      await expectDiagnostic(page, "expired");
      assert.equal(await page.getByTestId("status-detail").getAttribute("data-valid"), "false");
    } finally {
      await context.close();
    }
  });

  // The served site: the same features, no request to another origin, nothing stored.
  const site = useServedSite();

  test("served: fragments, claims, checks, share and redact; nothing stored, nothing sent elsewhere", async () => {
    const token = tokenFor({ sub: "served-fragment" });
    const session = await openDebugger(site.browser, `${site.server.url}#state=s1&id_token=${token}`);
    try {
      const { page, requests, errors } = session;
      assert.equal(await page.getByTestId("token-input").inputValue(), token);
      await claimsTableFlow(page);
      await claimChecksFlow(page);
      await shareFlow(page);
      await redactFlow(page);
      const origin = new URL(site.server.url).origin;
      assert.deepEqual(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:")), []);
      assert.deepEqual(await storageSnapshot(page), { localStorage: 0, sessionStorage: 0, cookie: "", databases: [] });
      assert.deepEqual(errors, []);
    } finally {
      await session.context.close();
    }
  });
}
