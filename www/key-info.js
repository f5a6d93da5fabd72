// Shows what the engine detected in a pasted or dropped key (its `importKey` answer): kind, key
// type, curve or size, format, RFC 7638 thumbprint, kid, how many keys a set holds, and for a
// set which key verified the token (from the verify report). Display only: every value is the
// engine's, rendered as text.

import { el } from "./dom.js";

export const FORMAT_NAMES = { secret: "secret text", pem: "PEM", der: "DER (base64 or hex)", jwk: "JWK", jwks: "JWK Set" };
const KIND_NAMES = {
  secret: "HMAC secret",
  public: "public key",
  private: "private key (its public half is used to verify)",
  unsupported: "a key this engine cannot use",
};

/** The rows shown for a KeyInfo, as [field, label, text]; fields with no value are left out. */
export function keyInfoRows(info) {
  const rows = [
    ["kind", "Kind", KIND_NAMES[info.kind] ?? info.kind],
    ["format", "Format", FORMAT_NAMES[info.format] ?? info.format],
    ["kty", "Key type", info.kty],
    ["curve", "Curve", info.curve],
    ["bits", "Size", Number.isFinite(info.bits) && info.bits > 0 ? `${info.bits} bits` : null],
    ["key-count", "Keys in the set", info.format === "jwks" ? String(info.keyCount) : null],
    // For a set these would describe its first key only; the key that matched is shown instead.
    ["kid", "kid", info.format === "jwks" ? null : info.kid],
    ["thumbprint", "Thumbprint (RFC 7638)", info.format === "jwks" ? null : info.thumbprint],
    ["algorithms", "Fits", Array.isArray(info.algorithms) && info.algorithms.length > 0 ? info.algorithms.join(", ") : null],
  ];
  return [...rows, ...extraRows(info)].filter(([, , text]) => text !== null && text !== undefined && text !== "");
}

/** Fields named above, or not facts to list (the key material and the diagnostics). */
const LISTED = new Set([
  "kind", "format", "kty", "curve", "bits", "keyCount", "kid", "thumbprint", "algorithms",
  "publicJwk", "publicPem", "privateJwk", "privatePem", "diagnostics",
]);

/**
 * Whatever else the engine reports about a key (as the engine grows: a certificate's subject,
 * issuer and validity, a suggested kid...), listed under the engine's own names, one level deep,
 * so a new fact shows up without a page change.
 */
function extraRows(info) {
  const rows = [];
  const describe = (value) => {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null)) return value.join(", ");
    return null;
  };
  for (const [name, value] of Object.entries(info)) {
    if (LISTED.has(name) || value === null || value === undefined) continue;
    if (typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) rows.push([`${name}.${inner}`, `${name} ${inner}`, describe(innerValue)]);
    } else {
      rows.push([name, name, describe(value)]);
    }
  }
  return rows;
}

/**
 * Renders into `box` (a `<div>`): `info` from importKey, or `error` (a thrown JwtLensError), or
 * nothing for an empty key. `match` is `{ thumbprint, message }` from a verify report, shown for
 * key sets so the user sees which key was used. `pending` says the full engine is loading.
 */
export function renderKeyInfo(box, { info = null, error = null, match = null, pending = false }) {
  const children = [];
  if (pending) {
    box.dataset.state = "loading";
    children.push(el("p", { class: "key-note", text: "Loading the engine for this kind of key…" }));
  } else if (error !== null) {
    box.dataset.state = "error";
    const code = typeof error?.code === "string" ? ` (${error.code})` : "";
    children.push(el("p", { class: "key-note", "data-field": "error", text: `${error?.message ?? String(error)}${code}` }));
    if (error?.hint) children.push(el("p", { class: "key-note", text: error.hint }));
  } else if (info !== null) {
    box.dataset.state = info.kind;
    const rows = keyInfoRows(info).flatMap(([field, label, text]) => [
      el("dt", { text: label }),
      el("dd", { "data-field": field, text }),
    ]);
    children.push(el("dl", { class: "key-facts" }, rows));
    for (const diagnostic of info.diagnostics ?? []) {
      children.push(el("p", { class: "key-note", "data-code": diagnostic.code, text: diagnostic.message }));
    }
    if (match !== null && info.format === "jwks") {
      children.push(el("p", { class: "key-match", "data-testid": "key-match", "data-thumbprint": match.thumbprint ?? "", text: match.message }));
    }
  } else {
    box.dataset.state = "empty";
  }
  box.replaceChildren(...children);
  box.hidden = children.length === 0;
}
