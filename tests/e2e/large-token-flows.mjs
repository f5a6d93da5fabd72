// Flows of a 1 MB token in the debugger (issue #5, "large tokens"): the token box folds it away
// (www/large-token.js), the work runs in a task after the edit, the views show it cut, and the
// box unfolds for whoever edits it by hand; the encoder folds a 1 MB output the same way.

import assert from "node:assert/strict";
import { SECRET, expectState, tokenFor } from "./support.mjs";

/** A HS256 token of just over 1 MB, signed with SECRET. */
function megabyteToken(extra = {}) {
  const blob = "x".repeat(750_000);
  const token = tokenFor({ sub: "big", blob, ...extra });
  assert.ok(token.length >= 1_000_000, `test precondition: a 1 MB token (${token.length})`);
  return { token, blob };
}

/** What the token box shows: folded or not, and where the keyboard is. */
function boxState(page) {
  return page.evaluate(() => ({
    inputHidden: document.querySelector('[data-testid="token-input"]').hidden,
    foldHidden: document.querySelector('[data-testid="large-token"]').hidden,
    large: document.querySelector('[data-testid="token-box"]').dataset.large,
    focus: document.activeElement?.dataset.testid ?? document.activeElement?.tagName,
  }));
}

/**
 * A 1 MB token set by a script: the edit only folds the box and schedules the work (done in a
 * task of its own); the page then shows it verified with the huge parts cut, and "show all"
 * reveals every character. "Edit the whole token" unfolds it for typing, still deferred.
 */
export async function largeTokenFlow(page) {
  const { token, blob } = megabyteToken();
  await page.getByTestId("secret-input").fill(SECRET);
  const onKeystroke = await page.evaluate((text) => {
    const input = document.querySelector('[data-testid="token-input"]');
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    // Read synchronously, in the same task as the edit: nothing heavy may have run yet.
    return {
      busy: document.querySelector('[data-testid="token-box"]').dataset.busy,
      detail: document.querySelector('[data-testid="status-detail"]').textContent,
      payload: document.querySelector('[data-testid="payload-json"]').textContent.length,
      inputHidden: input.hidden,
    };
  }, token);
  assert.equal(onKeystroke.busy, "true", "a 1 MB token is not decoded inside the edit");
  assert.match(onKeystroke.detail, /Large token/);
  assert.ok(onKeystroke.payload < 100_000, "the old payload is still shown during the edit");
  assert.equal(onKeystroke.inputHidden, true, "the box is folded in the same task, before any layout");

  await expectState(page, "verified");
  await page.locator('[data-testid="token-box"][data-busy="false"]').waitFor({ state: "attached" });
  assert.match(await page.getByTestId("large-token-summary").textContent(), /1\.0\d MB \(1,0\d\d,\d{3} characters\)/);
  const view = page.getByTestId("token-view");
  assert.equal(await view.getAttribute("data-truncated"), "true");
  assert.ok((await view.textContent()).length < 20_000, "the token view is cut");
  const payload = page.getByTestId("payload-json");
  assert.equal(await payload.getAttribute("data-truncated"), "true");
  assert.ok((await payload.textContent()).length < 30_000, "the payload view is cut");

  await page.getByTestId("payload-show-all").click();
  assert.equal(await payload.getAttribute("data-truncated"), "false");
  assert.ok((await payload.textContent()).includes(blob), "show all reveals the whole payload");
  await page.getByTestId("token-show-all").click();
  assert.equal(await view.textContent(), token);

  // Unfolded for typing: each keystroke only schedules; the work runs once typing pauses.
  await page.getByTestId("large-token-edit").click();
  assert.deepEqual(await boxState(page), { inputHidden: false, foldHidden: true, large: "true", focus: "token-input" });
  await page.keyboard.press("End");
  await page.keyboard.type("AB");
  await page.keyboard.press("Backspace"); // three keystrokes: the signature ends up one character longer
  await expectState(page, "invalid");
  assert.equal(await page.getByTestId("token-input").inputValue(), `${token}A`);

  // Back to a small token: unfolded, decoded on the keystroke again, nothing cut.
  const small = tokenFor({ sub: "small" });
  await page.getByTestId("token-input").fill(small);
  await expectState(page, "verified");
  assert.deepEqual(await boxState(page), { inputHidden: false, foldHidden: true, large: "false", focus: "token-input" });
  assert.equal(await view.textContent(), small);
  assert.equal(await page.getByTestId("payload-show-all").isHidden(), true);
}

/**
 * Real pastes through the clipboard (Control+V): a 1 MB paste is taken over, folded and
 * verified, with the keyboard left on the fold; pasting again there replaces the whole token;
 * a small paste there unfolds the box; "Clear" empties it and gives the box the keyboard; a
 * large drop replaces the whole text.
 */
export async function largePasteFlow(page) {
  const { token } = megabyteToken();
  const other = megabyteToken({ sub: "other" }).token;
  const paste = async (text) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press("Control+V");
  };
  await page.getByTestId("secret-input").fill(SECRET);
  await page.getByTestId("token-input").fill("x.y"); // a selection the paste replaces
  await page.getByTestId("token-input").selectText();
  await paste(token);
  await expectState(page, "verified");
  assert.equal(await page.getByTestId("token-input").inputValue(), token, "the paste replaced the selected text");
  assert.deepEqual(await boxState(page), { inputHidden: true, foldHidden: false, large: "true", focus: "large-token-edit" });

  await paste(`${other}A`); // the focus is on the fold: the whole token is replaced
  await expectState(page, "invalid");
  assert.equal(await page.getByTestId("token-input").inputValue(), `${other}A`);
  await paste(other);
  await expectState(page, "verified");

  const small = tokenFor({ sub: "small" });
  await paste(small);
  await expectState(page, "verified");
  assert.equal(await page.getByTestId("token-input").inputValue(), small);
  assert.deepEqual(await boxState(page), { inputHidden: false, foldHidden: true, large: "false", focus: "token-input" });

  await page.getByTestId("token-input").selectText();
  await paste(token);
  await expectState(page, "verified");
  await page.getByTestId("large-token-clear").click();
  assert.equal(await page.getByTestId("token-input").inputValue(), "");
  assert.deepEqual(await boxState(page), { inputHidden: false, foldHidden: true, large: "false", focus: "token-input" });

  // A large drop replaces the whole text (the page cannot see where it was dropped) and folds.
  await page.getByTestId("token-input").fill("an old token");
  const dataTransfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    return data;
  }, token);
  await page.getByTestId("token-input").dispatchEvent("drop", { dataTransfer });
  await expectState(page, "verified");
  assert.equal(await page.getByTestId("token-input").inputValue(), token);
  assert.equal((await boxState(page)).inputHidden, true);
}

/**
 * A 1 MB token handed to the encoder ("Edit this token in the encoder"): it re-signs into the
 * same token, whose box is folded; typing into the payload only clears the stale token and
 * schedules the signing, which runs once typing pauses; "Open in decoder" hands it back.
 */
export async function largeEncoderFlow(page) {
  const { token } = megabyteToken();
  await page.getByTestId("secret-input").fill(SECRET);
  await page.getByTestId("token-input").fill(token);
  await expectState(page, "verified");
  await page.getByTestId("decoder-edit").click();
  const output = page.getByTestId("encoder-output");
  await page.waitForFunction(() => document.querySelector('[data-testid="encoder-output"]').value !== "");
  assert.equal(await output.inputValue(), token, "the same texts and secret sign into the same token");
  assert.equal(await output.isHidden(), true, "the 1 MB output box is folded");
  assert.match(await page.getByTestId("encoder-output-folded").textContent(), /1,0\d\d,\d{3} characters long/);

  await page.getByTestId("encoder-payload").focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Backspace"); // the closing brace: the JSON breaks ...
  const onKeystroke = await page.evaluate(() => ({
    output: document.querySelector('[data-testid="encoder-output"]').value,
    note: document.querySelector('[data-testid="encoder-output-folded"]').textContent,
  }));
  assert.deepEqual(onKeystroke, { output: "", note: "Large input: the token is signed when typing pauses…" });
  await page.keyboard.type("}"); // ... and mends: the same token again, once typing pauses
  await page.waitForFunction(() => document.querySelector('[data-testid="encoder-output"]').value !== "");
  assert.equal(await output.inputValue(), token);

  await page.getByTestId("encoder-open").click();
  await expectState(page, "verified");
  assert.equal(await page.getByTestId("token-input").inputValue(), token);
  assert.equal(await page.getByTestId("token-input").isHidden(), true, "folded in the decoder too");
}
