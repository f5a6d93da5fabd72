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

/** Replaces `container`'s content with `input` split into coloured runs per segment. */
export function renderTokenView(container, input, segments) {
  const runs = [];
  let cursor = 0;
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
    runs.push(partRun(segment.part, input.slice(start, end)));
    cursor = end;
  }
  if (cursor < input.length) runs.push(plainRun(input.slice(cursor)));

  container.replaceChildren(...runs);
}

function plainRun(text) {
  return el("span", { class: "run-plain", text });
}

function partRun(part, text) {
  const name = PART_NAMES[part] ?? part;
  // `data-part` gives CSS its colour + underline style (the non-colour cue) and tests a handle.
  // role=group + aria-label gives each part an accessible name without adding text to the view
  // (its text must stay exactly the input's).
  return el("span", { class: "run-part", "data-part": part, title: name, role: "group", "aria-label": name, text });
}
