// Screenshots of the debugger (light and dark, desktop 1366×768 and 390 px wide) written to
// test-output/screenshots/ (ignored by git), and the layout promise behind them: at 1366×768
// the status, the token, the decoded header and payload, the checks and the key box are all on
// screen without scrolling.

import assert from "node:assert/strict";
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { before, test } from "node:test";
import { ROOT, SECRET, SINGLE_FILE_URL, SKIP_REASON, expectState, tokenFor, useBrowser } from "./support.mjs";

const OUT = join(ROOT, "test-output", "screenshots");
const SIZES = { desktop: { width: 1366, height: 768 }, narrow: { width: 390, height: 844 } };
const IMPORTANT = ["signature-status", "token-input", "header-json", "payload-json", "checks", "secret-input", "diagnostics"];

if (SKIP_REASON !== null) {
  test("screenshots", { skip: SKIP_REASON }, () => {});
} else {
  const disk = useBrowser();
  before(async () => {
    await mkdir(OUT, { recursive: true });
  });

  for (const theme of ["light", "dark"]) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      test(`screenshot: ${theme}, ${size}`, async () => {
        const context = await disk.browser.newContext({ viewport, colorScheme: theme });
        try {
          const page = await context.newPage();
          await page.goto(SINGLE_FILE_URL);
          await page.locator('html[data-ready="true"]').waitFor({ state: "attached" });
          const now = Math.floor(Date.now() / 1000);
          const payload = { sub: "1234567890", name: "John Doe", iss: "https://issuer.example", aud: "api", iat: now - 60, exp: now + 3600 };
          await page.getByTestId("token-input").fill(tokenFor(payload));
          await page.getByTestId("secret-input").fill(SECRET);
          await expectState(page, "verified");
          if (size === "desktop") {
            for (const id of IMPORTANT) {
              const box = await page.getByTestId(id).boundingBox();
              assert.ok(box !== null, `${id} is shown`);
              assert.ok(box.y >= 0 && box.y + Math.min(box.height, 40) <= viewport.height, `${id} is on screen at 1366×768 (y=${box.y})`);
            }
          }
          const file = join(OUT, `debugger-${theme}-${size}.png`);
          await page.evaluate(() => document.activeElement?.blur());
          // Desktop: what fits on one screen (the layout promise); narrow: the whole page.
          await page.screenshot({ path: file, fullPage: size === "narrow" });
          assert.ok((await stat(file)).size > 10_000, `${file} holds a screenshot`);
        } finally {
          await context.close();
        }
      });
    }
  }
}
