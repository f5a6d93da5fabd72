// Decides what the signature badge says. The rules are the page's promise to the user and to the
// tests (DESIGN §6): nothing is "verified" unless the engine verified it with the user's key.

/** Badge text per `data-state`. */
export const STATUS_TEXT = {
  verified: "Signature verified",
  invalid: "Invalid signature",
  unverified: "Not verified",
  malformed: "Malformed token",
};

/**
 * Returns `{ state, detail, report }`. `report` is the engine's VerifyReport when `verify` ran,
 * else null. `verify` is the engine's function (passed in so this module stays pure); `options`
 * are the claim checks the user asked for (verify-options.js).
 */
export function assessSignature({ token, decoded, secret, secretEncoding, options = {}, verify }) {
  if (token.trim() === "") {
    return { state: "unverified", detail: "Paste a token to decode it.", report: null };
  }
  if (decoded.kind === "invalid") {
    return { state: "malformed", detail: "The engine could not read this as a token: see the diagnostics.", report: null };
  }
  if (decoded.kind === "jwe") {
    // An encrypted token has no signature to call valid or invalid.
    return { state: "unverified", detail: "This is an encrypted token (JWE): it has no signature to verify here.", report: null };
  }
  if (secret === "") {
    return { state: "unverified", detail: "Enter the secret to verify the signature.", report: null };
  }
  const report = verify(token, secret, { secretEncoding, ...options });
  if (!report.signatureValid) {
    const reason = report.errors[0]?.message ?? "The signature does not match this secret.";
    return { state: "invalid", detail: reason, report };
  }
  if (report.valid) {
    return { state: "verified", detail: "The signature matches and every claim check passed.", report };
  }
  const failed = report.checks.find((check) => !check.ok);
  const why = failed?.message ?? report.errors[0]?.message ?? "a check failed";
  return { state: "verified", detail: `The signature matches, but the token is not valid: ${why}`, report };
}

/** Writes `assessment` into the badge and its detail line. */
export function renderStatus(badge, detailLine, assessment) {
  badge.dataset.state = assessment.state;
  badge.textContent = STATUS_TEXT[assessment.state];
  detailLine.textContent = assessment.detail;
  // `valid` (signature and claims) gets its own attribute so CSS can warn on "verified but expired".
  detailLine.dataset.state = assessment.state;
  detailLine.dataset.valid = String(assessment.report?.valid ?? false);
}
