#!/usr/bin/env node
// HS256 verify / decode throughput: jwt-lens vs fast-jwt, jsonwebtoken and jose, in one process.
//
//   node bench/hs256.mjs [--rounds 7] [--ms 300]
//
// Interleaved rounds: every round runs each contender for ~`ms` milliseconds, in a rotating order, so
// drift (thermal, JIT, GC, noisy neighbours) hits everyone alike. The reported figure is the median
// ops/s over the rounds. Prints a Markdown table to stdout, nothing else is written. Not a test: it
// never fails on a timing (it only exits non-zero if a library rejects the benchmark token).

import { createSecretKey, randomBytes, webcrypto } from "node:crypto";
import { parseArgs } from "node:util";
import { createVerifier, createDecoder, createSigner } from "fast-jwt";
import jsonwebtoken from "jsonwebtoken";
import * as jose from "jose";
import { loadLens, fail, bench as benchRows, fmt, cpuModel, pkgVersion } from "./lib.mjs";

const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "7" }, ms: { type: "string", default: "300" } },
});
const ROUNDS = Number(args.rounds);
const ROUND_MS = Number(args.ms);

const lens = await loadLens();

// ---- fixture: one HS256 token with iat/nbf/exp, a 32-byte random secret ----
const secretBytes = randomBytes(32);
const secret = secretBytes.toString("base64url"); // used as a UTF-8 string secret by every library
const now = Math.floor(Date.now() / 1000);
const claims = { sub: "1234567890", name: "Bench Mark", admin: true, iat: now, nbf: now - 10, exp: now + 3600 };
const token = createSigner({ key: secret, algorithm: "HS256" })(claims); // iat already set; fast-jwt keeps it

// Pre-made keys / verifiers (the fast path each library recommends for repeated verification).
const lensHandle = lens.importKey(secret);
const fastVerify = createVerifier({ key: secret, algorithms: ["HS256"] }); // cache off (default): real work each call
const joseKey = await webcrypto.subtle.importKey("raw", Buffer.from(secret, "utf8"), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
const fastDecode = createDecoder();
const jwtKeyObject = createSecretKey(Buffer.from(secret, "utf8"));

// ---- contenders: each runs `n` operations and checks the result (batches start at 16 calls) ----

const verifyRows = [
  {
    name: "jwt-lens `verify` (string secret)",
    sync(n) {
      for (let i = 0; i < n; i++) {
        const r = lens.verify(token, secret);
        if (!r.valid) fail(this.name, JSON.stringify(r.errors));
      }
    },
  },
  {
    name: "jwt-lens `verify` (`importKey` handle)",
    sync(n) {
      for (let i = 0; i < n; i++) {
        const r = lens.verify(token, lensHandle);
        if (!r.valid) fail(this.name, JSON.stringify(r.errors));
      }
    },
  },
  {
    name: "fast-jwt `createVerifier({ key })`",
    baseline: true,
    sync(n) {
      for (let i = 0; i < n; i++) {
        const p = fastVerify(token);
        if (p.sub !== claims.sub) fail(this.name, "payload mismatch");
      }
    },
  },
  {
    name: "jsonwebtoken `jwt.verify` (string secret)",
    sync(n) {
      for (let i = 0; i < n; i++) {
        const p = jsonwebtoken.verify(token, secret, { algorithms: ["HS256"] });
        if (p.sub !== claims.sub) fail(this.name, "payload mismatch");
      }
    },
  },
  {
    // jsonwebtoken 9 first tries to parse a string secret as a PEM public key, which dominates its cost;
    // a KeyObject skips that, so both are shown.
    name: "jsonwebtoken `jwt.verify` (KeyObject)",
    sync(n) {
      for (let i = 0; i < n; i++) {
        const p = jsonwebtoken.verify(token, jwtKeyObject, { algorithms: ["HS256"] });
        if (p.sub !== claims.sub) fail(this.name, "payload mismatch");
      }
    },
  },
  {
    name: "jose `jwtVerify` (pre-imported CryptoKey, async)",
    async async(n) {
      for (let i = 0; i < n; i++) {
        const { payload } = await jose.jwtVerify(token, joseKey, { algorithms: ["HS256"] });
        if (payload.sub !== claims.sub) fail(this.name, "payload mismatch");
      }
    },
  },
];

const decodeRows = [
  {
    name: "jwt-lens `decode`",
    sync(n) {
      for (let i = 0; i < n; i++) {
        const d = lens.decode(token);
        if (d.payload.sub !== claims.sub) fail(this.name, "payload mismatch");
      }
    },
  },
  {
    name: "fast-jwt `createDecoder()`",
    baseline: true,
    sync(n) {
      for (let i = 0; i < n; i++) {
        const p = fastDecode(token);
        if (p.sub !== claims.sub) fail(this.name, "payload mismatch");
      }
    },
  },
  {
    name: "jose `decodeJwt`",
    sync(n) {
      for (let i = 0; i < n; i++) {
        const p = jose.decodeJwt(token);
        if (p.sub !== claims.sub) fail(this.name, "payload mismatch");
      }
    },
  },
];

// ---- timing (interleaved rounds, medians: see lib.mjs) ----
const bench = (rows) => benchRows(rows.map((r) => Object.assign(r, { batch: 16 })), { rounds: ROUNDS, ms: ROUND_MS });
const cpu = cpuModel();

const verifyResults = await bench(verifyRows);
const decodeResults = await bench(decodeRows);

const lines = [];
lines.push(`HS256, ${ROUNDS} interleaved rounds × ${ROUND_MS} ms per library, median ops/s (min–max over rounds).`);
lines.push("");
lines.push(`| HS256 — Node ${process.version}, ${cpu} | ops/s (median) | min–max | vs fast-jwt |`);
lines.push("|---|---:|---:|---:|");
for (const r of verifyResults) lines.push(`| ${r.name} | ${fmt(r.ops)} | ${fmt(r.min)}–${fmt(r.max)} | ${r.ratio.toFixed(2)}× |`);
for (const r of decodeResults) lines.push(`| ${r.name} | ${fmt(r.ops)} | ${fmt(r.min)}–${fmt(r.max)} | ${r.ratio.toFixed(2)}× |`);
lines.push("");
lines.push(
  "Verify rows check the signature and exp/nbf (the token carries iat, nbf and exp) and return the claims; " +
    "decode rows compare with fast-jwt's decoder. Libraries: " +
    `jose ${pkgVersion("jose")}, fast-jwt ${pkgVersion("fast-jwt")}, jsonwebtoken ${pkgVersion("jsonwebtoken")}, jwt-lens ${lens.version}.`,
);
console.log(lines.join("\n"));
