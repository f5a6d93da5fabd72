// Builds and fills the <jwt-lens> shadow DOM. Every string that comes from a token, a key or
// the engine is written with textContent, never through the HTML parser (DESIGN §4 rule 10):
// a claim such as "<img onerror=...>" must show as characters.
//
// Each part carries `part="..."` (stylable from the page with ::part()) and the same name as
// `data-testid`, the stable hook for tests.

/** Creates an element; `props.text` becomes textContent, other props become attributes. */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children);
  return node;
}

const named = (tag, name, props = {}) => el(tag, { part: name, "data-testid": name, ...props });
const label = (text, forId) => el(forId ? "label" : "p", { class: "label", for: forId, text });
const textInput = (name, rows, aria) =>
  named("textarea", name, { id: name, rows, spellcheck: "false", autocomplete: "off", autocapitalize: "off", "aria-label": aria });

/** Badge words per verification state (the same four states as the debugger, DESIGN §6). */
export const STATUS_TEXT = {
  verified: "Signature verified",
  invalid: "Invalid signature",
  unverified: "Not verified",
  malformed: "Malformed token",
};

/** The shadow tree's parts, built once; `mode` only decides which parts are shown. */
export function buildView() {
  const parts = {
    tokenInput: textInput("token-input", 3, "Encoded token"),
    token: named("div", "token", { class: "token", "aria-label": "The token, one colour per part" }),
    status: named("p", "status", { class: "status", role: "status", "aria-live": "polite", "data-state": "unverified" }),
    statusDetail: named("p", "status-detail", { class: "label" }),
    keyInput: textInput("key-input", 2, "Secret or key"),
    checks: named("ul", "checks", { class: "checks" }),
    header: named("pre", "header"),
    payload: named("pre", "payload"),
    diagnostics: named("ul", "diagnostics"),
    headerInput: textInput("header-input", 4, "Header (JSON)"),
    payloadInput: textInput("payload-input", 6, "Payload (JSON)"),
    error: named("p", "error", { class: "error", role: "alert" }),
  };
  parts.decodeSide = el("div", {}, [label("Encoded token"), parts.tokenInput, parts.token]);
  parts.keySide = el("div", {}, [label("Secret or key", "key-input"), parts.keyInput]);
  parts.verifySide = el("div", {}, [parts.status, parts.statusDetail, parts.checks]);
  parts.decodedSide = el("div", {}, [
    label("Header"), parts.header, label("Payload (untrusted until verified)"), parts.payload, parts.diagnostics,
  ]);
  parts.encodeSide = el("div", {}, [label("Header (JSON)"), parts.headerInput, label("Payload (JSON)"), parts.payloadInput]);
  parts.frame = el("div", { class: "frame", part: "frame" }, [
    el("div", { class: "columns" }, [parts.encodeSide, parts.decodeSide, parts.decodedSide]),
    parts.keySide,
    parts.verifySide,
    parts.error,
  ]);
  return parts;
}

/** Shows the parts `mode` uses and sets which inputs may be edited. */
export function applyMode(parts, { mode, readOnly, keyEditable }) {
  parts.encodeSide.hidden = mode !== "encode";
  parts.verifySide.hidden = mode !== "verify";
  parts.decodedSide.hidden = mode === "encode"; // the encoder's own inputs already show both parts
  parts.tokenInput.hidden = readOnly || mode === "encode";
  parts.keySide.hidden = readOnly || !keyEditable || mode === "decode";
  for (const input of [parts.tokenInput, parts.keyInput, parts.headerInput, parts.payloadInput]) input.readOnly = readOnly;
}

/** Replaces `container`'s content with `input` split into runs at the engine's segment offsets. */
export function renderToken(container, input, segments) {
  const runs = [];
  let cursor = 0;
  const ordered = segments.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end)).sort((a, b) => a.start - b.start);
  for (const segment of ordered) {
    const start = Math.max(segment.start, cursor);
    const end = Math.min(segment.end, input.length);
    if (end <= start) continue;
    if (start > cursor) runs.push(el("span", { text: input.slice(cursor, start) }));
    runs.push(el("span", { "data-part": segment.part, title: segment.part, text: input.slice(start, end) }));
    cursor = end;
  }
  if (cursor < input.length) runs.push(el("span", { text: input.slice(cursor) }));
  container.replaceChildren(...runs);
}

/** Pretty JSON of a decoded part: the parsed value when there is one, else its exact text. */
export function prettyJson(parsed, exactText) {
  if (parsed !== null && parsed !== undefined && typeof parsed !== "string") return JSON.stringify(parsed, null, 2);
  return exactText ?? "";
}

export function renderDiagnostics(list, diagnostics) {
  list.replaceChildren(
    ...diagnostics.map((d) => el("li", { "data-code": d.code, "data-severity": d.severity, text: `${d.code}: ${d.message}` })),
  );
}

export function renderChecks(list, checks) {
  list.replaceChildren(...checks.map((c) => el("li", { "data-name": c.name, "data-ok": String(c.ok), text: `${c.name}: ${c.message}` })));
}

export function renderStatus(parts, state, detail) {
  parts.status.dataset.state = state;
  parts.status.textContent = STATUS_TEXT[state];
  parts.statusDetail.textContent = detail;
}
