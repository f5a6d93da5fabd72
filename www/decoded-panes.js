// The decoded side's header and payload panes: JSON or claims-table view, word wrap, copy
// buttons and the time-claims summary. Renders what decoder.js hands it (the engine's Decoded).

import { byTestId, prettyJson } from "./dom.js";
import { renderClaimsTable } from "./claims-table.js";
import { renderClaimTimes } from "./claim-times.js";
import { copyText } from "./clipboard.js";

/** Wires the view switch, wrap toggle and copy buttons; returns `{ render(decoded, clock) }`. */
export function createDecodedPanes() {
  const view = {
    header: byTestId("header-json"),
    payload: byTestId("payload-json"),
    headerTable: byTestId("header-table"),
    claimsTable: byTestId("claims-table"),
    claimTimes: byTestId("claim-times"),
    wrap: byTestId("wrap-toggle"),
    headerShowAll: byTestId("header-show-all"),
    payloadShowAll: byTestId("payload-show-all"),
    switches: [byTestId("view-json"), byTestId("view-table")],
  };
  let mode = "json";
  let last = null; // the last decoded token and clock, to redraw on a view switch
  const header = longText(view.header, view.headerShowAll);
  const payload = longText(view.payload, view.payloadShowAll);

  function draw() {
    if (last === null) return;
    const { decoded, clock } = last;
    const table = mode === "table";
    view.header.hidden = table;
    view.payload.hidden = table;
    view.headerTable.hidden = !table;
    view.claimsTable.hidden = !table;
    // Only the visible view is built: a 1 MB payload must not be laid out twice per keystroke.
    if (table) {
      renderClaimsTable(view.headerTable, decoded.header, "header", clock);
      renderClaimsTable(view.claimsTable, decoded.kind === "jwe" ? null : decoded.payload, "payload", clock);
    }
  }

  for (const button of view.switches) {
    button.addEventListener("click", () => {
      mode = button.dataset.view;
      for (const other of view.switches) other.setAttribute("aria-pressed", String(other === button));
      draw();
    });
  }
  view.wrap.addEventListener("change", () => {
    for (const pre of [view.header, view.payload]) pre.classList.toggle("wrap", view.wrap.checked);
  });
  for (const button of document.querySelectorAll("[data-copy]")) {
    const source = button.dataset.copy === "header" ? header : payload;
    button.addEventListener("click", () => copyText(source.text(), button));
  }

  return {
    /** Shows `decoded` (header and payload texts are set by the caller's truncation rules). */
    render(decoded, clock, { headerText, payloadText }) {
      header.show(headerText);
      payload.show(payloadText);
      renderClaimTimes(view.claimTimes, decoded.kind === "jwe" ? null : decoded.payload, clock);
      last = { decoded, clock };
      draw();
    },
  };
}

/** JSON views longer than this are cut until the user asks for all of it. */
export const LONG_JSON_CHARS = 20_000;

/**
 * A `<pre>` that shows at most LONG_JSON_CHARS of its text until `button` ("show all") is
 * pressed; a new text starts cut again. `text()` is always the whole text (what Copy copies).
 */
function longText(pre, button) {
  let whole = "";
  let full = false;
  function draw() {
    const cut = !full && whole.length > LONG_JSON_CHARS;
    pre.textContent = cut
      ? `${whole.slice(0, LONG_JSON_CHARS)}\n… ${(whole.length - LONG_JSON_CHARS).toLocaleString("en")} more characters`
      : whole;
    pre.dataset.truncated = String(cut);
    button.hidden = !cut;
  }
  button.addEventListener("click", () => {
    full = true;
    draw();
    pre.focus();
  });
  return {
    show(text) {
      if (text !== whole) full = false;
      whole = text;
      draw();
    },
    text: () => whole,
  };
}

/** Codes meaning a parsed-and-reprinted JSON would misstate the token (rounded digits, lost members). */
const EXACT_TEXT_CODES = new Set(["big_number", "duplicate_member"]);

/**
 * The header and payload as shown in the JSON view: pretty-printed from the engine's parsed
 * value, except when that would misstate them (an integer beyond 2^53 that JavaScript rounds, a
 * duplicate member the parse drops): then the engine's exact text, and a line saying why.
 */
export function decodedTexts(decoded) {
  const exact = (decoded.diagnostics ?? []).some((diagnostic) => EXACT_TEXT_CODES.has(diagnostic.code));
  const show = (parsed, text) => (exact && typeof text === "string" ? `${text}\n\n(shown exactly as in the token: reformatting it would change it, see the diagnostics)` : prettyJson(parsed, text));
  return {
    headerText: show(decoded.header, decoded.headerJson),
    payloadText:
      decoded.kind === "jwe"
        ? "(encrypted: the payload of a JWE cannot be read without decrypting it)"
        : show(decoded.payload, decoded.payloadJson),
  };
}
