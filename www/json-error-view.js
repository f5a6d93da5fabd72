// Shows where a JSON box's text stops being JSON: "line 3, column 5: expected …", the line
// itself with a caret under the spot, and a button that puts the caret there in the box.
// Rendered with textContent only: the excerpt is the user's text.

import { el } from "./dom.js";
import { excerptAt, findJsonError } from "./json-position.js";

/**
 * Checks `box` (a textarea) and renders the finding into `panel` (hidden when the text is JSON).
 * Marks the box `aria-invalid`. Returns a one-line summary starting with `name`, or "".
 */
export function renderJsonError(box, panel, name) {
  const text = box.value;
  const found = findJsonError(text);
  box.setAttribute("aria-invalid", String(found !== null));
  if (found === null) {
    panel.replaceChildren();
    panel.hidden = true;
    return "";
  }
  const where = `line ${found.line}, column ${found.column}`;
  const summary = `${name} is not valid JSON: ${where}: ${found.message}.`;
  const go = el("button", { type: "button", "data-testid": `${panel.dataset.testid}-go`, text: "Go to the error" });
  go.addEventListener("click", () => {
    box.focus();
    box.setSelectionRange(found.offset, Math.min(found.offset + 1, text.length));
  });
  panel.dataset.line = String(found.line);
  panel.dataset.column = String(found.column);
  panel.replaceChildren(
    el("span", { class: "json-error-where", text: `${name}, ${where}: ` }),
    el("span", { text: `${found.message}.` }),
    " ",
    go,
    el("pre", { "aria-hidden": "true", text: excerptAt(text, found.offset) }),
  );
  panel.hidden = false;
  return summary;
}
