// One example token with its key for every algorithm the engine supports. Nothing is shipped
// pre-made: on request the engine generates a key (the browser's random source) and signs an
// example payload, then the decoder gets the token with the key that verifies it (the public
// key as PEM, or the secret) and the encoder gets the same texts with the signing key, ready to
// edit. Keys live in memory for this page only; RSA keys are slow to make, so one is reused for
// RS* and PS* (a JWK made by generateKey names no alg, so it fits each of them).

import { byTestId } from "./dom.js";
import { fillAlgorithmMenu, markUnsupported } from "./algorithms.js";

/** The example's texts for `alg` at `now` (NumericDate): compact JSON, as tokens in the wild. */
export function exampleTexts(alg, kid, now) {
  const header = { alg, typ: "JWT", ...(kid ? { kid } : {}) };
  const payload = { sub: "1234567890", name: "John Doe", admin: true, iat: now, exp: now + 86400 };
  return { headerText: JSON.stringify(header), payloadText: JSON.stringify(payload) };
}

/** Which generated key an algorithm can share with others (RSA: all of RS* and PS*). */
function keySlot(alg) {
  return /^(RS|PS)\d{3}$/.test(alg) ? "RSA" : alg;
}

/**
 * Wires the example picker of the decode panel. `onExample({ alg, token, verifyKey, signKey })`
 * receives each example: `verifyKey` / `signKey` are `{ key, secretEncoding }`.
 */
export function createExamplePicker(engine, { onExample }) {
  const select = byTestId("example-alg");
  const button = byTestId("example-load");
  const status = byTestId("example-status");
  fillAlgorithmMenu(select);
  engine.onChange((state) => {
    if (state === "full") markUnsupported(select, engine.api);
  });
  if (engine.isFull) markUnsupported(select, engine.api);
  const keys = new Map(); // slot -> generateKey answer, for this page's life only

  function load() {
    const alg = select.value;
    const slot = keySlot(alg);
    const cached = keys.get(slot);
    let key = cached;
    if (key === undefined) {
      const outcome = engine.attempt((api) => api.generateKey(alg), load);
      if (outcome.pending) return say(`Loading the engine for ${alg}…`, "loading");
      if (outcome.error !== undefined) return say(describe(outcome.error), "error");
      key = outcome.value;
      keys.set(slot, key);
    }
    const { headerText, payloadText } = exampleTexts(alg, key.kid, Math.floor(Date.now() / 1000));
    const secret = typeof key.secret === "string";
    const signKey = secret ? { key: key.secret, secretEncoding: "base64url" } : { key: key.privatePem ?? JSON.stringify(key.privateJwk, null, 2), secretEncoding: "utf8" };
    let token;
    try {
      token = engine.api.sign(headerText, payloadText, signKey.key, { secretEncoding: signKey.secretEncoding });
    } catch (error) {
      return say(describe(error), "error");
    }
    const verifyKey = secret ? signKey : { key: key.publicPem ?? JSON.stringify(key.publicJwk, null, 2), secretEncoding: "utf8" };
    onExample({ alg, token, headerText, payloadText, verifyKey, signKey });
    say(`Example for ${alg}, signed just now with a ${secret ? "secret" : "key pair"} made in this page (kid ${key.kid}).`, "ready");
  }

  function say(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }

  button.addEventListener("click", () => {
    if (keys.get(keySlot(select.value)) === undefined && keySlot(select.value) === "RSA") {
      // Making an RSA key takes a moment on the page's thread: say so before it starts.
      say(`Generating an RSA key for ${select.value}…`, "loading");
      setTimeout(load, 30);
    } else {
      load();
    }
  });
}

function describe(error) {
  const code = typeof error?.code === "string" ? `${error.code}: ` : "";
  return `${code}${error?.message ?? String(error)}`;
}
