// The encoder's editing help and hand-offs: JSON errors pointed at, claim helpers, copying the
// token as a Bearer header or a curl command, "edit this token" from the decoder, and the
// promise that editing in the encoder never re-signs (or otherwise touches) the decoded token.

import assert from "node:assert/strict";
import { SECRET, expectState, hmacSignature, tokenFor } from "./support.mjs";

async function openEncoder(page) {
  await page.getByTestId("tab-encode").click();
  await page.getByTestId("encoder-payload").waitFor({ state: "visible" });
}

async function outputToken(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="encoder-output"]').value !== "");
  return page.getByTestId("encoder-output").inputValue();
}

function payloadOf(token) {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
}

/** A syntax error is pointed at by line and column, with the line and a caret; fixing it clears it. */
export async function jsonErrorFlow(page) {
  await openEncoder(page);
  const panel = page.getByTestId("encoder-payload-error");
  await page.getByTestId("encoder-payload").fill('{\n  "sub": "x",\n  "n": 1,\n}');
  await panel.waitFor({ state: "visible" });
  assert.equal(await panel.getAttribute("data-line"), "4");
  assert.equal(await panel.getAttribute("data-column"), "1");
  assert.match(await panel.textContent(), /line 4, column 1: .*trailing comma/);
  assert.equal(await page.getByTestId("encoder-payload").getAttribute("aria-invalid"), "true");
  assert.match(await page.getByTestId("encoder-error").textContent(), /Payload is not valid JSON: line 4, column 1/);
  assert.equal(await page.getByTestId("encoder-output").inputValue(), "");

  // "Go to the error" puts the caret on the spot in the box.
  await page.getByTestId("encoder-payload-error-go").click();
  const caret = await page.getByTestId("encoder-payload").evaluate((box) => [document.activeElement === box, box.selectionStart]);
  assert.deepEqual(caret, [true, '{\n  "sub": "x",\n  "n": 1,\n'.length]);

  // The header is checked too, with its own pointer; the payload's one is gone once it is fixed.
  await page.getByTestId("encoder-payload").fill('{"sub":"x"}');
  await panel.waitFor({ state: "hidden" });
  await page.getByTestId("encoder-header").fill('{"alg":"HS256" "typ":"JWT"}');
  const headerPanel = page.getByTestId("encoder-header-error");
  await headerPanel.waitFor({ state: "visible" });
  assert.equal(await headerPanel.getAttribute("data-column"), "16");
  await page.getByTestId("encoder-header").fill('{"alg":"HS256","typ":"JWT"}');
  await headerPanel.waitFor({ state: "hidden" });
  await page.getByTestId("encoder-secret-encoding").selectOption("utf8");
  await page.getByTestId("encoder-secret").fill(SECRET);
  assert.deepEqual(payloadOf(await outputToken(page)), { sub: "x" });
}

/** iat and nbf now, exp now + 5 min / 1 h / 1 day: whole seconds, around the test's own clock. */
export async function claimHelpersFlow(page) {
  await openEncoder(page);
  await page.getByTestId("encoder-header").fill('{"alg":"HS256","typ":"JWT"}');
  await page.getByTestId("encoder-payload").fill('{"sub":"claims"}');
  await page.getByTestId("encoder-secret-encoding").selectOption("utf8");
  await page.getByTestId("encoder-secret").fill(SECRET);
  for (const [button, claim, offset] of [
    ["claim-iat", "iat", 0], ["claim-nbf", "nbf", 0], ["claim-exp-5m", "exp", 300],
    ["claim-exp-1h", "exp", 3600], ["claim-exp-1d", "exp", 86400],
  ]) {
    const before = Math.floor(Date.now() / 1000);
    await page.getByTestId(button).click();
    const after = Math.floor(Date.now() / 1000);
    const payload = JSON.parse(await page.getByTestId("encoder-payload").inputValue());
    assert.ok(Number.isInteger(payload[claim]), `${claim} is a whole NumericDate`);
    assert.ok(payload[claim] >= before + offset && payload[claim] <= after + offset, `${button}: ${payload[claim]} not in [${before + offset}, ${after + offset}]`);
    assert.equal(payload.sub, "claims", "the other claims stay");
    assert.equal(payloadOf(await outputToken(page))[claim], payload[claim], "the signed token carries it");
  }
  // A payload that is not an object cannot take a claim: the page says so and changes nothing.
  await page.getByTestId("encoder-payload").fill("[1, 2]");
  await page.getByTestId("claim-iat").click();
  assert.equal(await page.getByTestId("encoder-payload").inputValue(), "[1, 2]");
  assert.match(await page.getByTestId("encoder-error").textContent(), /JSON object first/);
}

/** The token as itself, as an Authorization header and as a curl command (quoted for the shell). */
export async function shareFlow(page, { clipboard = false } = {}) {
  await openEncoder(page);
  await page.getByTestId("encoder-header").fill('{"alg":"HS256","typ":"JWT"}');
  await page.getByTestId("encoder-payload").fill('{"sub":"share"}');
  await page.getByTestId("encoder-secret-encoding").selectOption("utf8");
  await page.getByTestId("encoder-secret").fill(SECRET);
  const token = await outputToken(page);
  const preview = page.getByTestId("encoder-copy-preview");
  const expectations = [
    ["encoder-copy-token", token],
    ["encoder-copy-bearer", `Authorization: Bearer ${token}`],
    ["encoder-copy-curl", `curl -H 'Authorization: Bearer ${token}' 'https://api.example.com/it'\\''s'`],
  ];
  await page.getByTestId("encoder-curl-url").fill("https://api.example.com/it's");
  for (const [button, text] of expectations) {
    await page.getByTestId(button).click();
    assert.equal(await preview.textContent(), text);
    if (clipboard) {
      await page.waitForFunction((expected) => navigator.clipboard.readText().then((copied) => copied === expected), text);
    }
  }
  // No token, nothing to copy: the buttons are disabled while the encoder shows an error.
  await page.getByTestId("encoder-secret").fill("");
  assert.equal(await page.getByTestId("encoder-copy-curl").isDisabled(), true);
  assert.equal(await preview.isHidden(), true);
}

/**
 * "Edit this token" carries the decoder's exact texts and its secret to the encoder, which signs
 * them again into the very same token; edits in the encoder never touch the decoder's token.
 */
export async function editTokenFlow(page) {
  await page.getByTestId("tab-decode").click();
  // Spaces and key order that a re-serialisation would lose: the texts must travel verbatim.
  const headerText = '{"typ":"JWT", "alg":"HS256"}';
  const payloadText = '{ "sub": "edit-me", "n": 1e3 }';
  const signingInput = `${Buffer.from(headerText).toString("base64url")}.${Buffer.from(payloadText).toString("base64url")}`;
  const token = `${signingInput}.${hmacSignature(signingInput, SECRET)}`;
  await page.getByTestId("token-input").fill(token);
  await page.getByTestId("secret-input").fill(SECRET);
  await page.getByTestId("secret-encoding").selectOption("utf8");
  await expectState(page, "verified");

  await page.getByTestId("decoder-edit").click();
  await page.getByTestId("encoder-payload").waitFor({ state: "visible" });
  assert.equal(await page.getByTestId("encoder-header").inputValue(), headerText);
  assert.equal(await page.getByTestId("encoder-payload").inputValue(), payloadText);
  assert.equal(await page.getByTestId("encoder-secret").inputValue(), SECRET);
  assert.equal(await outputToken(page), token, "the same texts and secret sign into the same token");

  // Every kind of edit in the encoder leaves the decoder's token, key and status alone.
  const edits = [
    () => page.getByTestId("encoder-payload").fill('{"sub":"edited"}'),
    () => page.getByTestId("claim-exp-1h").click(),
    () => page.getByTestId("encoder-alg").selectOption("HS384"),
    () => page.getByTestId("encoder-secret").fill("another-secret-that-is-long-enough-for-hs384-!!!!!"),
    () => page.getByTestId("encoder-generate").click(),
    () => page.getByTestId("encoder-header").fill("{broken"),
  ];
  for (const edit of edits) await edit();
  await page.getByTestId("tab-decode").click();
  assert.equal(await page.getByTestId("token-input").inputValue(), token, "the decoder's token was re-signed or changed");
  assert.equal(await page.getByTestId("secret-input").inputValue(), SECRET);
  await expectState(page, "verified");

  // A public key stays behind: the encoder keeps the key it had.
  await page.getByTestId("token-input").fill(tokenFor({ sub: "no-secret" }));
  await page.getByTestId("secret-input").fill("");
  await page.getByTestId("decoder-edit").click();
  assert.equal(JSON.parse(await page.getByTestId("encoder-payload").inputValue()).sub, "no-secret");
  assert.notEqual(await page.getByTestId("encoder-secret").inputValue(), "", "the encoder kept its own key");
}
