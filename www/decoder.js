// The decoder panel: token in, decoded header/payload, signature status, checks and diagnostics
// out. Every keystroke re-runs the engine (decode and verify are synchronous and fast); the page
// only renders what the engine returns.
//
// One promise above all: editing the key or its encoding re-verifies the token, and never
// writes to the token input. Only the user, the URL fragment at load, or "Open in decoder" do.
//
// The key box takes any key the engine reads (a secret, PEM, DER, JWK, JWK Set, or a dropped
// file of one); what the engine detected is shown beside it. Calls go through `engine.attempt`,
// so a token or key the core engine cannot handle loads the full engine and renders again.

import { byTestId } from "./dom.js";
import { FORMAT_NAMES, renderKeyInfo } from "./key-info.js";
import { wireKeyFile } from "./key-file.js";
import { renderTokenView } from "./token-view.js";
import { assessSignature, renderStatus } from "./signature-status.js";
import { mergeDiagnostics, renderDiagnostics, renderChecks } from "./diagnostics.js";
import { startLiveClock } from "./claim-times.js";
import { createDecodedPanes, decodedTexts } from "./decoded-panes.js";
import { readVerifyOptions } from "./verify-options.js";
import { createScheduler, isTyping } from "./schedule.js";
import { renderTokenExtras } from "./token-extras.js";
import { createLargeTokenFold } from "./large-token.js";

/** Wires the decoder panel to `engine` (see engine.js); returns a small controller. */
export function createDecoder(engine) {
  const view = {
    tokenInput: byTestId("token-input"),
    tokenView: byTestId("token-view"),
    status: byTestId("signature-status"),
    statusDetail: byTestId("status-detail"),
    secretInput: byTestId("secret-input"),
    secretEncoding: byTestId("secret-encoding"),
    encodingNote: byTestId("secret-encoding-note"),
    keyFile: byTestId("key-file"),
    keyInfo: byTestId("key-info"),
    tokenBox: byTestId("token-box"),
    tokenSource: byTestId("token-source"),
    clearFragment: byTestId("clear-fragment"),
    extras: byTestId("token-extras"),
    supportsB64: byTestId("supports-b64"),
    detachedPayload: byTestId("detached-payload"),
    issuer: byTestId("expect-issuer"),
    audience: byTestId("expect-audience"),
    asOf: byTestId("verify-as-of"),
    leeway: byTestId("verify-leeway"),
    optionsProblem: byTestId("options-problem"),
    checks: byTestId("checks"),
    diagnostics: byTestId("diagnostics"),
  };
  const panes = createDecodedPanes();
  // Registered before the decoder's own input listener: a large token is folded away first.
  const setTokenText = createLargeTokenFold({
    box: view.tokenBox,
    input: view.tokenInput,
    panel: byTestId("large-token"),
    summary: byTestId("large-token-summary"),
    edit: byTestId("large-token-edit"),
    clear: byTestId("large-token-clear"),
  });
  let current = { token: "", decoded: null }; // what the token tools (share, redact) act on
  let keyCache = null; // the last importKey answer, for the same key text, encoding and engine
  let showWholeToken = false; // the user asked to see every character of a huge token

  function update() {
    try {
      render();
    } catch (error) {
      // decode and verify never throw by contract; if the engine breaks it (a wasm trap), say so
      // on the page and in the console rather than leave a stale "Signature verified" on screen.
      showStatus({ state: "unverified", detail: "The engine failed on this input.", report: null });
      renderChecks(view.checks, []);
      renderDiagnostics(view.diagnostics, [
        { code: "internal", severity: "error", message: `The jwt-lens engine failed: ${error?.message ?? String(error)}` },
      ]);
      console.error(error);
    }
  }

  /** The badge, its detail line, and the token box's border (the status sits on the token). */
  function showStatus(assessment) {
    renderStatus(view.status, view.statusDetail, assessment);
    view.tokenBox.dataset.state = assessment.state;
  }

  /** Runs `call(api)` on the engine; rethrows its error; notes when the full engine is loading. */
  function ask(call, state) {
    const outcome = engine.attempt(call, update);
    state.pending ||= outcome.pending;
    if (outcome.error !== undefined) throw outcome.error;
    return outcome.value;
  }

  function render() {
    const state = { pending: false };
    const token = view.tokenInput.value;
    const decoded = ask((api) => api.decode(token), state);

    if (token !== current.token) showWholeToken = false;
    renderTokenView(view.tokenView, token, decoded.segments, {
      full: showWholeToken,
      onShowAll() {
        showWholeToken = true;
        renderTokenView(view.tokenView, token, decoded.segments);
      },
    });
    current = { token, decoded };
    showLegendFor(decoded.segments);
    const checks = readVerifyOptions(
      {
        issuer: view.issuer.value,
        audience: view.audience.value,
        asOf: view.asOf.value,
        leeway: view.leeway.value,
        supportsB64: view.supportsB64.checked,
        detachedPayload: view.detachedPayload.value,
      },
      Date.now() / 1000,
    );
    view.optionsProblem.textContent = checks.problems.join(" ");
    const clock = { now: checks.now, leeway: checks.leeway, live: !checks.fixedTime };
    panes.render(decoded, clock, decodedTexts(decoded));

    const key = describeKey(state);
    const assessment = assessSignature({
      token,
      decoded,
      secret: view.secretInput.value,
      secretEncoding: view.secretEncoding.value,
      options: checks.options,
      verify: (...args) => ask((api) => api.verify(...args), state),
    });
    const match = assessment.report?.signatureValid && assessment.report.keyThumbprint
      ? { thumbprint: assessment.report.keyThumbprint, message: describeMatch(assessment.report) }
      : null;
    renderKeyInfo(view.keyInfo, { ...key, match, pending: key.pending });
    if (state.pending) {
      // The core's "not in this build" is not the answer: the full engine is on its way.
      showStatus({ state: "unverified", detail: "Loading the engine for this algorithm or key…", report: null });
      renderChecks(view.checks, []);
      renderDiagnostics(view.diagnostics, []);
      renderTokenExtras(view.extras, decoded, null);
      return;
    }
    showStatus(assessment);
    renderTokenExtras(view.extras, decoded, assessment.report);
    renderChecks(view.checks, assessment.report?.checks ?? [], { signatureIndex: assessment.report?.signatureIndex ?? null });
    renderDiagnostics(
      view.diagnostics,
      mergeDiagnostics(decoded.diagnostics, assessment.report?.errors, assessment.report?.warnings),
    );
  }

  /** What the engine detects in the key box; the encoding picker only matters for secrets. */
  function describeKey(state) {
    const text = view.secretInput.value;
    const encoding = view.secretEncoding.value;
    let key = { info: null, error: null, pending: false };
    if (text !== "" && keyCache?.text === text && keyCache.encoding === encoding && keyCache.full === engine.isFull) {
      key = keyCache.key; // typing in the token box re-verifies, but the key has not changed
    } else if (text !== "") {
      const outcome = engine.attempt((api) => api.importKey(text, { secretEncoding: encoding }), update);
      state.pending ||= outcome.pending;
      key = { info: outcome.value ?? null, error: outcome.error ?? null, pending: outcome.pending };
      keyCache = outcome.pending ? null : { text, encoding, full: engine.isFull, key };
    }
    const notSecret = key.info !== null && key.info.kind !== "secret";
    view.secretEncoding.disabled = notSecret;
    view.encodingNote.textContent = notSecret
      ? `The encoding only applies to secrets; this ${FORMAT_NAMES[key.info.format] ?? key.info.format} is read as it is.`
      : "";
    return key;
  }

  const schedule = createScheduler(update, (waiting) => {
    // Says so while a large token waits for typing to pause (and lets tests see it was deferred).
    view.tokenBox.dataset.busy = String(waiting);
    if (waiting) view.statusDetail.textContent = "Large token: decoding…";
  });
  const scheduleUpdate = (event) => schedule(view.tokenInput.value.length + view.secretInput.value.length, isTyping(event));
  view.tokenInput.addEventListener("input", scheduleUpdate);
  view.secretInput.addEventListener("input", scheduleUpdate);
  view.secretEncoding.addEventListener("change", scheduleUpdate);
  for (const input of [view.issuer, view.audience, view.asOf, view.leeway, view.detachedPayload]) input.addEventListener("input", scheduleUpdate);
  view.supportsB64.addEventListener("change", scheduleUpdate);
  // Countdowns move every second; when one reaches zero the token's checks change: re-verify.
  startLiveClock(document.getElementById("panel-decode"), update);
  // A token that arrived in the address stays in the browser's history: offer to take it out.
  view.clearFragment.addEventListener("click", () => {
    window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
    view.clearFragment.hidden = true;
    view.tokenSource.textContent = "The token was removed from the address bar; it stays in this page until you close it.";
  });
  wireKeyFile({
    box: view.secretInput,
    picker: view.keyFile,
    onText: update,
    onProblem: (message) => renderKeyInfo(view.keyInfo, { error: { message } }),
  });

  return {
    /** The token in the box and the engine's decode of it. */
    current() {
      return current;
    },
    /** Puts a token and, optionally, the key to verify it with into the panel, then renders. */
    load({ token, secret = "", secretEncoding = "utf8", source = null }) {
      view.tokenSource.textContent = source === null ? "" : describeSource(source);
      view.clearFragment.hidden = source === null;
      setTokenText(token);
      view.secretInput.value = secret;
      view.secretEncoding.value = secretEncoding;
      update();
    },
    /** Puts a key in the key box, keeping the token, then renders. */
    useKey({ key, secretEncoding = "utf8" }) {
      view.secretInput.value = key;
      view.secretEncoding.value = secretEncoding;
      update();
    },
  };
}

/** Shows the legend entries of the parts this token has beyond header, payload and signature. */
function showLegendFor(segments) {
  const parts = new Set(segments.map((segment) => (["encrypted_key", "iv", "tag"].includes(segment.part) ? "ciphertext" : segment.part)));
  for (const item of document.querySelectorAll(".legend-item[data-optional]")) item.hidden = !parts.has(item.dataset.part);
}

/** Which key of the user's verified the token: its place in a set, kid, thumbprint, and the engine's words. */
function describeMatch(report) {
  const signature = report.checks.find((check) => check.ok && (check.name === "signature" || check.name.startsWith("signature[")));
  const kidValue = typeof report.matchedKid === "string" ? report.matchedKid : report.kid;
  const facts = [
    Number.isInteger(report.matchedIndex) ? `key #${report.matchedIndex} of the set` : null,
    typeof kidValue === "string" ? `kid "${kidValue}"` : null,
    `thumbprint ${report.keyThumbprint}`,
  ].filter((fact) => fact !== null);
  return `Verified with the key of ${facts.join(", ")}. ${signature?.message ?? ""}`.trim();
}

/** Where a token from the URL came from, e.g. an OAuth redirect's `#id_token=`. */
function describeSource({ param, others }) {
  const also = others.length > 0 ? ` The address also carries ${others.map((name) => `"${name}"`).join(" and ")}.` : "";
  return `Loaded from the address's #${param}= (no key is ever read from the address).${also}`;
}
