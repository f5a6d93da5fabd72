// The key converter (Keys tab): any key the engine reads (PEM, DER, X.509, JWK, JWK Set, a
// secret) written out as a JWK, a JWK Set or PEM, public or private, by the engine's
// `exportKey`; what the engine detected (kind, type, RFC 7638 thumbprint…) is shown beside it.
// A JWK Set can be built from several keys: each "Add to set" appends the key (with its kid,
// the thumbprint when it had none). Everything stays in these boxes, for this page only.

import { byTestId } from "./dom.js";
import { renderKeyInfo } from "./key-info.js";
import { copyText } from "./clipboard.js";

/** Wires the converter to `engine` (see engine.js). */
export function createKeyConverter(engine) {
  const view = {
    input: byTestId("keyconv-input"),
    encoding: byTestId("keyconv-encoding"),
    format: byTestId("keyconv-format"),
    private: byTestId("keyconv-private"),
    output: byTestId("keyconv-output"),
    error: byTestId("keyconv-error"),
    info: byTestId("keyconv-info"),
    copy: byTestId("keyconv-copy"),
    add: byTestId("keyconv-add"),
    clear: byTestId("keyconv-clear"),
    set: byTestId("keyconv-set"),
    copySet: byTestId("keyconv-copy-set"),
  };
  let setKeys = []; // JWK objects added to the set, in order

  function options(format) {
    return { format, private: view.private.checked, secretEncoding: view.encoding.value };
  }

  function update() {
    const text = view.input.value;
    view.output.value = "";
    view.add.disabled = true;
    if (text.trim() === "") {
      showError("");
      renderKeyInfo(view.info, {});
      return;
    }
    const info = engine.attempt((api) => api.importKey(text, { secretEncoding: view.encoding.value }), update);
    renderKeyInfo(view.info, { info: info.value ?? null, error: info.error ?? null, pending: info.pending });
    view.encoding.disabled = info.value !== undefined && info.value.kind !== "secret";
    if (info.pending || info.error !== undefined) return showError("");
    const exported = engine.attempt((api) => api.exportKey(text, options(view.format.value)), update);
    if (exported.pending) return;
    if (exported.error !== undefined) return showError(describe(exported.error));
    view.output.value = view.format.value === "pem" ? exported.value : pretty(exported.value);
    view.add.disabled = false;
    showError("");
  }

  function showError(text) {
    view.error.textContent = text;
    view.error.hidden = text === "";
  }

  function showSet() {
    view.set.value = setKeys.length === 0 ? "" : JSON.stringify({ keys: setKeys }, null, 2);
    view.copySet.disabled = setKeys.length === 0;
    view.clear.disabled = setKeys.length === 0;
  }

  view.add.addEventListener("click", () => {
    const outcome = engine.attempt((api) => api.exportKey(view.input.value, options("jwks")), update);
    if (outcome.error !== undefined) return showError(describe(outcome.error));
    if (outcome.value === undefined) return;
    setKeys = [...setKeys, ...JSON.parse(outcome.value).keys];
    showSet();
  });
  view.clear.addEventListener("click", () => {
    setKeys = [];
    showSet();
  });
  view.copy.addEventListener("click", () => copyText(view.output.value, view.copy, view.output));
  view.copySet.addEventListener("click", () => copyText(view.set.value, view.copySet, view.set));
  view.input.addEventListener("input", update);
  for (const control of [view.encoding, view.format, view.private]) control.addEventListener("change", update);
  showSet();
  update();
}

/** The engine writes compact JSON; people read it indented. */
function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function describe(error) {
  const code = typeof error?.code === "string" ? `${error.code}: ` : "";
  return `${code}${error?.message ?? String(error)}`;
}
