// The decode side of the debugger (issue #5), on the single file: claims table, claim checks,
// layout, sharing, themes, accessibility and large tokens. Each flow lives in decoder-flows.mjs.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { claimChecksFlow, claimsTableFlow } from "./decoder-flows.mjs";
import { SINGLE_FILE_URL, SKIP_REASON, launchBrowser, openDebugger } from "./support.mjs";

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
}
