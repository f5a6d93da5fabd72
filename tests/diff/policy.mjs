// The documented policy differences of the differential tests: where a library's verdict differs
// from the strict verdict of cases.mjs on purpose. Each entry must be observed by diff.test.mjs
// (so the list stays true) and appear as a row of the table in tests/diff/README.md.
// `verdict` is what that library does; `why` says why the difference is a policy, not a bug.

export const POLICY = [
  {
    tampering: "surrounded by whitespace",
    verifier: "jwt-lens",
    verdict: "accept",
    why: "jwt-lens accepts a token pasted with surrounding whitespace (or a Bearer prefix) and says so with a bearer_prefix warning (DESIGN §3); the bytes it verifies are the token's",
  },
  {
    tampering: "payload is a JSON array",
    verifier: "jwt-lens",
    verdict: "accept",
    why: "jwt-lens verifies a JWS: the payload may be any bytes, and must be a claims set only when the caller asks for a claim check (README, The engine's rules); jose's jwtVerify and PyJWT's decode are JWT-only",
  },
  {
    tampering: "payload is not JSON",
    verifier: "jwt-lens",
    verdict: "accept",
    why: "as for a JSON array: a JWS payload is bytes; the report carries it as text",
  },
  {
    tampering: "duplicate claim name",
    verifier: "jose",
    verdict: "accept",
    why: "RFC 7515 §5.2 allows parsers that keep the lexically last member; jose's JSON.parse does, so it sees sub = \"other\"; jwt-lens refuses the ambiguity (duplicate_member)",
  },
  {
    tampering: "duplicate claim name",
    verifier: "pyjwt",
    verdict: "accept",
    why: "as jose: Python's json keeps the last member",
  },
  {
    tampering: "exp is a string",
    verifier: "pyjwt",
    verdict: "accept",
    why: "PyJWT converts exp with int(), so a numeric string passes; RFC 7519 §2 makes a NumericDate a JSON number, which jwt-lens and jose require (claim_type)",
  },
  {
    tampering: "issued an hour in the future (iat)",
    verifier: "pyjwt",
    verdict: "reject",
    why: "PyJWT rejects an iat in the future (ImmatureSignatureError); RFC 7519 §4.1.6 makes iat informational, so jwt-lens and jose check it only with maxTokenAge",
  },
  {
    tampering: "aud present, no audience asked for",
    verifier: "pyjwt",
    verdict: "reject",
    why: "PyJWT rejects a token with aud when the caller names no audience (InvalidAudienceError); jwt-lens and jose check aud only when asked (the audience option)",
  },
  {
    tampering: "signature padded with '='",
    verifier: "jose",
    verdict: "accept",
    why: "jose's base64url decoder accepts padding; RFC 7515 §2 defines base64url without it, and jwt-lens accepts only the canonical form (invalid_base64)",
  },
  {
    tampering: "signature padded with '='",
    verifier: "pyjwt",
    verdict: "accept",
    why: "PyJWT re-pads and decodes with Python's base64, which accepts the padding",
  },
  {
    tampering: "signature with non-zero trailing bits",
    verifier: "jose",
    verdict: "accept",
    why: "jose's decoder ignores the unused low bits of the last character, so two strings decode to one signature; jwt-lens refuses the non-canonical one (invalid_base64)",
  },
];
