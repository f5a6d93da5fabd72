// What some tokens carry beyond a header and a payload, rendered from the engine's Decoded
// (contract of issue #4): the signatures of a JWS JSON serialization, the inner token of a
// nested JWT, the five parts of a JWE, the disclosures of an SD-JWT and a `b64: false` payload.
// Each block appears only when its field is present; every value is rendered as text.

import { el, prettyJson } from "./dom.js";
import { valueText } from "./claims-table.js";

const SERIALIZATION_NAMES = {
  "json-flattened": "JWS JSON serialization, flattened (RFC 7515 §7.2.2)",
  "json-general": "JWS JSON serialization, general (RFC 7515 §7.2.1)",
};
const JWE_PART_NAMES = {
  header: "protected header",
  encrypted_key: "encrypted key",
  iv: "initialization vector",
  ciphertext: "ciphertext",
  tag: "authentication tag",
};
/** How deep nested tokens are shown (the engine stops at 4 and says so). */
const MAX_DEPTH = 4;

/**
 * Replaces `container`'s content with the blocks that apply to `decoded`. `report` (a
 * VerifyReport or null) marks which signature verified.
 */
export function renderTokenExtras(container, decoded, report = null) {
  const blocks = extraBlocks(decoded, report, 0);
  container.replaceChildren(...blocks);
  container.hidden = blocks.length === 0;
}

function extraBlocks(decoded, report, depth) {
  if (decoded === null || typeof decoded !== "object") return [];
  const blocks = [];
  if (SERIALIZATION_NAMES[decoded.serialization] && Array.isArray(decoded.signatures)) {
    blocks.push(signaturesBlock(decoded, report));
  }
  if (decoded.b64 === false) {
    blocks.push(block("b64", "Unencoded payload (RFC 7797)", [
      el("p", { text: "The header sets b64: false, so the payload is signed as these exact bytes, not base64url-encoded. Verifying it needs the verifier to support RFC 7797 (the option below)." }),
    ]));
  }
  if (decoded.jwe && typeof decoded.jwe === "object") blocks.push(jweBlock(decoded.jwe));
  if (decoded.sdJwt && typeof decoded.sdJwt === "object") blocks.push(sdJwtBlock(decoded.sdJwt));
  if (decoded.nested && typeof decoded.nested === "object" && depth < MAX_DEPTH) blocks.push(nestedBlock(decoded.nested, depth + 1));
  return blocks;
}

function block(kind, title, children) {
  return el("section", { class: "extra", "data-extra": kind, "aria-label": title }, [el("h3", { text: title }), ...children]);
}

function table(caption, headings, rows) {
  return el("table", { class: "claims extra-table", tabindex: "0" }, [
    el("caption", { class: "visually-hidden", text: caption }),
    el("thead", {}, [el("tr", {}, headings.map((text) => el("th", { scope: "col", text })))]),
    el("tbody", {}, rows),
  ]);
}

function signaturesBlock(decoded, report) {
  const verifiedIndex = Number.isInteger(report?.signatureIndex) ? report.signatureIndex : null;
  const rows = decoded.signatures.map((signature, position) => {
    const index = Number.isInteger(signature.index) ? signature.index : position;
    const check = report?.checks?.find((item) => item.name === `signature[${index}]`);
    const outcome = verifiedIndex === index ? "verified" : check ? (check.ok ? "verified" : "failed") : "not checked";
    return el("tr", { "data-signature": String(index), "data-outcome": outcome }, [
      el("th", { scope: "row", text: String(index) }),
      el("td", { text: signature.alg ?? "(none)" }),
      el("td", { text: signature.kid ?? "" }),
      el("td", { class: "claim-value" }, [
        el("span", { text: `protected: ${signature.protectedJson ?? ""}` }),
        el("span", { text: `unprotected: ${signature.unprotected === null || signature.unprotected === undefined ? "none" : JSON.stringify(signature.unprotected)}` }),
        el("span", { class: "muted", text: `signature: ${shortened(signature.signature ?? "")}` }),
      ]),
      // The check's full message is in the checks list; here the outcome and its code.
      el("td", { class: "outcome", title: check?.message ?? null, text: check && !check.ok && check.code ? `${outcome} (${check.code})` : outcome }),
    ]);
  });
  return block("signatures", `${SERIALIZATION_NAMES[decoded.serialization]}: ${decoded.signatures.length} signature(s)`, [
    el("p", { class: "note", text: "The header and payload panes show signature 0's header. A verifier accepts the token when one signature verifies with your key." }),
    table("Signatures", ["#", "alg", "kid", "headers and signature", "outcome"], rows),
  ]);
}

function jweBlock(jwe) {
  const parts = Array.isArray(jwe.parts) ? jwe.parts : [];
  const facts = [
    ["Key management (alg)", jwe.alg],
    ["Content encryption (enc)", jwe.enc],
    ["Compression (zip)", jwe.zip ?? "none"],
  ].filter(([, value]) => value !== undefined && value !== null);
  return block("jwe", "Encrypted token (JWE, RFC 7516)", [
    el("dl", { class: "key-facts" }, facts.flatMap(([label, value]) => [el("dt", { text: label }), el("dd", { text: String(value) })])),
    table("JWE parts", ["part", "decoded length"], parts.map((part) =>
      el("tr", { "data-part-name": part.part }, [
        el("th", { scope: "row", text: JWE_PART_NAMES[part.part] ?? part.part }),
        el("td", { text: Number.isFinite(part.length) ? `${part.length} bytes` : "" }),
      ]),
    )),
    el("p", { class: "note", text: "Decrypting is out of scope here: only the header can be read without the recipient's key." }),
  ]);
}

function sdJwtBlock(sd) {
  const disclosures = Array.isArray(sd.disclosures) ? sd.disclosures : [];
  const rows = disclosures.map((disclosure, index) => {
    const where = disclosure.path ?? "(digest found in no _sd: see the diagnostics)";
    const what = disclosure.name === null || disclosure.name === undefined ? "an array element" : disclosure.name;
    return el("tr", { "data-disclosure": String(index), "data-matched": String(disclosure.path !== null && disclosure.path !== undefined) }, [
      el("th", { scope: "row" }, [el("code", { text: what })]),
      el("td", { class: "claim-value", text: valueText(disclosure.value) }),
      el("td", { class: "claim-value", text: where }),
      el("td", { class: "claim-value muted" }, [
        el("span", { text: `digest ${disclosure.digest ?? ""}` }),
        el("span", { text: `salt ${disclosure.salt ?? ""}` }),
      ]),
    ]);
  });
  const keyBinding = typeof sd.keyBindingJwt === "string" && sd.keyBindingJwt !== ""
    ? `A key binding JWT is attached (${sd.keyBindingJwt.length} characters).`
    : "No key binding JWT is attached.";
  return block("sd-jwt", `SD-JWT: ${disclosures.length} disclosure(s), digests with ${sd.hashAlg ?? "sha-256"}`, [
    el("p", { class: "note", text: `Each disclosure reveals one claim hidden behind a digest in the issuer-signed payload. ${keyBinding}` }),
    table("Disclosures", ["reveals", "value", "where", "digest and salt"], rows),
  ]);
}

function nestedBlock(inner, depth) {
  const header = el("pre", { class: "json wrap", tabindex: "0", "aria-label": `Inner token ${depth}: header`, text: prettyJson(inner.header, inner.headerJson) });
  const payload = el("pre", {
    class: "json wrap",
    tabindex: "0",
    "aria-label": `Inner token ${depth}: payload`,
    text: inner.kind === "jwe" ? "(encrypted)" : prettyJson(inner.payload, inner.payloadJson),
  });
  const codes = (inner.diagnostics ?? []).map((diagnostic) => diagnostic.code);
  return block("nested", `Nested token (cty: JWT), level ${depth}: ${inner.kind}`, [
    el("p", { class: "note", text: "The payload is itself a token; it is shown decoded, not verified on its own." }),
    el("h4", { text: "Inner header" }), header,
    el("h4", { text: "Inner payload" }), payload,
    ...(codes.length > 0 ? [el("p", { class: "note", text: `Inner diagnostics: ${codes.join(", ")}` })] : []),
    ...extraBlocks(inner, null, depth),
  ]);
}

/** A long base64url value cut to its start, with its length (the token view shows all of it). */
function shortened(text) {
  return text.length > 32 ? `${text.slice(0, 24)}… (${text.length} characters)` : text;
}
