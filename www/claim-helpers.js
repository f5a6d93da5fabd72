// Claim helpers for the encoder's payload: set `iat`, `nbf` or `exp` to now plus an offset, as
// a NumericDate (whole seconds since the epoch, RFC 7519 §2). They rewrite the payload box, so
// they need it to be a JSON object; the layout is kept (one line stays one line, indented text
// is re-indented by two spaces).

/** NumericDate for `nowMs` (milliseconds) plus `offsetSeconds`. */
export function numericDate(nowMs, offsetSeconds = 0) {
  return Math.floor(nowMs / 1000) + offsetSeconds;
}

/**
 * Returns `payloadText` with `claim` set to `value`, or null when the text is not a JSON object
 * (the caller shows the JSON error instead). This parses the user's own box, never a token.
 */
export function withClaim(payloadText, claim, value) {
  let payload;
  try {
    payload = JSON.parse(payloadText);
  } catch {
    return null;
  }
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return null;
  const indent = payloadText.includes("\n") ? 2 : undefined;
  return JSON.stringify({ ...payload, [claim]: value }, null, indent);
}
