// Shows the pasted input with each token part coloured, using the UTF-16 offsets the engine
// returns in `decoded.segments`. The token is never split here: the engine is the only parser
// (DESIGN §2), so what is coloured is exactly what the engine read. Text outside every segment
// (a `Bearer ` prefix, the dots, whitespace) is shown plain.

import { el } from "./dom.js";

/** Human names of the parts, used for the hover title and screen readers. */
const PART_NAMES = {
  header: "header",
  payload: "payload",
  signature: "signature",
  encrypted_key: "encrypted key",
  iv: "initialisation vector",
  ciphertext: "ciphertext",
  tag: "authentication tag",
  extra: "unexpected extra part",
  disclosure: "SD-JWT disclosure",
  kb_jwt: "key binding JWT",
};

/** Parts longer than this are shown cut (head … tail) until the user asks for all of them. */
export const LONG_PART_CHARS = 6000;
const SHOWN_EDGE_CHARS = 1500;

/**
 * Replaces `container`'s content with `input` split into coloured runs per segment. A part longer
 * than LONG_PART_CHARS is cut to its start and end unless `full`; then a "show all" button calls
 * `onShowAll()` (laying out a megabyte of text on every keystroke would freeze the page).
 */
export function renderTokenView(container, input, segments, { full = true, onShowAll = null } = {}) {
  const runs = [];
  let cursor = 0;
  let cut = 0;
  // Defensive ordering and clamping: the offsets come from the engine, but a bad offset must
  // never throw here or duplicate text on screen.
  const ordered = segments
    .filter((segment) => Number.isInteger(segment.start) && Number.isInteger(segment.end))
    .sort((a, b) => a.start - b.start);

  for (const segment of ordered) {
    const start = Math.max(segment.start, cursor);
    const end = Math.min(segment.end, input.length);
    if (end <= start) continue; // an empty part (e.g. the signature of an unsecured JWT)
    if (start > cursor) runs.push(plainRun(input.slice(cursor, start)));
    if (!full && end - start > LONG_PART_CHARS) {
      cut += end - start - 2 * SHOWN_EDGE_CHARS;
      runs.push(partRun(segment.part, input.slice(start, start + SHOWN_EDGE_CHARS), true));
      runs.push(el("span", { class: "run-cut", text: ` … ${(end - start - 2 * SHOWN_EDGE_CHARS).toLocaleString("en")} characters not shown … ` }));
      runs.push(partRun(segment.part, input.slice(end - SHOWN_EDGE_CHARS, end), true));
    } else {
      runs.push(partRun(segment.part, input.slice(start, end)));
    }
    cursor = end;
  }
  if (cursor < input.length) runs.push(plainRun(input.slice(cursor)));
  if (cut > 0 && onShowAll !== null) {
    const button = el("button", { type: "button", class: "show-all", "data-testid": "token-show-all", text: "Show the whole token" });
    button.addEventListener("click", onShowAll);
    runs.push(button);
  }

  container.replaceChildren(...runs);
  container.dataset.truncated = String(cut > 0);
}

function plainRun(text) {
  return el("span", { class: "run-plain", text });
}

function partRun(part, text, truncated = false) {
  const name = PART_NAMES[part] ?? part;
  // `data-part` gives CSS its colour + underline style (the non-colour cue) and tests a handle.
  // role=group + aria-label gives each part an accessible name without adding text to the view
  // (its text must stay exactly the input's).
  return el("span", { class: "run-part", "data-part": part, title: name, role: "group", "aria-label": truncated ? `${name} (cut)` : name, text });
}
