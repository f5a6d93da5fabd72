// The encoder panel: header JSON + payload JSON + secret -> a signed token, by the engine's
// `sign`. The header and payload texts are handed to the engine as typed; the engine parses them
// and reports bad JSON or an unusable key as a thrown JwtLensError, which is shown, not fatal.

import { byTestId } from "./dom.js";

/**
 * Wires the encoder panel to `engine` ({ sign, generateKey }). `onOpen({ token, secret,
 * secretEncoding })` is called by "Open in decoder".
 */
export function createEncoder(engine, { onOpen }) {
  const view = {
    alg: byTestId("encoder-alg"),
    header: byTestId("encoder-header"),
    payload: byTestId("encoder-payload"),
    secret: byTestId("encoder-secret"),
    secretEncoding: byTestId("encoder-secret-encoding"),
    generate: byTestId("encoder-generate"),
    output: byTestId("encoder-output"),
    open: byTestId("encoder-open"),
    error: byTestId("encoder-error"),
  };

  function update() {
    view.output.value = "";
    view.open.disabled = true;
    if (view.secret.value === "") {
      showError("Enter a secret, or generate one.");
      return;
    }
    try {
      const token = engine.sign(view.header.value, view.payload.value, view.secret.value, {
        secretEncoding: view.secretEncoding.value,
      });
      view.output.value = token;
      view.open.disabled = false;
      showError("");
    } catch (error) {
      showError(describeError(error));
    }
  }

  function showError(text) {
    view.error.textContent = text;
    view.error.hidden = text === "";
  }

  // The alg menu is a shortcut for editing the header's "alg" member. This parses the encoder's own
  // header textarea (user input, not a token part); when it is not a JSON object, the menu leaves
  // the text alone and the engine's error explains what is wrong with it.
  function headerObject() {
    try {
      const value = JSON.parse(view.header.value);
      return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
    } catch {
      return null;
    }
  }

  view.alg.addEventListener("change", () => {
    const header = headerObject();
    // Keep the user's layout: indented text stays indented, one-line text stays on one line.
    const indent = view.header.value.includes("\n") ? 2 : undefined;
    if (header !== null) view.header.value = JSON.stringify({ ...header, alg: view.alg.value }, null, indent);
    update();
  });

  /** Shows the header's alg in the menu when the menu offers it. */
  function syncAlgMenu() {
    const alg = headerObject()?.alg;
    if ([...view.alg.options].some((option) => option.value === alg)) view.alg.value = alg;
  }

  view.header.addEventListener("input", () => {
    syncAlgMenu();
    update();
  });

  view.generate.addEventListener("click", () => {
    try {
      const key = engine.generateKey(view.alg.value);
      view.secret.value = key.secret;
      view.secretEncoding.value = "base64url"; // generateKey returns the secret base64url-encoded
      update();
    } catch (error) {
      showError(describeError(error));
    }
  });

  view.open.addEventListener("click", () => {
    if (view.output.value === "") return;
    onOpen({ token: view.output.value, secret: view.secret.value, secretEncoding: view.secretEncoding.value });
  });

  for (const input of [view.payload, view.secret]) input.addEventListener("input", update);
  view.secretEncoding.addEventListener("change", update);

  return {
    /** Fills the panel with texts kept exactly as given (they are signed byte for byte) and signs. */
    load({ headerText, payloadText, secret, secretEncoding = "utf8" }) {
      view.header.value = headerText;
      view.payload.value = payloadText;
      view.secret.value = secret;
      view.secretEncoding.value = secretEncoding;
      syncAlgMenu();
      update();
    },
  };
}

/** A JwtLensError carries a stable code; anything else is a bug, but must not crash the page. */
function describeError(error) {
  const code = typeof error?.code === "string" ? `${error.code}: ` : "";
  return `${code}${error?.message ?? String(error)}`;
}
