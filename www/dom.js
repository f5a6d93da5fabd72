// Small DOM helpers. Every piece of text the page shows from a token, key or diagnostic goes
// through these (textContent and createElement), never through the HTML parser: a claim such as
// `<img onerror=...>` must show up as characters, not as markup (DESIGN §4 rule 10).

/**
 * Creates an element. `props.text` becomes textContent; every other prop becomes an attribute
 * (skipped when null, undefined or false). Children may be nodes or strings (Text nodes).
 */
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

/** The element carrying `data-testid="<id>"`; these ids are the page's stable hooks (DESIGN §6). */
export function byTestId(id) {
  const node = document.querySelector(`[data-testid="${id}"]`);
  if (node === null) throw new Error(`jwt-lens: the page has no [data-testid="${id}"]`);
  return node;
}

/** Pretty JSON for display: the parsed value when the engine has one, else its exact text. */
export function prettyJson(parsed, exactText) {
  if (parsed !== null && parsed !== undefined && typeof parsed !== "string") {
    return JSON.stringify(parsed, null, 2);
  }
  // A string `parsed` means the part is not JSON (or is a bare JSON string): show the exact text.
  return exactText ?? "";
}
