// Every algorithm's example verifies: the example picker generates a key in the page, signs an
// example token and hands it to the decoder with the verifying key. Run on the single file (the
// full engine from the start) for every algorithm, and on the served site for a few, where the
// full engine loads on demand.

import assert from "node:assert/strict";
import { test } from "node:test";
import { SKIP_REASON, expectState, useBothFaces } from "./support.mjs";

/** Every algorithm the engine signs and verifies (README "Algorithms"). */
const EVERY_ALGORITHM = [
  "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
  "ES256", "ES384", "ES512", "ES256K", "EdDSA", "Ed25519", "ML-DSA-44", "ML-DSA-65", "ML-DSA-87",
];

/** Loads `alg`'s example and checks the decoder verifies it, with the right alg and kid. */
async function exampleVerifies(page, alg) {
  const status = page.getByTestId("example-status");
  const previous = await page.getByTestId("token-input").inputValue();
  await page.getByTestId("example-alg").selectOption(alg);
  await page.getByTestId("example-load").click();
  try {
    await page.waitForFunction(
      ([before, wanted]) => {
        const note = document.querySelector('[data-testid="example-status"]');
        return note.dataset.state === "ready" && note.textContent.includes(wanted)
          && document.querySelector('[data-testid="token-input"]').value !== before;
      },
      [previous, alg],
      { timeout: 60_000 },
    );
  } catch {
    assert.fail(`${alg}: no example; the page says: ${await status.textContent()}`);
  }
  await expectState(page, "verified");
  const token = await page.getByTestId("token-input").inputValue();
  const header = JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));
  assert.equal(header.alg, alg);
  assert.match(await status.textContent(), new RegExp(`kid ${header.kid}`));
  const key = await page.getByTestId("secret-input").inputValue();
  if (!alg.startsWith("HS")) assert.match(key, /^-----BEGIN PUBLIC KEY-----/, `${alg}: the decoder verifies with the public key only`);
  // The encoder holds the same texts and the signing key, ready to edit.
  assert.equal(await page.getByTestId("encoder-alg").inputValue(), alg);
}

if (SKIP_REASON !== null) {
  test("examples", { skip: SKIP_REASON }, () => {});
} else {
  const { withFace } = useBothFaces();

  test("single file: every algorithm's example verifies", () =>
    withFace("single", async (page) => {
      const offered = await page.getByTestId("example-alg").locator("option:not([disabled])").evaluateAll((options) => options.map((o) => o.value));
      for (const alg of EVERY_ALGORITHM) assert.ok(offered.includes(alg), `the example menu offers ${alg}`);
      for (const alg of EVERY_ALGORITHM) await exampleVerifies(page, alg);
    }));

  test("served: examples load the full engine when they need it, and verify", () =>
    withFace("served", async (page) => {
      for (const alg of ["HS512", "ES256", "ML-DSA-44", "PS256"]) await exampleVerifies(page, alg);
      assert.equal(await page.locator("html").getAttribute("data-engine"), "full");
    }));
}
