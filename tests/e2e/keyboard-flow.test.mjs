// A keyboard-only flow, decode → verify → encode → back to the decoder, on the single file: every
// control is reached with Tab (or the tab list's arrow keys) and used with the keyboard alone.

import assert from "node:assert/strict";
import { test } from "node:test";
import { SECRET, SINGLE_FILE_URL, SKIP_REASON, expectState, tokenFor, useBrowser, withDebugger } from "./support.mjs";

/** Presses Tab (or Shift+Tab) until the element with `testId` has the focus; fails after 60 presses. */
async function tabTo(page, testId, { backwards = false } = {}) {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await page.evaluate((id) => document.activeElement?.dataset?.testid === id, testId)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  assert.fail(`[data-testid="${testId}"] cannot be reached with the keyboard`);
}

async function focusedValue(page) {
  return page.evaluate(() => document.activeElement.value);
}

if (SKIP_REASON !== null) {
  test("keyboard-only flow", { skip: SKIP_REASON }, () => {});
} else {
  const disk = useBrowser();

  test("keyboard only: decode → verify → encode (claim helper, sign) → open in decoder", () =>
    withDebugger(disk.browser, SINGLE_FILE_URL, async (page) => {
      // Decode and verify.
      await tabTo(page, "token-input");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(tokenFor({ sub: "keyboard" }));
      await tabTo(page, "secret-input");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(SECRET);
      await expectState(page, "verified");

      // To the Encode tab: back to the tab list, arrow right, and the panel follows.
      await tabTo(page, "tab-decode", { backwards: true });
      await page.keyboard.press("ArrowRight");
      assert.equal(await page.getByTestId("tab-encode").getAttribute("aria-selected"), "true");
      await tabTo(page, "encoder-payload");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText('{"sub":"typed"}');
      await tabTo(page, "claim-exp-1h");
      await page.keyboard.press("Enter");
      assert.ok(Number.isInteger(JSON.parse(await page.getByTestId("encoder-payload").inputValue()).exp), "exp set from the keyboard");
      await tabTo(page, "encoder-secret");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(SECRET);
      assert.equal(await focusedValue(page), SECRET);
      await tabTo(page, "encoder-secret-encoding");
      await page.keyboard.press("Home"); // the first option: UTF-8 text
      await page.waitForFunction(() => document.querySelector('[data-testid="encoder-output"]').value !== "");
      const token = await page.getByTestId("encoder-output").inputValue();
      await tabTo(page, "encoder-open");
      await page.keyboard.press("Enter");
      await expectState(page, "verified");
      assert.equal(await page.getByTestId("token-input").inputValue(), token);
      assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "token-input", "the focus lands on the token");
    }));
}
