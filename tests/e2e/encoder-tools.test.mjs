// The encoder's editing help and hand-offs (encoder-tools-flow.mjs), on both faces: the single
// file from disk and the served site (where the clipboard is checked too).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { claimHelpersFlow, editTokenFlow, jsonErrorFlow, shareFlow } from "./encoder-tools-flow.mjs";
import { SINGLE_FILE_URL, SKIP_REASON, launchBrowser, openDebugger, useServedSite } from "./support.mjs";

if (SKIP_REASON !== null) {
  test("encoder tools", { skip: SKIP_REASON }, () => {});
} else {
  const site = useServedSite();
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function withPage(url, flow, permissions = []) {
    const session = await openDebugger(url === "served" ? site.browser : browser, url === "served" ? site.server.url : SINGLE_FILE_URL);
    try {
      if (permissions.length > 0) await session.context.grantPermissions(permissions, { origin: new URL(site.server.url).origin });
      await flow(session.page);
      assert.deepEqual(session.errors, [], "the page reported errors");
    } finally {
      await session.context.close();
    }
  }

  for (const face of ["single", "served"]) {
    test(`${face}: JSON errors are pointed at by line and column`, () => withPage(face, jsonErrorFlow));
    test(`${face}: claim helpers set iat, nbf and exp`, () => withPage(face, claimHelpersFlow));
    test(`${face}: "edit this token" reproduces it, and encoder edits never touch the decoder's token`, () => withPage(face, editTokenFlow));
  }
  test("single: copy as token, Bearer header and curl", () => withPage("single", shareFlow));
  test("served: copy as token, Bearer header and curl reach the clipboard", () =>
    withPage("served", (page) => shareFlow(page, { clipboard: true }), ["clipboard-read", "clipboard-write"]));
}
