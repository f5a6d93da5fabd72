// Keeps a huge token out of the text box's layout. Chromium lays out a textarea's whole text on
// every change (~100 ms for a 1 MB token, wrapped or not), and its own paste command costs as
// much again before the page hears of it. So an input of LARGE_INPUT_CHARS or more is held in
// the folded, never laid out, textarea while a short summary takes its place; the coloured view
// under it shows the token's start and end. "Edit the whole token" unfolds the box for whoever
// really wants to edit a megabyte by hand, one slow keystroke at a time.
//
// A large paste or drop is taken over before the browser's own editing runs: the text goes
// straight into the folded box (so the browser's undo does not cover that paste), and the
// decoder hears an ordinary `input` event of type insertFromPaste / insertFromDrop.

import { LARGE_INPUT_CHARS } from "./schedule.js";

/**
 * Wires the fold to `input` (the token textarea) inside `box`, with the summary elements.
 * Returns `setValue(text)`, for a token that arrives without an event of the user's (from the
 * address, an example or the encoder): it is folded before it is set.
 */
export function createLargeTokenFold({ box, input, panel, summary, edit, clear }) {
  let editingWhole = false; // the user unfolded a large token to edit it

  /** Folds a large token away, or unfolds the box. */
  function sync() {
    const hadFocus = document.activeElement === input;
    const large = input.value.length >= LARGE_INPUT_CHARS;
    if (!large) editingWhole = false;
    const folded = large && !editingWhole;
    // Hide before the next frame, in the same task as the change: the layout never happens.
    // Written only when they change: this runs on every keystroke of a normal token too.
    if (input.hidden !== folded) input.hidden = folded;
    if (panel.hidden === folded) panel.hidden = !folded;
    if (box.dataset.large !== String(large)) box.dataset.large = String(large);
    if (folded) {
      summary.textContent = `This token is ${describeSize(input.value.length)}. The text box is folded so the page stays quick; the coloured view below shows its start and end.`;
      if (hadFocus) edit.focus(); // keyboard users keep a place in the page
    }
  }

  /** A paste replaces the selection; a drop (whose drop point the page cannot see) the whole text. */
  function takeOver(event, text, inputType) {
    const all = inputType === "insertFromDrop";
    const start = all ? 0 : (input.selectionStart ?? input.value.length);
    const end = all ? input.value.length : (input.selectionEnd ?? start);
    const next = `${input.value.slice(0, start)}${text}${input.value.slice(end)}`;
    if (next.length < LARGE_INPUT_CHARS || editingWhole) return; // the browser does it as usual
    event.preventDefault();
    const hadFocus = document.activeElement === input;
    replace(next, inputType);
    if (hadFocus) edit.focus();
  }

  /** The whole value replaced as the user's own edit would: folded first, then announced. */
  function replace(text, inputType) {
    if (text.length >= LARGE_INPUT_CHARS) input.hidden = true; // first: setting it lays nothing out
    input.value = text;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType })); // sync runs first
  }

  input.addEventListener("paste", (event) => {
    takeOver(event, event.clipboardData?.getData("text/plain") ?? "", "insertFromPaste");
  });
  input.addEventListener("drop", (event) => {
    const text = event.dataTransfer?.getData("text/plain") ?? "";
    if (text !== "") takeOver(event, text, "insertFromDrop");
  });
  // Pasting while the summary has the focus replaces the whole token: the natural "paste
  // another one" (its buttons hold the focus after a large paste).
  panel.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text/plain") ?? "";
    if (text === "") return;
    event.preventDefault();
    replace(text, "insertFromPaste");
    if (input.hidden) edit.focus();
    else input.focus();
  });
  input.addEventListener("input", sync);
  edit.addEventListener("click", () => {
    editingWhole = true;
    sync();
    input.focus();
  });
  clear.addEventListener("click", () => {
    replace("", "deleteContent");
    input.focus();
  });
  return function setValue(text) {
    editingWhole = false; // a new token starts folded again
    if (text.length >= LARGE_INPUT_CHARS) input.hidden = true; // first: setting it lays nothing out
    input.value = text;
    sync();
  };
}

/** "1.00 MB (1,000,123 characters)". */
function describeSize(chars) {
  const size = chars >= 1e6 ? `${(chars / 1e6).toFixed(2)} MB` : `${Math.round(chars / 1e3)} kB`;
  return `${size} (${chars.toLocaleString("en")} characters)`;
}
