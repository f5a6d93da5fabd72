// The encoder panel: header JSON + payload JSON + key -> a signed token, by the engine's `sign`.
// The key may be an HMAC secret or a private key (PEM, DER, JWK); the engine detects which and
// refuses a key that does not fit the header's alg. The header and payload texts are handed to
// the engine as typed; a JSON syntax error is pointed at (line, column, the line with a caret)
// before the engine is asked, and an unusable key comes back as a thrown JwtLensError, which is
// shown, not fatal. The encoder only ever writes its own boxes: it never touches the decoder's
// token, so editing here can never re-sign what is being decoded.

import { byTestId } from "./dom.js";
import { fillAlgorithmMenu, markUnsupported } from "./algorithms.js";
import { renderJsonError } from "./json-error-view.js";
import { numericDate, withClaim } from "./claim-helpers.js";
import { shareText } from "./token-share.js";
import { copyText } from "./clipboard.js";
import { FORMAT_NAMES } from "./key-info.js";
import { createScheduler, isTyping, LARGE_INPUT_CHARS } from "./schedule.js";

/** What each kind of key means for signing. */
const SIGNING_KINDS = { secret: "HMAC secret", private: "private key", public: "public key (cannot sign)", unsupported: "not usable here" };

/**
 * Wires the encoder panel to `engine` (see engine.js). `onOpen({ token, secret, secretEncoding })`
 * is called by "Open in decoder", with the key that verifies the token (a secret, or the public
 * half of the private key as a JWK).
 */
export function createEncoder(engine, { onOpen }) {
  const view = {
    alg: byTestId("encoder-alg"),
    header: byTestId("encoder-header"),
    payload: byTestId("encoder-payload"),
    secret: byTestId("encoder-secret"),
    secretEncoding: byTestId("encoder-secret-encoding"),
    generate: byTestId("encoder-generate"),
    keyInfo: byTestId("encoder-key-info"),
    output: byTestId("encoder-output"),
    outputFolded: byTestId("encoder-output-folded"),
    open: byTestId("encoder-open"),
    error: byTestId("encoder-error"),
    headerError: byTestId("encoder-header-error"),
    payloadError: byTestId("encoder-payload-error"),
    curlUrl: byTestId("encoder-curl-url"),
    copyPreview: byTestId("encoder-copy-preview"),
    shareButtons: [...document.querySelectorAll("#panel-encode [data-share]")],
  };
  fillAlgorithmMenu(view.alg);
  engine.onChange((state) => {
    if (state === "full") markUnsupported(view.alg, engine.api);
  });
  if (engine.isFull) markUnsupported(view.alg, engine.api);

  function setOutput(token) {
    // A large token is kept out of layout, as in the decoder (large-token.js): folded first.
    const large = token.length >= LARGE_INPUT_CHARS;
    view.output.hidden = large;
    view.outputFolded.hidden = !large;
    view.outputFolded.textContent = large
      ? `The signed token is ${token.length.toLocaleString("en")} characters long; it is not shown, so the page stays quick. Copy it or open it in the decoder.`
      : "";
    view.output.value = token;
    view.open.disabled = token === "";
    for (const button of view.shareButtons) button.disabled = token === "";
    view.copyPreview.textContent = "";
    view.copyPreview.hidden = true;
  }

  /** Points at JSON syntax errors in both boxes; returns the summary for the first one, or "". */
  function checkJson() {
    const header = renderJsonError(view.header, view.headerError, "Header");
    const payload = renderJsonError(view.payload, view.payloadError, "Payload");
    return header || payload;
  }

  function update() {
    setOutput("");
    const key = view.secret.value;
    describeKey(key);
    const jsonProblem = checkJson();
    if (jsonProblem !== "") {
      showError(jsonProblem);
      return;
    }
    if (key === "") {
      showError("Enter a secret or a private key (PEM or JWK), or generate one.");
      return;
    }
    const outcome = engine.attempt(
      (api) => api.sign(view.header.value, view.payload.value, key, { secretEncoding: view.secretEncoding.value }),
      update,
    );
    if (outcome.pending) showError("Loading the engine for this algorithm or key…");
    else if (outcome.error !== undefined) showError(describeError(outcome.error));
    else {
      setOutput(outcome.value);
      showError("");
    }
  }

  /** Says what the key is; the encoding picker only matters for secrets. */
  function describeKey(key) {
    let info = null;
    if (key !== "") {
      try {
        info = engine.api.importKey(key, { secretEncoding: view.secretEncoding.value });
      } catch {
        info = null; // sign's own error explains it
      }
    }
    const notSecret = info !== null && info.kind !== "secret";
    view.secretEncoding.disabled = notSecret;
    view.keyInfo.textContent = info === null
      ? ""
      : [SIGNING_KINDS[info.kind] ?? info.kind, FORMAT_NAMES[info.format] ?? info.format, info.kty, info.curve ?? `${info.bits} bits`].join(" · ");
    return info;
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

  function setHeaderAlg(alg) {
    const header = headerObject();
    // Keep the user's layout: indented text stays indented, one-line text stays on one line.
    const indent = view.header.value.includes("\n") ? 2 : undefined;
    if (header !== null) view.header.value = JSON.stringify({ ...header, alg }, null, indent);
  }

  view.alg.addEventListener("change", () => {
    setHeaderAlg(view.alg.value);
    update();
  });

  /** Shows the header's alg in the menu when the menu offers it. */
  function syncAlgMenu() {
    const alg = headerObject()?.alg;
    if ([...view.alg.options].some((option) => option.value === alg)) view.alg.value = alg;
  }

  // A large header or payload is signed in a task after the edit, or once typing pauses.
  const schedule = createScheduler(update, (waiting) => {
    if (!waiting) return;
    setOutput(""); // never a token signed over text that has since changed
    view.outputFolded.hidden = false;
    view.outputFolded.textContent = "Large input: the token is signed when typing pauses…";
  });
  const scheduleUpdate = (event) => schedule(view.header.value.length + view.payload.value.length, isTyping(event));

  view.header.addEventListener("input", (event) => {
    syncAlgMenu();
    scheduleUpdate(event);
  });

  function generate() {
    const outcome = engine.attempt((api) => api.generateKey(view.alg.value), generate);
    if (outcome.pending) return showError("Loading the engine for this algorithm…");
    if (outcome.error !== undefined) return showError(describeError(outcome.error));
    const key = outcome.value;
    if (typeof key.secret === "string") {
      view.secret.value = key.secret;
      view.secretEncoding.value = "base64url"; // generateKey returns the secret base64url-encoded
    } else {
      view.secret.value = JSON.stringify(key.privateJwk, null, 2);
    }
    update();
  }
  view.generate.addEventListener("click", generate);

  view.open.addEventListener("click", () => {
    if (view.output.value === "") return;
    const info = describeKey(view.secret.value);
    const verifier = info !== null && info.kind !== "secret" && info.publicJwk !== null
      ? { secret: JSON.stringify(info.publicJwk, null, 2), secretEncoding: "utf8" }
      : { secret: view.secret.value, secretEncoding: view.secretEncoding.value };
    onOpen({ token: view.output.value, ...verifier });
  });

  for (const input of [view.payload, view.secret]) input.addEventListener("input", scheduleUpdate);
  view.secretEncoding.addEventListener("change", update);

  // Claim helpers: each button sets one time claim to now plus its offset, in the payload box.
  for (const button of document.querySelectorAll("#panel-encode [data-claim]")) {
    button.addEventListener("click", () => {
      const value = numericDate(Date.now(), Number(button.dataset.offset));
      const text = withClaim(view.payload.value, button.dataset.claim, value);
      if (text === null) {
        checkJson();
        showError(`Make the payload a JSON object first: ${button.dataset.claim} goes into it.`);
        return;
      }
      view.payload.value = text;
      update();
    });
  }

  // Copy the token, an Authorization header or a curl command; the text copied is also shown.
  for (const button of view.shareButtons) {
    button.addEventListener("click", () => {
      const text = shareText(button.dataset.share, view.output.value, view.curlUrl.value);
      view.copyPreview.textContent = text;
      view.copyPreview.hidden = view.output.value === "";
      copyText(view.output.value === "" ? "" : text, button);
    });
  }

  return {
    /**
     * Fills the panel with texts kept exactly as given (they are signed byte for byte) and signs.
     * Without `secret`, the key already in the panel is kept.
     */
    load({ headerText, payloadText, secret, secretEncoding = "utf8" }) {
      view.header.value = headerText;
      view.payload.value = payloadText;
      if (secret !== undefined) {
        view.secret.value = secret;
        view.secretEncoding.value = secretEncoding;
      }
      syncAlgMenu();
      update();
    },
    /** Focuses the first box that needs attention (a JSON error, else the payload). */
    focus() {
      const broken = [view.header, view.payload].find((box) => box.getAttribute("aria-invalid") === "true");
      (broken ?? view.payload).focus();
    },
    /** Signs with `key` for `alg` from now on (the key generator's hand-off). */
    useKey({ alg, key, secretEncoding = "utf8" }) {
      view.alg.value = alg;
      setHeaderAlg(alg);
      view.secret.value = key;
      view.secretEncoding.value = secretEncoding;
      update();
    },
  };
}

/** A JwtLensError carries a stable code; anything else is a bug, but must not crash the page. */
function describeError(error) {
  const code = typeof error?.code === "string" ? `${error.code}: ` : "";
  return `${code}${error?.message ?? String(error)}`;
}
