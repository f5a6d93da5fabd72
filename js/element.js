// The <jwt-lens> custom element: decodes, verifies or signs one token inside a Shadow DOM.
// Importing this module defines the element. Every element on a page shares the one engine
// instance behind ./index.js (init() is memoised), and all JOSE work is the engine's: this file
// only wires attributes, properties and inputs to decode / verify / sign and renders the reports.
//
// Keys: the `key` attribute takes public keys only. Attributes are page markup, readable by any
// script, crawler or "view source", so a secret given there is refused and explained; a secret
// goes through the `key` property, set from the page's own script.

import init, { decode, verify, sign, importKey } from "./index.js";
import wasmSource from "./wasm-source.js";
import { elementStyleSheet } from "./element-style.js";
import { applyMode, buildView, prettyJson, renderChecks, renderDiagnostics, renderStatus, renderToken } from "./element-view.js";

const MODES = new Set(["decode", "verify", "encode"]);
const THEMES = new Set(["light", "dark", "auto"]);
const DEFAULT_HEADER = '{\n  "alg": "HS256",\n  "typ": "JWT"\n}';
const DEFAULT_PAYLOAD = '{\n  "sub": "1234567890",\n  "name": "Jane Doe"\n}';
const SECRET_IN_ATTRIBUTE =
  "The key attribute takes public keys only: a secret written in the page's markup is readable by anyone. " +
  "Set it from your script instead: element.key = secret.";

let engine;
/** One engine for the page, loaded by the first element that connects. */
const engineReady = () => (engine ??= init(wasmSource));

export class JwtLensElement extends HTMLElement {
  static observedAttributes = ["token", "key", "mode", "readonly", "theme", "compact"];

  #parts = buildView();
  #ready = false;
  #token = "";
  #propertyKey = null;
  #secretEncoding = "utf8";
  #decoded = null;
  #report = null;
  #verifyState = null;
  #seededFrom = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [elementStyleSheet()];
    root.append(this.#parts.frame);
    const { tokenInput, keyInput, headerInput, payloadInput } = this.#parts;
    tokenInput.addEventListener("input", () => this.#setToken(tokenInput.value));
    keyInput.addEventListener("input", () => this.#refresh());
    headerInput.addEventListener("input", () => this.#encode());
    payloadInput.addEventListener("input", () => this.#encode());
    // A property set before this module defined the element sits on the instance and would
    // hide the accessor: take it over.
    for (const name of ["secretEncoding", "key", "token"]) {
      if (!Object.hasOwn(this, name)) continue;
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
  }

  connectedCallback() {
    engineReady().then(
      () => {
        this.#ready = true;
        this.#seedEncoder();
        this.#render();
      },
      (error) => this.#showError(`The jwt-lens engine could not load: ${error?.message ?? String(error)}`),
    );
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === "token") this.#setToken(newValue ?? "");
    else this.#refresh();
  }

  /** The token shown (decode, verify) or produced (encode). Setting it does not touch the attribute. */
  get token() { return this.#token; }
  set token(value) { this.#setToken(String(value ?? "")); }

  /** The key set by script: a secret string, PEM/JWK/JWKS text, a JWK or JWKS object, or an importKey handle. */
  get key() { return this.#propertyKey; }
  set key(value) {
    this.#propertyKey = value === undefined ? null : value;
    this.#refresh();
  }

  /** How a string secret becomes bytes: "utf8" (default), "base64", "base64url" or "hex". */
  get secretEncoding() { return this.#secretEncoding; }
  set secretEncoding(value) {
    this.#secretEncoding = String(value);
    this.#refresh();
  }

  get mode() { return this.#mode; }
  set mode(value) { this.setAttribute("mode", value); }
  get readOnly() { return this.hasAttribute("readonly"); }
  set readOnly(value) { this.toggleAttribute("readonly", Boolean(value)); }
  get compact() { return this.hasAttribute("compact"); }
  set compact(value) { this.toggleAttribute("compact", Boolean(value)); }
  get theme() { return THEMES.has(this.getAttribute("theme")) ? this.getAttribute("theme") : "auto"; }
  set theme(value) { this.setAttribute("theme", value); }

  /** The engine's Decoded for the current token, or null before the engine has loaded. */
  get decoded() { return this.#decoded; }
  /** The last VerifyReport (verify mode, with a usable key), else null. */
  get report() { return this.#report; }

  get #mode() {
    const mode = this.getAttribute("mode");
    return MODES.has(mode) ? mode : "decode";
  }

  /** Re-renders after a change of key, mode or option; the encoder re-signs. */
  #refresh() {
    if (this.#ready && this.#mode === "encode") {
      if (this.#seededFrom !== this.#token) this.#seedEncoder();
      else this.#encode();
    } else {
      this.#render();
    }
  }

  #setToken(token) {
    if (token === this.#token) return;
    this.#token = token;
    // A token from outside (attribute, property) seeds the encoder, which re-signs it with the
    // current key and so sets the token again: that call renders and emits.
    if (this.#ready && this.#mode === "encode" && this.#seededFrom !== token) return this.#seedEncoder();
    this.#render();
    if (this.#ready) this.#emit("jwt-lens-change", { token, decoded: this.#decoded });
  }

  /** The key to use, and why there is none: script property, then attribute, then what was typed. */
  #currentKey() {
    if (this.#propertyKey !== null) return { key: this.#propertyKey };
    const attribute = this.getAttribute("key");
    if (attribute !== null && attribute.trim() !== "") {
      try {
        const handle = importKey(attribute);
        return handle.kind === "secret" ? { key: null, problem: SECRET_IN_ATTRIBUTE } : { key: handle };
      } catch (error) {
        return { key: null, problem: `The key attribute is not a usable key: ${error.message}` };
      }
    }
    const typed = this.#parts.keyInput.value;
    return { key: typed === "" ? null : typed };
  }

  /** Fills the encoder's inputs from the token (or defaults) when the token came from outside. */
  #seedEncoder() {
    if (!this.#ready || this.#mode !== "encode" || this.#seededFrom === this.#token) return;
    const { headerInput, payloadInput } = this.#parts;
    const decoded = this.#token === "" ? null : decode(this.#token);
    headerInput.value = decoded?.headerJson ?? DEFAULT_HEADER;
    payloadInput.value = decoded?.payloadJson ?? DEFAULT_PAYLOAD;
    this.#seededFrom = this.#token;
    this.#encode();
  }

  /** Signs the encoder's header and payload text verbatim; the result becomes the token. */
  #encode() {
    if (!this.#ready || this.#mode !== "encode") return this.#render();
    const { key, problem } = this.#currentKey();
    let token = "";
    let error = problem ?? (key === null ? "Set a key to sign with (type a secret, or set the key property)." : "");
    if (key !== null) {
      try {
        token = sign(this.#parts.headerInput.value, this.#parts.payloadInput.value, key, { secretEncoding: this.#secretEncoding });
      } catch (thrown) {
        error = `${thrown.code ?? "error"}: ${thrown.message}`;
      }
    }
    this.#seededFrom = token;
    if (token === this.#token) this.#render(); // e.g. readonly toggled: the same token, other inputs
    else this.#setToken(token);
    this.#showError(error);
  }

  #render() {
    const parts = this.#parts;
    const mode = this.#mode;
    const { key, problem } = this.#ready ? this.#currentKey() : { key: null };
    const keyEditable = this.#propertyKey === null && !this.hasAttribute("key");
    applyMode(parts, { mode, readOnly: this.readOnly, keyEditable });
    if (parts.tokenInput.value !== this.#token) parts.tokenInput.value = this.#token;
    if (!this.#ready) return;

    const decoded = decode(this.#token);
    this.#decoded = decoded;
    renderToken(parts.token, this.#token, decoded.segments);
    parts.header.textContent = prettyJson(decoded.header, decoded.headerJson);
    parts.payload.textContent = prettyJson(decoded.payload, decoded.payloadJson);
    renderDiagnostics(parts.diagnostics, this.#token.trim() === "" ? [] : decoded.diagnostics);
    if (mode === "verify") this.#renderVerification(decoded, key, problem);
    else if (mode === "decode") this.#showError("");
  }

  #renderVerification(decoded, key, problem) {
    const { state, detail, report } = this.#assess(decoded, key, problem);
    this.#report = report;
    renderStatus(this.#parts, state, detail);
    renderChecks(this.#parts.checks, report?.checks ?? []);
    this.#showError(problem ?? "");
    const valid = report?.valid ?? false;
    const previous = this.#verifyState;
    if (previous !== null && previous.state === state && previous.valid === valid) return;
    this.#verifyState = { state, valid };
    this.#emit("jwt-lens-verify", { state, valid, report });
  }

  #assess(decoded, key, problem) {
    if (this.#token.trim() === "") return { state: "unverified", detail: "No token.", report: null };
    if (decoded.kind === "invalid") return { state: "malformed", detail: "This is not a token the engine can read: see the diagnostics.", report: null };
    if (decoded.kind === "jwe") return { state: "unverified", detail: "An encrypted token (JWE) has no signature to verify.", report: null };
    if (key === null) return { state: "unverified", detail: problem ?? "No key to verify with.", report: null };
    const report = verify(this.#token, key, { secretEncoding: this.#secretEncoding });
    if (!report.signatureValid) {
      return { state: "invalid", detail: report.errors[0]?.message ?? "The signature does not match this key.", report };
    }
    if (report.valid) return { state: "verified", detail: "The signature matches and every claim check passed.", report };
    const failed = report.checks.find((check) => !check.ok);
    return { state: "verified", detail: `The signature matches, but the token is not valid: ${failed?.message ?? report.errors[0]?.message}`, report };
  }

  #showError(message) {
    this.#parts.error.textContent = message;
    this.#parts.error.hidden = message === "";
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get("jwt-lens")) customElements.define("jwt-lens", JwtLensElement);
