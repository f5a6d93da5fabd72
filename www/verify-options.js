// The claim-check inputs of the verify side (expected issuer and audience, "verify as of" time,
// leeway) turned into the engine's `verify` options. Only what the user filled in is passed, so
// an empty box means "not checked" exactly as the engine's defaults say (DESIGN §3).

/** Reads the claim-check inputs (and the RFC 7797 / detached-payload ones); returns `{ options, now, leeway, problems }` (`now` in seconds). */
export function readVerifyOptions({ issuer, audience, asOf, leeway, supportsB64 = false, detachedPayload = "" }, wallClockSeconds) {
  const options = {};
  const problems = [];

  const iss = issuer.trim();
  if (iss !== "") options.issuer = iss;

  // Several accepted audiences may be listed, separated by commas or spaces (an audience that
  // contains one of those is rare; the engine still compares each one exactly).
  const audiences = audience.split(/[\s,]+/).filter((item) => item !== "");
  if (audiences.length === 1) options.audience = audiences[0];
  else if (audiences.length > 1) options.audience = audiences;

  let now = wallClockSeconds;
  if (asOf.trim() !== "") {
    const parsed = parseAsOf(asOf);
    if (parsed === null) problems.push(`"Verify as of" is not a date and time: ${asOf}`);
    else {
      now = parsed;
      options.now = parsed;
    }
  }

  let leewaySeconds = 0;
  if (leeway.trim() !== "") {
    const value = Number(leeway);
    if (!Number.isFinite(value) || value < 0) problems.push(`Leeway must be a number of seconds, 0 or more: ${leeway}`);
    else {
      leewaySeconds = value;
      if (value !== 0) options.leeway = value;
    }
  }
  // RFC 7797: only when the user says the verifier supports it; a detached payload (RFC 7515
  // Appendix F) only when one was pasted.
  if (supportsB64) options.supportsB64 = true;
  if (detachedPayload !== "") options.detachedPayload = detachedPayload;
  return { options, now, leeway: leewaySeconds, fixedTime: options.now !== undefined, problems };
}

/**
 * A datetime-local value ("2026-11-29T01:50" or with seconds) as local time, or an ISO 8601 /
 * NumericDate typed by hand; seconds since the epoch, or null.
 */
export function parseAsOf(text) {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const millis = new Date(trimmed).getTime();
  return Number.isNaN(millis) ? null : Math.floor(millis / 1000);
}
