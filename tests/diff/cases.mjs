// What the differential tests feed every verifier: random claim sets, and tamperings of a valid
// token, each with the verdict a strict verifier should give. Every token is made here from
// exact header and payload texts and signed by node:crypto (peers.mjs nodeSignature), so no
// library under test makes the inputs it is judged on.

import { nodeSignature } from "./peers.mjs";

const b64 = (text) => Buffer.from(text).toString("base64url");

// ---- random claims ----

const ALPHABET = ["a", "Z", "0", " ", "é", "ß", "中", "😀", "\"", "\\", "/", "\n", "\t", "\u0001", "\u2028", "<", "&", "'"];

function randomString(r, max = 12) {
  let s = "";
  for (let i = r.int(max + 1); i > 0; i--) s += r.pick(ALPHABET);
  return s;
}

function randomNumber(r) {
  switch (r.int(5)) {
    case 0: return r.int(1000);
    case 1: return -r.int(1_000_000);
    case 2: return r.int(2 ** 31) * 4096 + r.int(4096); // up to ~2^43, exact in a double
    case 3: return r.int(1_000_000) / 1000;
    default: return (r.int(2_000_000) - 1_000_000) * 1e-7;
  }
}

function randomValue(r, depth) {
  const kinds = depth > 0 ? 7 : 5;
  switch (r.int(kinds)) {
    case 0: return randomString(r);
    case 1: return randomNumber(r);
    case 2: return r.chance(0.5);
    case 3: return null;
    case 4: return randomString(r, 40);
    case 5: return Array.from({ length: r.int(4) }, () => randomValue(r, depth - 1));
    default: return randomObject(r, depth - 1, 4);
  }
}

function randomObject(r, depth, members) {
  const out = {};
  for (let i = r.int(members + 1); i > 0; i--) out[`${randomString(r, 6)}${i}`] = randomValue(r, depth);
  return out;
}

/** A claims set: registered claims valid at `now` (some optional), plus random private claims. */
export function randomClaims(r, now) {
  const claims = { sub: randomString(r, 20), ...randomObject(r, 2, 5) };
  if (r.chance(0.5)) claims.iss = `https://${randomString(r, 6)}.example`;
  if (r.chance(0.5)) claims.jti = b64(r.bytes(12));
  if (r.chance(0.7)) claims.iat = now - r.int(600);
  if (r.chance(0.4)) claims.nbf = now - r.int(600) - 60;
  // exp well away from now (no clock-edge flakiness); sometimes a fraction, which NumericDate allows.
  claims.exp = now + 3600 + r.int(86_400) + (r.chance(0.2) ? 0.5 : 0);
  return claims;
}

// ---- token helpers ----

/** A token with exact `headerText` and `payloadText`, signed by node:crypto with `forms`. */
export function tokenOf(alg, forms, headerText, payloadText) {
  const input = `${b64(headerText)}.${b64(payloadText)}`;
  return `${input}.${nodeSignature(alg, forms, input)}`;
}

function withSignature(token, mutate) {
  const dot = token.lastIndexOf(".");
  return `${token.slice(0, dot + 1)}${mutate(token.slice(dot + 1))}`;
}

/** A different algorithm of the same family, for the "alg changed" tampering. */
const SIBLING = {
  HS256: "HS384", HS384: "HS512", HS512: "HS256",
  RS256: "PS256", RS384: "RS512", RS512: "RS256",
  PS256: "RS256", PS384: "PS512", PS512: "PS256",
  ES256: "ES384", ES384: "ES256", ES512: "ES256", ES256K: "ES256",
  EdDSA: "ES256",
};

/** Raw r‖s (two halves) as an ASN.1 DER SEQUENCE of two INTEGERs. */
function derSignature(raw) {
  const half = raw.length / 2;
  const integer = (bytes) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    let body = bytes.subarray(i);
    if (body[0] & 0x80) body = Buffer.concat([Buffer.alloc(1), body]);
    return Buffer.concat([Buffer.from([0x02, body.length]), body]);
  };
  const content = Buffer.concat([integer(raw.subarray(0, half)), integer(raw.subarray(half))]);
  const length = content.length < 128 ? Buffer.from([content.length]) : Buffer.from([0x81, content.length]);
  return Buffer.concat([Buffer.from([0x30]), length, content]);
}

/** Unused low bits of the last base64url character of `n` bytes (0 when n is a multiple of 3). */
const trailingBits = (n) => [0, 4, 2][n % 3];
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * The tamperings. Each `make(ctx)` returns the token to verify (or { token, key: "public-as-secret" });
 * `expect` is the verdict of a strict verifier; `applies(alg)` limits a tampering to some families.
 * ctx = { r, alg, forms, wrongForms, header, claims, now }.
 */
export const TAMPERINGS = [
  {
    name: "untouched",
    expect: "accept",
    make: (c) => tokenOf(c.alg, c.forms, JSON.stringify(c.header), JSON.stringify(c.claims)),
  },
  {
    name: "one signature bit flipped",
    expect: "reject",
    make: (c) => withSignature(valid(c), (sig) => {
      const bytes = Buffer.from(sig, "base64url");
      bytes[c.r.int(bytes.length)] ^= 1 << c.r.int(8);
      return bytes.toString("base64url");
    }),
  },
  {
    name: "payload changed, signature kept",
    expect: "reject",
    make: (c) => {
      const [h, , s] = valid(c).split(".");
      return `${h}.${b64(JSON.stringify({ ...c.claims, sub: `${c.claims.sub}x` }))}.${s}`;
    },
  },
  {
    name: "header alg changed to a sibling, signature kept",
    expect: "reject",
    make: (c) => {
      const [, p, s] = valid(c).split(".");
      return `${b64(JSON.stringify({ ...c.header, alg: SIBLING[c.alg] }))}.${p}.${s}`;
    },
  },
  {
    name: "alg none, empty signature",
    expect: "reject",
    make: (c) => `${b64(JSON.stringify({ ...c.header, alg: "none" }))}.${b64(JSON.stringify(c.claims))}.`,
  },
  { name: "signature truncated by one byte", expect: "reject", make: (c) => withSignature(valid(c), (sig) => Buffer.from(sig, "base64url").subarray(0, -1).toString("base64url")) },
  { name: "signature removed", expect: "reject", make: (c) => withSignature(valid(c), () => "") },
  { name: "signed with another key", expect: "reject", make: (c) => tokenOf(c.alg, c.wrongForms, JSON.stringify(c.header), JSON.stringify(c.claims)) },
  { name: "expired an hour ago", expect: "reject", make: (c) => signed(c, { ...c.claims, exp: c.now - 3600 }) },
  { name: "not valid for another hour (nbf)", expect: "reject", make: (c) => signed(c, { ...c.claims, nbf: c.now + 3600 }) },
  { name: "issued an hour in the future (iat)", expect: "accept", // RFC 7519 §4.1.6: iat is informational
    make: (c) => signed(c, { ...c.claims, iat: c.now + 3600 }) },
  { name: "exp is a string", expect: "reject", make: (c) => signed(c, { ...c.claims, exp: String(Math.floor(c.claims.exp)) }) },
  {
    name: "duplicate claim name",
    expect: "reject",
    make: (c) => tokenOf(c.alg, c.forms, JSON.stringify(c.header), `${JSON.stringify(c.claims).slice(0, -1)},"sub":"other"}`),
  },
  { name: "payload is a JSON array", expect: "reject", make: (c) => tokenOf(c.alg, c.forms, JSON.stringify(c.header), JSON.stringify([c.claims])) },
  { name: "payload is not JSON", expect: "reject", make: (c) => tokenOf(c.alg, c.forms, JSON.stringify(c.header), "not json") },
  { name: "aud present, no audience asked for", expect: "accept", make: (c) => signed(c, { ...c.claims, aud: "someone" }) },
  {
    name: "unknown crit extension",
    expect: "reject",
    make: (c) => tokenOf(c.alg, c.forms, JSON.stringify({ ...c.header, crit: ["x-ext"], "x-ext": true }), JSON.stringify(c.claims)),
  },
  {
    name: "b64 false (RFC 7797) with crit",
    expect: "reject",
    make: (c) => tokenOf(c.alg, c.forms, JSON.stringify({ ...c.header, b64: false, crit: ["b64"] }), JSON.stringify(c.claims)),
  },
  {
    name: "signature padded with '='",
    expect: "reject",
    applies: (alg, sigBytes) => sigBytes % 3 !== 0,
    make: (c) => withSignature(valid(c), (sig) => `${sig}${"=".repeat((4 - (sig.length % 4)) % 4)}`),
  },
  {
    name: "signature with non-zero trailing bits",
    expect: "reject",
    applies: (alg, sigBytes) => trailingBits(sigBytes) > 0,
    make: (c) => withSignature(valid(c), (sig) => {
      const last = B64URL.indexOf(sig.at(-1));
      return `${sig.slice(0, -1)}${B64URL[last | 1]}`;
    }),
  },
  { name: "surrounded by whitespace", expect: "reject", make: (c) => ` ${valid(c)}\n` },
  { name: "header is not base64url", expect: "reject", make: (c) => `*${valid(c)}` },
  { name: "four segments", expect: "reject", make: (c) => `${valid(c)}.${b64("x")}` },
  {
    name: "ECDSA signature in DER form",
    expect: "reject",
    applies: (alg) => alg.startsWith("ES"),
    make: (c) => withSignature(valid(c), (sig) => derSignature(Buffer.from(sig, "base64url")).toString("base64url")),
  },
  {
    name: "HS256 signed with the public key PEM as the secret",
    expect: "reject",
    applies: (alg) => !alg.startsWith("HS"),
    make: (c) => ({
      token: tokenOf("HS256", { node: Buffer.from(c.publicPem) }, JSON.stringify({ ...c.header, alg: "HS256" }), JSON.stringify(c.claims)),
      asHs256: true,
    }),
  },
];

function valid(c) {
  return tokenOf(c.alg, c.forms, JSON.stringify(c.header), JSON.stringify(c.claims));
}

function signed(c, claims) {
  return tokenOf(c.alg, c.forms, JSON.stringify(c.header), JSON.stringify(claims));
}
