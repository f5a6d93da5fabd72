// The decode side of the debugger (issue #5), on the single file: claims table, claim checks,
// layout, sharing, themes, accessibility and large tokens. Each flow lives in decoder-flows.mjs.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { claimChecksFlow, claimsTableFlow, largeTokenFlow, redactFlow, shareFlow, themeFlow } from "./decoder-flows.mjs";
import { SINGLE_FILE_URL, SKIP_REASON, launchBrowser, openDebugger, tokenFor } from "./support.mjs";

if (SKIP_REASON !== null) {
  test("debugger decode side", { skip: SKIP_REASON }, () => {});
} else {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function withPage(flow, url = SINGLE_FILE_URL) {
    const session = await openDebugger(browser, url);
    try {
      await flow(session.page, session);
      assert.deepEqual(session.errors, [], "the page reported errors");
    } finally {
      await session.context.close();
    }
  }

  test("the claims table explains each claim and shows times in UTC, local and relative", () => withPage(claimsTableFlow));
  test("expected issuer, audience, verify-as-of and leeway reach the checks", () => withPage(claimChecksFlow));
  test("share puts only the token in the URL, after a warning", () => withPage(shareFlow));
  test("copy redacted keeps the shape and drops the values", () => withPage(redactFlow));
  test("a 1 MB token is decoded off the keystroke and shown cut, with show all", () => withPage(largeTokenFlow));
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
      }, `${SINGLE_FILE_URL}${fragment}`);
    }
  });
}
