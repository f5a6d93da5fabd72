// The encoder: what it signs must verify, in the page's decoder and with node:crypto's HMAC.

import assert from "node:assert/strict";
import { expectState, hmacSignature } from "./support.mjs";

const ENCODER_SECRET = "encoder-secret-of-at-least-32-bytes!!";

/** Waits until the encoder's output is a token different from `previous`; returns it. */
async function nextOutput(page, previous) {
  try {
    await page.waitForFunction(
      (before) => {
        const value = document.querySelector('[data-testid="encoder-output"]').value;
        return value !== "" && value !== before;
      },
      previous,
    );
  } catch {
    const shown = await page.getByTestId("encoder-error").textContent();
    assert.fail(`the encoder produced no new token; it shows: ${shown || "(no error)"}`);
  }
  return page.getByTestId("encoder-output").inputValue();
}

function parts(token) {
  const [header, payload, signature] = token.split(".");
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString("utf8")),
    payload: JSON.parse(Buffer.from(payload, "base64url").toString("utf8")),
    signingInput: `${header}.${payload}`,
    signature,
  };
}

async function openInDecoder(page, token, secret) {
  await page.getByTestId("encoder-open").click();
  await page.getByTestId("token-input").waitFor({ state: "visible" });
  assert.equal(await page.getByTestId("token-input").inputValue(), token);
  assert.equal(await page.getByTestId("secret-input").inputValue(), secret);
  await expectState(page, "verified");
}

export async function encoderFlow(page) {
  await page.getByTestId("tab-encode").click();
  await page.getByTestId("encoder-header").waitFor({ state: "visible" });
  let output = await page.getByTestId("encoder-output").inputValue();

  await page.getByTestId("encoder-header").fill('{"alg":"HS256","typ":"JWT"}');
  await page.getByTestId("encoder-payload").fill('{"sub":"e2e-encoder","n":42}');
  await page.getByTestId("encoder-secret-encoding").selectOption("utf8");
  await page.getByTestId("encoder-secret").fill(ENCODER_SECRET);
  output = await nextOutput(page, output);

  const made = parts(output);
  assert.deepEqual(made.header, { alg: "HS256", typ: "JWT" });
  assert.deepEqual(made.payload, { sub: "e2e-encoder", n: 42 });
  assert.equal(made.signature, hmacSignature(made.signingInput, ENCODER_SECRET, "HS256"), "node:crypto disagrees with the encoder's HMAC");
  await openInDecoder(page, output, ENCODER_SECRET);
  assert.match(await page.getByTestId("payload-json").textContent(), /e2e-encoder/);

  // Another algorithm from the menu rewrites the header's alg; a generated secret is base64url.
  await page.getByTestId("tab-encode").click();
  await page.getByTestId("encoder-alg").selectOption("HS512");
  assert.equal(await page.getByTestId("encoder-header").inputValue(), '{"alg":"HS512","typ":"JWT"}');
  await page.getByTestId("encoder-generate").click();
  output = await nextOutput(page, output);
  const generated = await page.getByTestId("encoder-secret").inputValue();
  assert.match(generated, /^[A-Za-z0-9_-]{86,}$/, "a HS512 secret is at least 64 bytes, base64url");
  assert.equal(await page.getByTestId("encoder-secret-encoding").inputValue(), "base64url");
  const hs512 = parts(output);
  assert.equal(hs512.header.alg, "HS512");
  assert.equal(hs512.signature, hmacSignature(hs512.signingInput, Buffer.from(generated, "base64url"), "HS512"));
  await openInDecoder(page, output, generated);

  // Bad JSON is reported by the engine's error, shown on the page, and produces no token.
  await page.getByTestId("tab-encode").click();
  await page.getByTestId("encoder-payload").fill("{not json");
  await page.getByTestId("encoder-error").waitFor({ state: "visible" });
  assert.ok((await page.getByTestId("encoder-error").textContent()).trim().length > 0);
  assert.equal(await page.getByTestId("encoder-output").inputValue(), "");
  assert.equal(await page.getByTestId("encoder-open").isDisabled(), true);
}
