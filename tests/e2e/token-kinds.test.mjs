// The engine's token kinds and lint findings (issue #4) as the debugger shows them: JWS JSON
// serialization (RFC 7520 cookbook 4.8, three signatures), nested JWT, SD-JWT disclosures, JWE
// parts, RFC 7797 b64:false, and lint diagnostics, all with the stable hooks.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  ROOT, SECRET, SINGLE_FILE_URL, SKIP_REASON, b64url, expectDiagnostic, expectState, hmacSignature, hmacToken, tokenFor, useBrowser, withDebugger,
} from "./support.mjs";

const VECTORS = process.env.JWT_LENS_VECTORS ?? join(ROOT, "..", "shared", "vectors");
const COOKBOOK_4_8 = join(VECTORS, "ietf-jose-cookbook", "jws", "4_8.multiple_signatures.json");

const extra = (page, kind) => page.getByTestId("token-extras").locator(`[data-extra="${kind}"]`);

if (SKIP_REASON !== null) {
  test("token kinds in the debugger", { skip: SKIP_REASON }, () => {});
} else {
  const disk = useBrowser();
  const withPage = (flow) => withDebugger(disk.browser, SINGLE_FILE_URL, flow);

  test("JWS JSON serialization (cookbook 4.8): each signature listed, the one that verified marked", { skip: existsSync(COOKBOOK_4_8) ? false : `${COOKBOOK_4_8} is missing` }, () =>
    withPage(async (page) => {
      const vector = JSON.parse(readFileSync(COOKBOOK_4_8, "utf8"));
      const [rsaKey, , hmacKey] = vector.input.key;
      // Compact JSON text: the engine reads whitespace around a token as pasting damage.
      await page.getByTestId("token-input").fill(JSON.stringify(vector.output.json));
      await page.getByTestId("secret-input").fill(JSON.stringify(hmacKey));
      await expectState(page, "verified");
      const rows = extra(page, "signatures").locator("[data-signature]");
      assert.equal(await rows.count(), 3);
      assert.equal(await rows.nth(2).getAttribute("data-outcome"), "verified");
      assert.equal(await rows.nth(0).getAttribute("data-outcome"), "failed");
      assert.match(await rows.nth(1).textContent(), /ES512/);
      assert.match(await page.getByTestId("payload-json").textContent(), /dangerous business, Frodo/);

      const { d, p, q, dp, dq, qi, ...rsaPublic } = rsaKey;
      await page.getByTestId("secret-input").fill(JSON.stringify(rsaPublic));
      await expectState(page, "verified");
      assert.equal(await rows.nth(0).getAttribute("data-outcome"), "verified");
    }));

  test("a nested JWT (cty: JWT) shows the inner token decoded", () =>
    withPage(async (page) => {
      const inner = tokenFor({ sub: "inner-subject" });
      await page.getByTestId("token-input").fill(hmacToken(JSON.stringify({ alg: "HS256", cty: "JWT" }), inner));
      await page.getByTestId("secret-input").fill(SECRET);
      await expectState(page, "verified");
      const nested = extra(page, "nested");
      await nested.waitFor({ state: "visible" });
      assert.match(await nested.textContent(), /inner-subject/);
    }));

  test("SD-JWT: disclosures say what they reveal; a stray disclosure is sd_digest_mismatch", () =>
    withPage(async (page) => {
      const disclosure = b64url(JSON.stringify(["2GLC42sKQveCfGfryNRN9w", "given_name", "<b>John</b>"]));
      const digest = createHash("sha256").update(disclosure).digest("base64url");
      const issuerJwt = tokenFor({ iss: "https://issuer.example", _sd: [digest], _sd_alg: "sha-256" });
      await page.getByTestId("token-input").fill(`${issuerJwt}~${disclosure}~`);
      await page.getByTestId("secret-input").fill(SECRET);
      await expectState(page, "verified");
      const row = extra(page, "sd-jwt").locator('[data-disclosure="0"]');
      assert.equal(await row.getAttribute("data-matched"), "true");
      assert.match(await row.textContent(), /given_name.*<b>John<\/b>/);
      assert.equal(await page.locator("b").count(), 0, "disclosed markup is text");
      assert.ok((await page.getByTestId("token-view").locator('[data-part="disclosure"]').count()) >= 1);

      const stray = b64url(JSON.stringify(["salt-salt-salt", "email", "x@example.com"]));
      await page.getByTestId("token-input").fill(`${issuerJwt}~${disclosure}~${stray}~`);
      await expectDiagnostic(page, "sd_digest_mismatch");
      await expectState(page, "malformed"); // the signature is fine; the presentation is not
      assert.equal(await extra(page, "sd-jwt").locator('[data-disclosure="1"]').getAttribute("data-matched"), "false");
    }));

  test("a compact JWE: alg, enc and its five parts explained, jwe_not_decrypted", () =>
    withPage(async (page) => {
      const jwe = `${b64url('{"alg":"dir","enc":"A128GCM"}')}..${b64url("iv-bytes-12")}.${b64url("ciphertext")}.${b64url("tag-16-bytes-abc")}`;
      await page.getByTestId("token-input").fill(jwe);
      await expectState(page, "unverified");
      await expectDiagnostic(page, "jwe_not_decrypted");
      const block = extra(page, "jwe");
      assert.match(await block.textContent(), /A128GCM/);
      assert.equal(await block.locator("[data-part-name]").count(), 5);
      assert.equal(await page.locator('.legend-item[data-part="ciphertext"]').isVisible(), true);
    }));

  test("RFC 7797 b64:false verifies only when the verifier says it supports it", () =>
    withPage(async (page) => {
      const header = b64url(JSON.stringify({ alg: "HS256", b64: false, crit: ["b64"] }));
      const payload = "$02 unencoded"; // no "." (RFC 7797 §5.2: a compact b64:false payload cannot hold one)
      const token = `${header}.${payload}.${hmacSignature(`${header}.${payload}`, SECRET)}`;
      await page.getByTestId("token-input").fill(token);
      await page.getByTestId("secret-input").fill(SECRET);
      // Without the option the token is not valid: b64 and crit fail (the signature itself matches).
      await page.locator('[data-testid="checks"] > [data-check="b64"][data-ok="false"]').waitFor({ state: "attached" });
      await expectDiagnostic(page, "b64_invalid");
      assert.equal(await page.getByTestId("status-detail").getAttribute("data-valid"), "false");
      await page.locator("details.advanced > summary").click();
      await page.getByTestId("supports-b64").check();
      await page.locator('[data-testid="checks"] > [data-check="b64"][data-ok="true"]').waitFor({ state: "attached" });
      await expectState(page, "verified");
      assert.equal(await page.getByTestId("status-detail").getAttribute("data-valid"), "true");
      assert.equal((await page.getByTestId("payload-json").textContent()).trim(), payload);
      assert.match(await extra(page, "b64").textContent(), /RFC 7797/);
    }));

  test("lint findings appear as diagnostics: a demo secret, missing exp, personal data", () =>
    withPage(async (page) => {
      await page.getByTestId("secret-input").fill("");
      await page.getByTestId("token-input").fill(tokenFor({ sub: "lint", email: "alice@example.com" }, "your-256-bit-secret"));
      const known = await expectDiagnostic(page, "known_secret");
      assert.match(known, /your-256-bit-secret/);
      await expectDiagnostic(page, "missing_exp");
      await expectDiagnostic(page, "personal_data");
    }));
}
