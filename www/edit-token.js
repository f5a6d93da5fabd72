// "Edit this token": the decoder's token goes into the encoder as its exact header and payload
// texts (the engine's `headerJson` / `payloadJson`), so signing them again with the same secret
// reproduces the token byte for byte. The decoder's key goes along only when it can sign (a
// secret or a private key); a public key stays behind and the encoder keeps its own key.
// The decoder's token itself is never written: the encoder signs into its own output box.

import { byTestId } from "./dom.js";

/** Wires the decode panel's "edit" button; `encoder.load` and `showEncoder()` do the rest. */
export function wireEditToken(engine, { encoder, showEncoder }) {
  const button = byTestId("decoder-edit");
  const tokenInput = byTestId("token-input");
  const keyInput = byTestId("secret-input");
  const keyEncoding = byTestId("secret-encoding");

  button.addEventListener("click", () => {
    const decoded = engine.api.decode(tokenInput.value);
    if (typeof decoded.headerJson !== "string" || decoded.kind === "jwe") {
      // Said on the button for a moment: the diagnostics already explain what is wrong.
      const label = button.textContent;
      button.textContent = "Nothing to edit: no readable JWS header";
      setTimeout(() => {
        button.textContent = label;
      }, 2000);
      return;
    }
    const payloadText = typeof decoded.payloadJson === "string" ? decoded.payloadJson : "{}";
    encoder.load({ headerText: decoded.headerJson, payloadText, ...signingKey() });
    showEncoder();
    encoder.focus();
  });

  /** The decoder's key, when it is one the encoder can sign with. */
  function signingKey() {
    const text = keyInput.value;
    if (text === "") return {};
    let kind = null;
    try {
      kind = engine.api.importKey(text, { secretEncoding: keyEncoding.value }).kind;
    } catch {
      return {};
    }
    return kind === "secret" || kind === "private" ? { secret: text, secretEncoding: keyEncoding.value } : {};
  }
}
