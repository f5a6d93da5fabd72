// The menus' list of JWS algorithms (the IANA "JSON Web Signature and Encryption Algorithms"
// registry, RFC 7518 §3, RFC 8037, RFC 8812, RFC 9864): names and labels for people, nothing
// more. Whether the loaded engine can use one is the engine's answer, asked by
// `markUnsupported`, never decided here.

import { el } from "./dom.js";

export const ALGORITHM_GROUPS = [
  ["HMAC (shared secret)", [
    ["HS256", "HMAC with SHA-256"], ["HS384", "HMAC with SHA-384"], ["HS512", "HMAC with SHA-512"],
  ]],
  ["ECDSA", [
    ["ES256", "P-256 with SHA-256"], ["ES384", "P-384 with SHA-384"], ["ES512", "P-521 with SHA-512"],
    ["ES256K", "secp256k1 with SHA-256"],
  ]],
  ["EdDSA", [["EdDSA", "Ed25519 (RFC 8037)"], ["Ed25519", "Ed25519 (RFC 9864 name)"], ["Ed448", "Ed448"]]],
  ["RSA", [
    ["RS256", "PKCS#1 v1.5 with SHA-256"], ["RS384", "PKCS#1 v1.5 with SHA-384"], ["RS512", "PKCS#1 v1.5 with SHA-512"],
    ["PS256", "PSS with SHA-256"], ["PS384", "PSS with SHA-384"], ["PS512", "PSS with SHA-512"],
  ]],
  ["ML-DSA (post-quantum)", [["ML-DSA-44", "ML-DSA-44"], ["ML-DSA-65", "ML-DSA-65"], ["ML-DSA-87", "ML-DSA-87"]]],
];

/** Fills `select` with one optgroup per family, keeping its current value when it is listed. */
export function fillAlgorithmMenu(select) {
  const previous = select.value;
  select.replaceChildren(
    ...ALGORITHM_GROUPS.map(([label, algorithms]) =>
      el("optgroup", { label }, algorithms.map(([name, text]) => el("option", { value: name, text: `${name} (${text})` }))),
    ),
  );
  if (previous !== "") select.value = previous;
  if (select.value === "") select.value = "HS256";
}

/**
 * Disables, in `select`, the algorithms `api` (the full engine) refuses as "not in this build".
 * It asks `sign` with a one-byte dummy secret: the engine checks the alg before the key, so an
 * unsupported alg answers `unsupported_alg` and any other answer means the alg is known.
 */
export function markUnsupported(select, api) {
  for (const option of select.querySelectorAll("option")) {
    let unsupported = false;
    try {
      api.sign(`{"alg":${JSON.stringify(option.value)}}`, "{}", "x", { secretEncoding: "utf8" });
    } catch (error) {
      unsupported = error?.code === "unsupported_alg";
    }
    option.disabled = unsupported;
    option.textContent = option.textContent.replace(/ — not in this build$/, "") + (unsupported ? " — not in this build" : "");
  }
}
