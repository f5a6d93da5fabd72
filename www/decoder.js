// The decoder panel: token in, decoded header/payload, signature status, checks and diagnostics
// out. Every keystroke re-runs the engine (decode and verify are synchronous and fast); the page
// only renders what the engine returns.
//
// One promise above all: editing the secret or its encoding re-verifies the token, and never
// writes to the token input. Only the user, the URL fragment at load, or "Open in decoder" do.

import { byTestId, prettyJson } from "./dom.js";
import { renderTokenView } from "./token-view.js";
import { assessSignature, renderStatus } from "./signature-status.js";
import { mergeDiagnostics, renderDiagnostics, renderChecks } from "./diagnostics.js";
import { renderClaimTimes } from "./claim-times.js";

/** Wires the decoder panel to `engine` ({ decode, verify }); returns a small controller. */
export function createDecoder(engine) {
  const view = {
    tokenInput: byTestId("token-input"),
    tokenView: byTestId("token-view"),
    status: byTestId("signature-status"),
    statusDetail: byTestId("status-detail"),
    secretInput: byTestId("secret-input"),
    secretEncoding: byTestId("secret-encoding"),
    header: byTestId("header-json"),
    payload: byTestId("payload-json"),
    claimTimes: byTestId("claim-times"),
    checks: byTestId("checks"),
    diagnostics: byTestId("diagnostics"),
  };

  function update() {
    try {
      render();
    } catch (error) {
      // decode and verify never throw by contract; if the engine breaks it (a wasm trap), say so
      // on the page and in the console rather than leave a stale "Signature verified" on screen.
      renderStatus(view.status, view.statusDetail, { state: "unverified", detail: "The engine failed on this input.", report: null });
      renderChecks(view.checks, []);
      renderDiagnostics(view.diagnostics, [
        { code: "internal", severity: "error", message: `The jwt-lens engine failed: ${error?.message ?? String(error)}` },
      ]);
      console.error(error);
    }
  }

  function render() {
    const token = view.tokenInput.value;
    const decoded = engine.decode(token);

    renderTokenView(view.tokenView, token, decoded.segments);
    view.header.textContent = prettyJson(decoded.header, decoded.headerJson);
    view.payload.textContent =
      decoded.kind === "jwe"
        ? "(encrypted: the payload of a JWE cannot be read without decrypting it)"
        : prettyJson(decoded.payload, decoded.payloadJson);
    renderClaimTimes(view.claimTimes, decoded.payload, Date.now() / 1000);

    const assessment = assessSignature({
      token,
      decoded,
      secret: view.secretInput.value,
      secretEncoding: view.secretEncoding.value,
      verify: engine.verify,
    });
    renderStatus(view.status, view.statusDetail, assessment);
    renderChecks(view.checks, assessment.report?.checks ?? []);
    renderDiagnostics(
      view.diagnostics,
      mergeDiagnostics(decoded.diagnostics, assessment.report?.errors, assessment.report?.warnings),
    );
  }

  view.tokenInput.addEventListener("input", update);
  view.secretInput.addEventListener("input", update);
  view.secretEncoding.addEventListener("change", update);

  return {
    /** Puts a token and, optionally, the key to verify it with into the panel, then renders. */
    load({ token, secret = "", secretEncoding = "utf8" }) {
      view.tokenInput.value = token;
      view.secretInput.value = secret;
      view.secretEncoding.value = secretEncoding;
      update();
    },
  };
}
