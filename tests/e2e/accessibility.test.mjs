// axe-core (npm) in Chromium: zero violations on every tab of the debugger, in light and dark,
// plus the share dialog; and a keyboard-only flow decode → verify → encode.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { test } from "node:test";
import { createHash } from "node:crypto";
import { SECRET, SINGLE_FILE_URL, SKIP_REASON, b64url, expectState, hmacSignature, openDebugger, tokenFor, useBrowser } from "./support.mjs";

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TABS = ["decode", "encode", "keys"];

/** Runs axe on the page as it is; returns its violations as readable lines. */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  return violations;
}

if (SKIP_REASON !== null) {
  test("accessibility", { skip: SKIP_REASON }, () => {});
} else {
  const disk = useBrowser();

  /** A page of the single file; the CSP is bypassed only so axe's script can be injected. */
  function openPage(colorScheme) {
    return openDebugger(disk.browser, SINGLE_FILE_URL, { colorScheme, bypassCSP: true });
  }

  for (const colorScheme of ["light", "dark"]) {
    test(`axe: no violations on any tab, ${colorScheme} theme`, async () => {
      const { context, page } = await openPage(colorScheme);
      try {
        const problems = [];
        // An expired token with diagnostics, so badges, failed checks and hints are checked too.
        await page.getByTestId("token-input").fill(`Bearer ${tokenFor({ sub: "a11y", exp: 1516239022, iat: 1516239000 })}`);
        await page.getByTestId("secret-input").fill(SECRET);
        await expectState(page, "verified");
        for (const tab of TABS) {
          await page.getByTestId(`tab-${tab}`).click();
          problems.push(...(await axeViolations(page)).map((line) => `${tab}: ${line}`));
        }
        await page.getByTestId("tab-decode").click();
        await page.getByTestId("view-table").click();
        problems.push(...(await axeViolations(page)).map((line) => `claims table: ${line}`));
        await page.getByTestId("share-button").click();
        problems.push(...(await axeViolations(page)).map((line) => `share dialog: ${line}`));
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test("axe: the folded box of a 1 MB token has no violations, light and dark", async () => {
    const big = tokenFor({ sub: "a11y", blob: "x".repeat(750_000) });
    for (const colorScheme of ["light", "dark"]) {
      const { context, page } = await openPage(colorScheme);
      try {
        await page.getByTestId("secret-input").fill(SECRET);
        await page.getByTestId("token-input").fill(big);
        await expectState(page, "verified");
        assert.equal(await page.getByTestId("large-token").isVisible(), true, "test precondition: the box is folded");
        assert.deepEqual(await axeViolations(page), [], colorScheme);
      } finally {
        await context.close();
      }
    }
  });

  test("axe: the blocks of other token kinds (JWS JSON, SD-JWT, nested, JWE) have no violations, light and dark", async () => {
    const disclosure = b64url(JSON.stringify(["salt-of-sixteen-b", "given_name", "John"]));
    const digest = createHash("sha256").update(disclosure).digest("base64url");
    const protectedHeader = b64url('{"alg":"HS256"}');
    const payload = b64url('{"sub":"json"}');
    const jsonSerialization = JSON.stringify({
      payload,
      signatures: [
        { protected: protectedHeader, signature: hmacSignature(`${protectedHeader}.${payload}`, "another secret of at least 32 bytes!!") },
        { protected: protectedHeader, header: { kid: "k2" }, signature: hmacSignature(`${protectedHeader}.${payload}`, SECRET) },
      ],
    });
    const tokens = [
      jsonSerialization,
      `${tokenFor({ iss: "https://issuer.example", _sd: [digest], _sd_alg: "sha-256" })}~${disclosure}~`,
      `${b64url('{"alg":"dir","enc":"A128GCM"}')}..${b64url("iv-bytes-12")}.${b64url("ciphertext")}.${b64url("tag-16-bytes-abc")}`,
    ];
    for (const colorScheme of ["light", "dark"]) {
      const { context, page } = await openPage(colorScheme);
      try {
        await page.getByTestId("secret-input").fill(SECRET);
        const problems = [];
        for (const token of tokens) {
          await page.getByTestId("token-input").fill(token);
          await page.getByTestId("token-extras").waitFor({ state: "visible" });
          problems.push(...(await axeViolations(page)).map((line) => `${token.slice(0, 12)}: ${line}`));
        }
        assert.deepEqual(problems, [], colorScheme);
      } finally {
        await context.close();
      }
    }
  });

  test("keyboard only: decode → verify → encode → open in decoder", async () => {
    const { context, page } = await openPage("light");
    try {
      const focused = () => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
      /** Presses Tab (or Shift+Tab) until the element with `testid` has the focus. */
      async function tabTo(testid, key = "Tab") {
        for (let presses = 0; presses < 80; presses += 1) {
          if ((await focused()) === testid) return;
          await page.keyboard.press(key);
        }
        assert.fail(`${testid} cannot be reached with ${key}`);
      }
      const token = tokenFor({ sub: "keyboard" });
      await tabTo("token-input");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(token);
      await tabTo("secret-input");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(SECRET);
      await expectState(page, "verified");
      assert.equal(await page.getByTestId("token-input").inputValue(), token);

      // The claims table and the share dialog answer to the keyboard too.
      await tabTo("view-table", "Shift+Tab");
      await page.keyboard.press("Enter");
      await page.getByTestId("claims-table").waitFor({ state: "visible" });
      await tabTo("share-button", "Shift+Tab");
      await page.keyboard.press("Enter");
      await page.getByTestId("share-dialog").waitFor({ state: "visible" });
      await page.keyboard.press("Escape");
      await page.getByTestId("share-dialog").waitFor({ state: "hidden" });

      await tabTo("tab-decode", "Shift+Tab");
      await page.keyboard.press("ArrowRight");
      assert.equal(await focused(), "tab-encode");
      assert.equal(await page.getByTestId("tab-encode").getAttribute("aria-selected"), "true");
      await tabTo("encoder-payload");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(JSON.stringify({ sub: "typed-by-keyboard" }));
      await tabTo("encoder-secret");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(SECRET);
      await page.waitForFunction(() => document.querySelector('[data-testid="encoder-open"]').disabled === false);
      await tabTo("encoder-open");
      await page.keyboard.press("Enter");
      await expectState(page, "verified");
      assert.match(await page.getByTestId("payload-json").textContent(), /typed-by-keyboard/);
    } finally {
      await context.close();
    }
  });
}
