// User flows run against both faces of the debugger (the single file and the served site).
// Each flow drives the page only through its stable hooks (DESIGN §6) and a few encoder ids.

import assert from "node:assert/strict";
import {
  SECRET, b64url, expectDiagnostic, expectState, hmacSignature, hmacToken, tokenFor,
} from "./support.mjs";

const HEADER = JSON.stringify({ alg: "HS256", typ: "JWT" });
const PAYLOAD = JSON.stringify({ sub: "e2e", name: "John Doe", admin: true, iat: 1516239022 });

/** Paste a token and its secret: verified; tamper: invalid; wrong key: invalid; junk: malformed. */
export async function signatureFlow(page) {
  const token = hmacToken(HEADER, PAYLOAD);
  const [header, payload, signature] = token.split(".");

  // Start from "no secret", so a stale "verified" from the start-up example cannot pass the test.
  await page.getByTestId("secret-input").fill("");
  await expectState(page, "unverified");
  await page.getByTestId("token-input").fill(token);
  await expectState(page, "unverified");
  await page.getByTestId("secret-input").fill(SECRET);
  await expectState(page, "verified");
  assert.match(await page.getByTestId("payload-json").textContent(), /"name": "John Doe"/);
  assert.match(await page.getByTestId("header-json").textContent(), /"alg": "HS256"/);

  // The coloured view shows exactly the engine's segments.
  const view = page.getByTestId("token-view");
  assert.equal(await view.locator('[data-part="header"]').textContent(), header);
  assert.equal(await view.locator('[data-part="payload"]').textContent(), payload);
  assert.equal(await view.locator('[data-part="signature"]').textContent(), signature);

  // One character of the payload changed ("John Doe" -> "John Dof"), signature kept.
  const tampered = `${header}.${b64url(PAYLOAD.replace("John Doe", "John Dof"))}.${signature}`;
  assert.notEqual(tampered, token);
  await page.getByTestId("token-input").fill(tampered);
  await expectState(page, "invalid");
  assert.match(await page.getByTestId("payload-json").textContent(), /John Dof/);

  await page.getByTestId("token-input").fill(token);
  await expectState(page, "verified");
  await page.getByTestId("secret-input").fill(`${SECRET}-wrong`);
  await expectState(page, "invalid");
  await page.getByTestId("secret-input").fill(SECRET);
  await expectState(page, "verified");

  for (const junk of ["this is not a token", "eyJhbGciOiJIUzI1NiJ9.only-two-parts"]) {
    await page.getByTestId("token-input").fill(junk);
    await expectState(page, "malformed");
    assert.ok((await page.getByTestId("diagnostics").locator("> [data-code]").count()) > 0, `no diagnostic for ${junk}`);
  }
  // An encrypted token has no signature: not "invalid", and its five parts are coloured.
  const jwe = `${b64url('{"alg":"dir","enc":"A128GCM"}')}..${b64url("iv-bytes-12")}.${b64url("ciphertext")}.${b64url("tag-16-bytes-abc")}`;
  await page.getByTestId("token-input").fill(jwe);
  await expectState(page, "unverified");
  assert.equal(await view.locator('[data-part="ciphertext"]').textContent(), b64url("ciphertext"));

  await page.getByTestId("token-input").fill("");
  await expectState(page, "unverified");
}

export const XSS = '<img src=x onerror="window.__pwned=1">';
const XSS_SINGLE = "<img src=x onerror='window.__pwned=1'>";

/** Markup in a header, a claim, a non-JSON payload or an alg renders as text, never as elements. */
export async function markupFlow(page) {
  const header = JSON.stringify({ alg: "HS256", typ: "JWT", kid: XSS });
  const payload = JSON.stringify({ sub: "xss", name: XSS, note: XSS_SINGLE });
  await page.getByTestId("token-input").fill(hmacToken(header, payload));
  await page.getByTestId("secret-input").fill(SECRET);
  await expectState(page, "verified");
  const payloadText = await page.getByTestId("payload-json").textContent();
  assert.ok(payloadText.includes(JSON.stringify(XSS)), `payload-json lacks ${JSON.stringify(XSS)}: ${payloadText}`);
  assert.ok(payloadText.includes(XSS_SINGLE), `payload-json lacks the literal ${XSS_SINGLE}`);
  assert.ok((await page.getByTestId("header-json").textContent()).includes(JSON.stringify(XSS)));

  // A payload that is not JSON is shown as its exact text.
  await page.getByTestId("token-input").fill(hmacToken(HEADER, XSS));
  await expectState(page, "verified");
  assert.equal((await page.getByTestId("payload-json").textContent()).trim(), XSS);

  // An alg the engine does not know may be echoed in diagnostics: still text.
  await page.getByTestId("token-input").fill(hmacToken(JSON.stringify({ alg: XSS }), PAYLOAD));
  await page.locator('[data-testid="signature-status"]:not([data-state="verified"])').waitFor({ state: "attached" });

  const damage = await page.evaluate(() => ({
    images: document.querySelectorAll("img").length,
    pwned: typeof window.__pwned,
  }));
  assert.deepEqual(damage, { images: 0, pwned: "undefined" });
}

/** Editing the secret (typing, deleting, changing the encoding, clearing) never edits the token. */
export async function secretNeverTouchesTokenFlow(page) {
  const token = tokenFor({ sub: "secret-edits" });
  const tokenInput = page.getByTestId("token-input");
  const secretInput = page.getByTestId("secret-input");
  await tokenInput.fill(token);
  await secretInput.fill(SECRET);
  await expectState(page, "verified");
  const urlBefore = page.url();

  const edits = [
    () => secretInput.fill("another secret"),
    () => secretInput.pressSequentially("xyz"),
    () => secretInput.press("Backspace"),
    () => page.getByTestId("secret-encoding").selectOption("hex"),
    () => page.getByTestId("secret-encoding").selectOption("base64"),
    () => page.getByTestId("secret-encoding").selectOption("base64url"),
    () => page.getByTestId("secret-encoding").selectOption("utf8"),
    () => secretInput.fill(""),
  ];
  for (const [index, edit] of edits.entries()) {
    await edit();
    assert.equal(await tokenInput.inputValue(), token, `secret edit #${index} changed the token`);
  }
  assert.equal(await page.getByTestId("token-view").textContent(), token);
  await expectState(page, "unverified");
  // Keys never reach the URL (only a token may ever be in the fragment, and only if the user put it there).
  assert.equal(page.url(), urlBefore);
}

/** `=` padding and a Bearer prefix are explained by diagnostics with the right codes. */
export async function diagnosticsFlow(page) {
  // {"sub":"1"} is 11 bytes, so standard base64 pads it with "=".
  const paddedPayload = Buffer.from('{"sub":"1"}').toString("base64");
  assert.ok(paddedPayload.endsWith("="), "test precondition: the payload segment is padded");
  const signingInput = `${b64url(HEADER)}.${paddedPayload}`;
  const padded = `${signingInput}.${hmacSignature(signingInput, SECRET)}`;
  await page.getByTestId("secret-input").fill(SECRET);
  await page.getByTestId("token-input").fill(padded);
  const paddingText = await expectDiagnostic(page, "invalid_base64");
  assert.ok(paddingText.trim().length > "invalid_base64".length, "the diagnostic shows a message");

  // A correct signature on an expired token: the badge says verified, the checks say why it is not valid.
  await page.getByTestId("token-input").fill(tokenFor({ sub: "old", exp: 1516239022 }));
  await expectState(page, "verified");
  await expectDiagnostic(page, "expired");
  assert.equal(await page.getByTestId("checks").locator('> [data-check="exp"]').getAttribute("data-ok"), "false");
  assert.match(await page.getByTestId("status-detail").textContent(), /not valid/);

  const token = tokenFor({ sub: "bearer" });
  for (const prefixed of [`Bearer ${token}`, `Authorization: Bearer ${token}`]) {
    await page.getByTestId("token-input").fill(prefixed);
    await expectDiagnostic(page, "bearer_prefix");
    await expectState(page, "verified");
    // The prefix is not coloured as part of the header.
    assert.equal(await page.getByTestId("token-view").locator('[data-part="header"]').textContent(), token.split(".")[0]);
  }
}
