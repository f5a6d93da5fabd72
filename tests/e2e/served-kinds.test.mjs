// The served site starts on the HMAC-only engine, which leaves the rarer token kinds out (Cargo
// feature `kinds`) and answers `unsupported_alg` for them: a JWS JSON serialization or an SD-JWT
// makes the page load the full engine once, then it verifies and shows the kind.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { SECRET, SKIP_REASON, b64url, expectState, hmacSignature, tokenFor, useServedSite, withDebugger } from "./support.mjs";

if (SKIP_REASON !== null) {
  test("served token kinds", { skip: SKIP_REASON }, () => {});
} else {
  const site = useServedSite();

  const withPage = (flow) => withDebugger(site.browser, site.server.url, flow);

  const extra = (page, kind) => page.getByTestId("token-extras").locator(`[data-extra="${kind}"]`);

  test("served: a JWS JSON serialization loads the full engine, then verifies", () =>
    withPage(async (page, { requests }) => {
      const header = b64url(JSON.stringify({ alg: "HS256" }));
      const payload = b64url(JSON.stringify({ sub: "json" }));
      const serialized = JSON.stringify({ payload, signatures: [{ protected: header, header: { kid: "k" }, signature: hmacSignature(`${header}.${payload}`, SECRET) }] });
      await page.getByTestId("secret-input").fill(SECRET);
      await page.getByTestId("token-input").fill(serialized);
      await expectState(page, "verified");
      assert.equal(await page.locator("html").getAttribute("data-engine"), "full");
      assert.ok(requests.some((url) => url.endsWith("/jwt-lens-full/jwt_lens_bg.wasm")), "the full engine's wasm came from the site");
      assert.equal(await extra(page, "signatures").locator("[data-signature]").count(), 1);
    }));

  test("served: an SD-JWT loads the full engine; its disclosure is placed", () =>
    withPage(async (page) => {
      const disclosure = b64url(JSON.stringify(["salt", "given_name", "Ada"]));
      const digest = createHash("sha256").update(disclosure).digest("base64url");
      const issuer = tokenFor({ _sd: [digest], iss: "https://issuer.example" });
      await page.getByTestId("secret-input").fill(SECRET);
      await page.getByTestId("token-input").fill(`${issuer}~${disclosure}~`);
      await expectState(page, "verified");
      assert.equal(await page.locator("html").getAttribute("data-engine"), "full");
      assert.match(await extra(page, "sd-jwt").textContent(), /given_name/);
    }));
}
