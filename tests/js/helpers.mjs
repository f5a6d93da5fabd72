// Shared helpers for the jwt-lens package tests (not a test file itself: node --test only runs *.test.mjs).
//
// Tokens here are made with node:crypto, independently of the engine, so a bug in jwt-lens `sign`
// cannot hide a bug in `verify` (and the other way round).

import { createHash, createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (tests/js/../..). */
export const repoRoot = resolve(here, "..", "..");
/** The built package. */
export const pkgDir = join(repoRoot, "pkg");
const nodeEntry = join(pkgDir, "node", "index.mjs");

if (!existsSync(nodeEntry)) {
  // Fail loudly, never skip: scripts/test builds pkg/ before running these tests.
  throw new Error(
    `jwt-lens package not built: ${nodeEntry} is missing. Run scripts/build first (the JS tests run against pkg/).`,
  );
}

/** The package under test, imported by path. */
export const lens = await import(new URL("../../pkg/node/index.mjs", import.meta.url).href);
await lens.default();

/** Where the public vector suites live ($JWT_LENS_VECTORS, default ../shared/vectors relative to the repo). */
export const vectorsDir = process.env.JWT_LENS_VECTORS
  ? resolve(process.env.JWT_LENS_VECTORS)
  : resolve(repoRoot, "..", "shared", "vectors");

/** Every code of `DiagnosticCode` in jwt-lens.d.ts. */
export const DIAGNOSTIC_CODES = new Set([
  "malformed", "invalid_base64", "invalid_utf8", "invalid_json", "header_not_object",
  "duplicate_member", "unsupported_alg", "alg_none", "alg_not_allowed", "key_alg_mismatch",
  "invalid_key", "weak_key", "key_not_found", "signature_invalid", "signature_der_encoded",
  "crit_unsupported", "b64_invalid", "expired", "not_yet_valid", "iat_in_future",
  "token_too_old", "claim_type", "missing_claim", "issuer_mismatch", "audience_mismatch",
  "subject_mismatch", "typ_mismatch", "embedded_key_ignored", "secret_encoding_hint",
  "bearer_prefix", "too_large",
  "missing_exp", "long_lifetime", "suspicious_kid", "big_number", "personal_data",
  "known_secret", "trailing_characters", "pem_armour_missing",
  "jwe_not_decrypted", "sd_digest_mismatch", "known_secret_not_tried",
  "invalid_option", "internal",
]);

export const HASH = { HS256: "sha256", HS384: "sha384", HS512: "sha512" };
export const HASH_BYTES = { HS256: 32, HS384: 48, HS512: 64 };
export const HS_ALGS = ["HS256", "HS384", "HS512"];

/** base64url without padding of a string (UTF-8) or bytes. */
export function b64u(data) {
  return Buffer.from(data).toString("base64url");
}

/** The HMAC of `signingInput` as base64url. `key` is bytes or a UTF-8 string. */
export function hmacB64u(alg, key, signingInput) {
  return createHmac(HASH[alg], Buffer.from(key)).update(signingInput).digest("base64url");
}

/**
 * A compact JWS made with node:crypto. `header` / `payload` are objects (JSON.stringify'd), strings
 * (used as the exact JSON text) or Buffers (raw bytes). The alg used for the MAC is `macAlg`,
 * defaulting to the header's alg.
 */
export function hsToken(header, payload, key, macAlg) {
  const enc = (v) => b64u(Buffer.isBuffer(v) ? v : typeof v === "string" ? v : JSON.stringify(v));
  const h = enc(header);
  const p = enc(payload);
  const alg = macAlg ?? (typeof header === "object" && !Buffer.isBuffer(header) ? header.alg : undefined);
  assert.ok(HASH[alg], `hsToken needs an HS* alg, got ${alg}`);
  return `${h}.${p}.${hmacB64u(alg, key, `${h}.${p}`)}`;
}

/** RFC 7638 thumbprint of a symmetric key (SHA-256 over {"k":…,"kty":"oct"}), computed without jwt-lens. */
export function octThumbprint(keyBytes) {
  const canonical = `{"k":"${b64u(keyBytes)}","kty":"oct"}`;
  return createHash("sha256").update(canonical).digest("base64url");
}

/** A fresh random secret of `n` bytes. */
export function secretBytes(n = 32) {
  return randomBytes(n);
}

/** Current time in NumericDate seconds. */
export function nowSeconds() {
  return Math.floor(Date.now() / 1000);
}

/** Codes of a list of diagnostics. */
export function codes(list) {
  assert.ok(Array.isArray(list), `expected an array of diagnostics, got ${JSON.stringify(list)}`);
  return list.map((d) => d.code);
}

/** All diagnostic codes a verify report carries (errors + warnings). */
export function reportCodes(report) {
  return [...codes(report.errors), ...codes(report.warnings)];
}

/** Asserts `list` (diagnostics) contains `code`, with a readable failure message. */
export function assertHasCode(list, code, context = "") {
  const got = codes(list);
  assert.ok(got.includes(code), `${context}expected diagnostic ${code}, got ${JSON.stringify(list, null, 1)}`);
}

/** Asserts `list` does not contain `code`. */
export function assertLacksCode(list, code, context = "") {
  const got = codes(list);
  assert.ok(!got.includes(code), `${context}did not expect diagnostic ${code}, got ${JSON.stringify(list, null, 1)}`);
}

/** Asserts a value has the Diagnostic shape of the .d.ts. */
export function assertDiagnostic(d, context = "") {
  assert.equal(typeof d, "object", `${context}diagnostic must be an object`);
  assert.ok(d !== null, `${context}diagnostic must not be null`);
  assert.ok(DIAGNOSTIC_CODES.has(d.code), `${context}unknown diagnostic code ${JSON.stringify(d.code)}`);
  assert.ok(["error", "warning", "info"].includes(d.severity), `${context}bad severity ${JSON.stringify(d.severity)}`);
  assert.equal(typeof d.message, "string", `${context}message must be a string`);
  assert.ok(d.message.length > 0, `${context}message must not be empty (${d.code})`);
  assert.ok(d.hint === undefined || (typeof d.hint === "string" && d.hint.length > 0), `${context}hint must be absent or a non-empty string`);
}

/** Asserts a verify report is well-formed (VerifyReport in the .d.ts), and returns it. */
export function assertReportShape(r, context = "") {
  assert.equal(typeof r, "object", `${context}report must be an object`);
  for (const k of ["valid", "signatureValid"]) assert.equal(typeof r[k], "boolean", `${context}${k} must be boolean`);
  for (const k of ["alg", "kid", "keyThumbprint"]) {
    assert.ok(r[k] === null || typeof r[k] === "string", `${context}${k} must be string|null, got ${JSON.stringify(r[k])}`);
  }
  assert.ok(r.header === null || (typeof r.header === "object" && !Array.isArray(r.header)), `${context}header must be object|null`);
  assert.ok("payload" in r, `${context}payload member missing`);
  assert.ok(Array.isArray(r.checks), `${context}checks must be an array`);
  for (const c of r.checks) {
    assert.equal(typeof c.name, "string", `${context}check.name`);
    assert.equal(typeof c.ok, "boolean", `${context}check.ok`);
    assert.equal(typeof c.message, "string", `${context}check.message`);
    if (c.ok) assert.equal(c.code, undefined, `${context}a passing check has no code (${c.name})`);
    else assert.ok(DIAGNOSTIC_CODES.has(c.code), `${context}failing check ${c.name} needs a known code, got ${JSON.stringify(c.code)}`);
  }
  assert.ok(Array.isArray(r.errors) && Array.isArray(r.warnings), `${context}errors/warnings arrays`);
  for (const d of r.errors) {
    assertDiagnostic(d, context);
    assert.equal(d.severity, "error", `${context}errors[] holds severity error only (${d.code})`);
  }
  for (const d of r.warnings) {
    assertDiagnostic(d, context);
    assert.notEqual(d.severity, "error", `${context}warnings[] holds no errors (${d.code})`);
  }
  // valid ⇔ signature verified and nothing failed.
  if (r.valid) {
    assert.equal(r.signatureValid, true, `${context}valid implies signatureValid`);
    assert.deepEqual(r.errors, [], `${context}valid implies no errors`);
    assert.ok(r.checks.every((c) => c.ok), `${context}valid implies every check ok`);
  } else {
    assert.ok(r.errors.length > 0, `${context}an invalid report must say why in errors[]`);
  }
  return r;
}

/** `fn()` must throw a JwtLensError; optionally with one of `expectedCodes`. Returns the error. */
export function assertThrowsLens(fn, expectedCodes, context = "") {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err !== undefined, `${context}expected a JwtLensError to be thrown, nothing was thrown`);
  assert.ok(err instanceof lens.JwtLensError, `${context}expected JwtLensError, got ${err?.constructor?.name}: ${err?.message}`);
  assert.ok(err instanceof Error, `${context}JwtLensError must extend Error`);
  assert.equal(err.name, "JwtLensError", `${context}err.name`);
  assert.ok(DIAGNOSTIC_CODES.has(err.code), `${context}err.code must be a DiagnosticCode, got ${JSON.stringify(err.code)}`);
  assert.equal(typeof err.message, "string");
  assert.ok(err.message.length > 0, `${context}err.message must not be empty`);
  if (expectedCodes) {
    const list = Array.isArray(expectedCodes) ? expectedCodes : [expectedCodes];
    assert.ok(list.includes(err.code), `${context}expected code ${list.join(" or ")}, got ${err.code} (${err.message})`);
  }
  return err;
}
