// The embed demo, dist/site/embed.html: three <jwt-lens> elements from the standalone
// jwt-lens-element.js under a strict CSP. Each test opens a fresh page and ends by checking
// that the page raised no error (CSP violations are console errors) and requested only its own files.

import assert from "node:assert/strict";
import { test } from "node:test";
import { SECRET, SKIP_REASON, hmacSignature, useServedSite, watchPage } from "./support.mjs";

const DEMO_SECRET = "embed-demo-secret-embed-demo-secret!"; // www/embed.js gives it to the encoder by property
const OWN_FILES = ["embed.html", "embed.css", "jwt-lens-element.js", "embed.js"];

if (SKIP_REASON !== null) {
  test("embed demo", { skip: SKIP_REASON }, () => {});
} else {
  const site = useServedSite();

  async function withEmbed(flow) {
    const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const { requests, errors } = watchPage(page);
    // Counts engine instantiations, to show that three elements share one (injected over CDP,
    // which the page's CSP does not govern).
    await page.addInitScript(() => {
      window.__wasmInstances = 0;
      for (const name of ["instantiate", "instantiateStreaming"]) {
        const original = WebAssembly[name];
        WebAssembly[name] = (...args) => {
          window.__wasmInstances += 1;
          return original.apply(WebAssembly, args);
        };
      }
    });
    try {
      await page.goto(new URL("embed.html", site.server.url).href);
      await page.getByTestId("verify-demo").locator('[data-testid="status"][data-state="verified"]').waitFor();
      await flow(page);
      const expected = OWN_FILES.map((name) => new URL(name, site.server.url).href).sort();
      assert.deepEqual([...new Set(requests)].sort(), expected, "the page requested exactly its own four files");
      assert.deepEqual(errors, [], "the page reported errors (a CSP violation shows up here)");
    } finally {
      await context.close();
    }
  }

  const shadowText = (page, host, part) => page.getByTestId(host).getByTestId(part).textContent();

  test("embed: each element renders; the verify element verifies; one engine instance for all", () =>
    withEmbed(async (page) => {
      assert.match(await shadowText(page, "decode-demo", "header"), /"alg": "HS256"/);
      assert.match(await shadowText(page, "decode-demo", "payload"), /"sub": "docs-reader"/);
      assert.equal(await page.getByTestId("decode-demo").locator('[data-part="signature"]').textContent(), "3Qstbd9___bnhvnl704zlgriosjc5ft9AZbNsElQvYs");
      assert.equal(await shadowText(page, "verify-demo", "status"), "Signature verified");
      const verifyDemo = page.getByTestId("verify-demo");
      assert.match(await verifyDemo.getAttribute("key"), /^-----BEGIN PUBLIC KEY-----/, "a public key, in the attribute");
      assert.equal(await verifyDemo.evaluate((el) => el.report.alg), "ES256");
      assert.equal(await page.getByTestId("verify-log").textContent(), "state verified, valid true");
      assert.equal(await page.getByTestId("verify-demo").evaluate((el) => el.report.valid), true);

      // The encoder's token is checked with node:crypto, not with the engine that made it.
      const token = await page.getByTestId("change-log").getAttribute("data-token");
      const [header, payload, signature] = token.split(".");
      assert.equal(signature, hmacSignature(`${header}.${payload}`, DEMO_SECRET));
      assert.match(Buffer.from(payload, "base64url").toString(), /"name": "Jane Doe"/);
      assert.equal(await page.evaluate(() => window.__wasmInstances), 1, "three elements, one wasm instance");
    }));

  test("embed: editing the verify element's token changes the verdict and fires jwt-lens-verify", () =>
    withEmbed(async (page) => {
      const verifyDemo = page.getByTestId("verify-demo");
      const input = verifyDemo.getByTestId("token-input");
      const good = await input.inputValue();
      await input.fill(`${good.slice(0, -2)}AA`);
      await verifyDemo.locator('[data-testid="status"][data-state="invalid"]').waitFor();
      await page.locator('[data-testid="verify-log"][data-state="invalid"]').waitFor();
      await input.fill("not a token");
      await verifyDemo.locator('[data-testid="status"][data-state="malformed"]').waitFor();
      assert.ok((await verifyDemo.getByTestId("diagnostics").locator("[data-code]").count()) > 0);
      await input.fill(good);
      await page.locator('[data-testid="verify-log"][data-state="verified"]').waitFor();
    }));

  test("embed: the encoder re-signs edited payloads and fires jwt-lens-change", () =>
    withEmbed(async (page) => {
      const encoder = page.getByTestId("encode-demo");
      await encoder.getByTestId("payload-input").fill('{"sub":"edited"}');
      const token = await page.waitForFunction(() => {
        const t = document.querySelector('[data-testid="change-log"]').dataset.token ?? "";
        return t.split(".")[1] === "eyJzdWIiOiJlZGl0ZWQifQ" ? t : null;
      });
      const [header, payload, signature] = (await token.jsonValue()).split(".");
      assert.equal(signature, hmacSignature(`${header}.${payload}`, DEMO_SECRET));
      await encoder.getByTestId("header-input").fill('{"alg":"none"}');
      await encoder.locator('[data-testid="error"]:not([hidden])').waitFor();
      assert.match(await encoder.getByTestId("error").textContent(), /^alg_none: /);
    }));

  test("embed: readonly elements offer nothing to edit; the attribute can be toggled", () =>
    withEmbed(async (page) => {
      const decodeDemo = page.getByTestId("decode-demo");
      assert.equal(await decodeDemo.getByTestId("token-input").isVisible(), false, "no token input when readonly");
      const editable = await decodeDemo.evaluate((el) =>
        [...el.shadowRoot.querySelectorAll("textarea, input, [contenteditable]")].filter((n) => n.checkVisibility() && !n.readOnly).length);
      assert.equal(editable, 0);
      const verifyDemo = page.getByTestId("verify-demo");
      assert.equal(await verifyDemo.getByTestId("token-input").isEditable(), true);
      await verifyDemo.evaluate((el) => { el.readOnly = true; });
      assert.equal(await verifyDemo.getByTestId("token-input").isVisible(), false);
      const encoder = page.getByTestId("encode-demo");
      await encoder.evaluate((el) => el.setAttribute("readonly", ""));
      assert.equal(await encoder.getByTestId("payload-input").isEditable(), false);
    }));

  test("embed: host CSS does not reach into the elements and theirs does not leak out", () =>
    withEmbed(async (page) => {
      assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, "the element adopts nothing into the page");
      // A hostile page rule, added the one way this CSP allows from a test: a constructable sheet.
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync("* { color: rgb(255, 0, 0) !important; font-family: serif !important; }");
        document.adoptedStyleSheets = [sheet];
      });
      const color = (locator) => locator.evaluate((node) => getComputedStyle(node).color);
      assert.equal(await color(page.locator("h1")), "rgb(255, 0, 0)", "the hostile rule is in force on the page");
      for (const part of ["payload", "header"]) {
        assert.notEqual(await color(page.getByTestId("decode-demo").getByTestId(part)), "rgb(255, 0, 0)", `${part} stays uncoloured`);
      }
      assert.equal(await color(page.getByTestId("verify-demo").getByTestId("status")), "rgb(26, 127, 55)", "the verified badge keeps its colour");
      // The element's `pre` rule (8px padding, panel background) leaves the page's own <pre> alone.
      const sample = await page.locator("pre.sample").evaluate((node) => {
        const style = getComputedStyle(node);
        return { padding: style.paddingTop, background: style.backgroundColor };
      });
      assert.deepEqual(sample, { padding: "12px", background: "rgb(240, 236, 220)" });
    }));

  test("embed: themes and --jwt-lens-* custom properties style the element", () =>
    withEmbed(async (page) => {
      const frameBackground = (id) => page.getByTestId(id).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".frame")).backgroundColor);
      assert.equal(await frameBackground("decode-demo"), "rgb(255, 255, 255)", "theme=light");
      assert.equal(await frameBackground("encode-demo"), "rgb(13, 17, 23)", "theme=dark");
      await page.getByTestId("decode-demo").evaluate((el) => el.style.setProperty("--jwt-lens-background", "rgb(1, 2, 3)"));
      assert.equal(await frameBackground("decode-demo"), "rgb(1, 2, 3)");
      const radius = await page.getByTestId("encode-demo").evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".frame")).borderTopLeftRadius);
      assert.equal(radius, "12px", "embed.css sets --jwt-lens-radius on the encoder");
      // theme="auto" (the verify demo sets none) follows the reader's colour scheme.
      await page.emulateMedia({ colorScheme: "dark" });
      assert.equal(await frameBackground("verify-demo"), "rgb(13, 17, 23)", "auto, dark scheme");
      assert.equal(await frameBackground("decode-demo"), "rgb(1, 2, 3)", "an explicit light theme ignores the scheme");
      await page.emulateMedia({ colorScheme: "light" });
      assert.equal(await frameBackground("verify-demo"), "rgb(255, 255, 255)", "auto, light scheme");
    }));

  test("embed: compact hides the labels and the check list", () =>
    withEmbed(async (page) => {
      const visibleLabels = (id) => page.getByTestId(id).evaluate((el) =>
        [...el.shadowRoot.querySelectorAll(".label")].filter((node) => node.checkVisibility()).length);
      assert.equal(await visibleLabels("decode-demo"), 0, "compact");
      assert.ok((await visibleLabels("verify-demo")) > 0, "not compact");
      await page.getByTestId("verify-demo").evaluate((el) => { el.compact = true; });
      assert.equal(await visibleLabels("verify-demo"), 0);
      assert.equal(await page.getByTestId("verify-demo").getByTestId("checks").isVisible(), false);
    }));

  test("embed: a secret in the key attribute is refused; the same secret by property verifies", () =>
    withEmbed(async (page) => {
      const token = await page.getByTestId("decode-demo").evaluate((el) => el.token); // HS256, DEMO_SECRET
      const result = await page.evaluate(async ({ token, secret }) => {
        const el = document.createElement("jwt-lens");
        el.setAttribute("mode", "verify");
        el.setAttribute("token", token);
        el.setAttribute("key", secret);
        document.body.append(el);
        await customElements.whenDefined("jwt-lens");
        await new Promise((done) => requestAnimationFrame(done));
        const shadow = el.shadowRoot;
        const byAttribute = {
          state: shadow.querySelector('[data-testid="status"]').dataset.state,
          error: shadow.querySelector('[data-testid="error"]').textContent,
          report: el.report,
        };
        el.key = secret;
        return { byAttribute, byProperty: shadow.querySelector('[data-testid="status"]').dataset.state, valid: el.report?.valid };
      }, { token, secret: DEMO_SECRET });
      assert.equal(result.byAttribute.state, "unverified");
      assert.match(result.byAttribute.error, /public keys only/);
      assert.equal(result.byAttribute.report, null, "nothing was verified with the attribute's secret");
      assert.equal(result.byProperty, "verified");
      assert.equal(result.valid, true);
      assert.notEqual(SECRET, DEMO_SECRET);
    }));

  test("embed: without a key from the page, readers type one; changes fire jwt-lens-change", () =>
    withEmbed(async (page) => {
      const token = await page.getByTestId("decode-demo").evaluate((el) => el.token); // HS256, DEMO_SECRET
      await page.evaluate((token) => {
        const el = document.createElement("jwt-lens");
        el.setAttribute("mode", "verify");
        el.setAttribute("data-testid", "typed-key");
        el.setAttribute("token", token);
        el.addEventListener("jwt-lens-change", (event) => { el.dataset.changed = event.detail.decoded.kind; });
        document.body.append(el);
      }, token);
      const element = page.getByTestId("typed-key");
      await element.locator('[data-testid="status"][data-state="unverified"]').waitFor();
      await element.getByTestId("key-input").fill(`${DEMO_SECRET}x`);
      await element.locator('[data-testid="status"][data-state="invalid"]').waitFor();
      await element.getByTestId("key-input").fill(DEMO_SECRET);
      await element.locator('[data-testid="status"][data-state="verified"]').waitFor();
      await element.evaluate((el) => { el.token = "a.b"; });
      await page.locator('[data-testid="typed-key"][data-changed="invalid"]').waitFor();
      await element.locator('[data-testid="status"][data-state="malformed"]').waitFor();
    }));

  test("embed: the CSP is strict and enforced, and the element is styled anyway", () =>
    withEmbed(async (page) => {
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
      assert.match(csp, /style-src 'self';/);
      assert.match(csp, /connect-src 'none'/);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/);
      assert.equal(await page.locator("script:not([src]), style, [style]").count(), 0, "no inline script or style in the page");
      const sheets = await page.getByTestId("verify-demo").evaluate((el) => el.shadowRoot.adoptedStyleSheets.length);
      assert.equal(sheets, 1, "the element's style is one adopted sheet");
      assert.equal(await page.getByTestId("verify-demo").evaluate((el) => el.shadowRoot.querySelectorAll("style, [style]").length), 0);
    }));
}
