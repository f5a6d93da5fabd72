// The key-generator panel: a fresh key for any algorithm the engine supports, made by the
// engine's `generateKey` from the browser's random source, shown as private and public JWK
// with its kid (the RFC 7638 thumbprint), and as PEM where the engine gives PEM. Nothing is kept: the key lives in these text boxes
// until the page closes. Hand-offs put the private key in the encoder, or the public key (the
// secret, for HMAC) in the verifier.

import { byTestId } from "./dom.js";
import { fillAlgorithmMenu, markUnsupported } from "./algorithms.js";
import { copyText } from "./clipboard.js";

/**
 * Wires the panel to `engine` (see engine.js). `onUseInEncoder({ alg, key, secretEncoding })` and
 * `onUseInVerifier({ key, secretEncoding })` receive the key texts for the other panels.
 */
export function createKeyGenerator(engine, { onUseInEncoder, onUseInVerifier }) {
  const view = {
    alg: byTestId("keygen-alg"),
    generate: byTestId("keygen-generate"),
    kid: byTestId("keygen-kid"),
    privateJwk: byTestId("keygen-private"),
    publicJwk: byTestId("keygen-public"),
    secret: byTestId("keygen-secret"),
    secretRow: byTestId("keygen-secret-row"),
    privatePem: byTestId("keygen-private-pem"),
    publicPem: byTestId("keygen-public-pem"),
    pemRow: byTestId("keygen-pem-row"),
    status: byTestId("keygen-status"),
    useInEncoder: byTestId("keygen-use-encoder"),
    useInVerifier: byTestId("keygen-use-verifier"),
  };
  fillAlgorithmMenu(view.alg);
  engine.onChange((state) => {
    if (state === "full") markUnsupported(view.alg, engine.api);
  });
  if (engine.isFull) markUnsupported(view.alg, engine.api);

  let current = null; // the key on show: { alg, secret, privateJwk, publicJwk }

  function show(key) {
    current = key;
    view.kid.textContent = key?.kid ?? "";
    view.privateJwk.value = key === null ? "" : JSON.stringify(key.privateJwk, null, 2);
    view.publicJwk.value = key?.publicJwk ? JSON.stringify(key.publicJwk, null, 2) : "";
    const secret = typeof key?.secret === "string" ? key.secret : "";
    view.secret.value = secret;
    view.secretRow.hidden = secret === "";
    view.privatePem.value = typeof key?.privatePem === "string" ? key.privatePem : "";
    view.publicPem.value = typeof key?.publicPem === "string" ? key.publicPem : "";
    view.pemRow.hidden = view.privatePem.value === "" && view.publicPem.value === "";
    view.publicJwk.placeholder = key !== null && key.publicJwk === null ? "An HMAC secret has no public half: verify with the same secret." : "";
    view.useInVerifier.textContent = secret === "" ? "Use public key in verifier" : "Use secret in verifier";
    view.useInEncoder.disabled = key === null;
    view.useInVerifier.disabled = key === null;
  }

  function say(text) {
    view.status.textContent = text;
  }

  function generate() {
    const alg = view.alg.value;
    const outcome = engine.attempt((api) => api.generateKey(alg), generate);
    if (outcome.pending) return say(`Loading the engine for ${alg}…`);
    if (outcome.error !== undefined) {
      show(null);
      const code = typeof outcome.error?.code === "string" ? `${outcome.error.code}: ` : "";
      return say(`${code}${outcome.error?.message ?? String(outcome.error)}`);
    }
    show(outcome.value);
    say(`A new ${alg} key. It exists only in this page: copy it now if you need it later.`);
  }

  view.generate.addEventListener("click", generate);
  view.alg.addEventListener("change", () => {
    show(null);
    say("");
  });

  view.useInEncoder.addEventListener("click", () => {
    if (current === null) return;
    onUseInEncoder(
      typeof current.secret === "string"
        ? { alg: current.alg, key: current.secret, secretEncoding: "base64url" }
        : { alg: current.alg, key: view.privateJwk.value, secretEncoding: "utf8" },
    );
  });
  view.useInVerifier.addEventListener("click", () => {
    if (current === null) return;
    onUseInVerifier(
      typeof current.secret === "string"
        ? { key: current.secret, secretEncoding: "base64url" }
        : { key: view.publicJwk.value, secretEncoding: "utf8" },
    );
  });

  for (const button of document.querySelectorAll("[data-copy-from]")) {
    button.addEventListener("click", () => {
      const box = byTestId(button.dataset.copyFrom);
      copyText(box.value, button, box);
    });
  }
  show(null);
}
