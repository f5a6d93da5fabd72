// "Copy redacted": a token's shape for a bug report, without its secrets. Every value becomes
// its type (and a string's length); the structure (member names, nesting, array lengths) stays,
// and so do the members that explain most verification problems: alg, typ, kid, cty, crit, enc,
// zip and b64 in the header, iss, aud and the time claims in the payload. The signature is dropped.

const KEPT_HEADER = new Set(["alg", "typ", "kid", "cty", "crit", "enc", "zip", "b64"]);
const KEPT_CLAIMS = new Set(["iss", "aud", "exp", "nbf", "iat", "auth_time"]);

/** `value` with every leaf replaced by a description of its type. */
export function redactValue(value) {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(redactValue);
  switch (typeof value) {
    case "string":
      return `<string, ${value.length} chars>`;
    case "number":
      return "<number>";
    case "boolean":
      return "<boolean>";
    case "object":
      return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, redactValue(inner)]));
    default:
      return `<${typeof value}>`;
  }
}

/** An object with the `kept` members as they are and every other member redacted. */
function redactObject(object, kept) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) return redactValue(object);
  return Object.fromEntries(Object.entries(object).map(([name, value]) => [name, kept.has(name) ? value : redactValue(value)]));
}

/** The redacted report for an engine `Decoded`, as text to paste into an issue. */
export function redactedReport(decoded) {
  const lines = [`jwt-lens redacted ${decoded.kind} token (values replaced by their type, signature dropped)`];
  lines.push(`header: ${JSON.stringify(redactObject(decoded.header, KEPT_HEADER))}`);
  if (decoded.kind !== "jwe") {
    const payload = typeof decoded.payload === "string" ? `<text, ${decoded.payload.length} chars>` : redactObject(decoded.payload, KEPT_CLAIMS);
    lines.push(`payload: ${JSON.stringify(payload)}`);
  }
  const codes = (decoded.diagnostics ?? []).map((diagnostic) => diagnostic.code);
  if (codes.length > 0) lines.push(`diagnostics: ${codes.join(", ")}`);
  return lines.join("\n");
}
