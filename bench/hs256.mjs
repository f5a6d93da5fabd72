#!/usr/bin/env node
// HS256 verify / decode throughput: jwt-lens vs fast-jwt, jsonwebtoken and jose, in one process.
//
//   node bench/hs256.mjs [--rounds 7] [--ms 300]
//
// Interleaved rounds: every round runs each contender for ~`ms` milliseconds, in a rotating order, so
// drift (thermal, JIT, GC, noisy neighbours) hits everyone alike. The reported figure is the median
// ops/s over the rounds. Prints a Markdown table to stdout, nothing else is written. Not a test: it
// never fails on a timing (it only exits non-zero if a library rejects the benchmark token).

import { cpus } from "node:os";
import { createSecretKey, randomBytes, webcrypto } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createVerifier, createDecoder, createSigner } from "fast-jwt";
import jsonwebtoken from "jsonwebtoken";
import * as jose from "jose";

const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "7" }, ms: { type: "string", default: "300" } },
});
const ROUNDS = Number(args.rounds);
const ROUND_MS = Number(args.ms);

let lens;
try {
  lens = await import(new URL("../pkg/node/index.mjs", import.meta.url).href);
  await lens.default();
} catch (e) {
  console.error(`bench: cannot load ../pkg/node/index.mjs (run scripts/build first): ${e.message}`);
  process.exit(2);
}

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

// ---- contenders: each is a function that runs `n` operations and checks the result ----
function fail(name, detail) {
  console.error(`bench: ${name} rejected the benchmark token: ${detail}`);
  process.exit(1);
}

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

// ---- timing ----
/** Runs `row` in batches for about `ms` milliseconds; returns ops/s. */
async function runFor(row, ms) {
  let batch = 16;
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    if (row.sync) row.sync(batch);
    else await row.async(batch);
    ops += batch;
    elapsed = performance.now() - start;
    // Aim for ~10 ms batches so the clock is read rarely but the round ends on time.
    if (elapsed < ms / 30 && batch < 1 << 20) batch *= 2;
  }
  return (ops * 1000) / elapsed;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function bench(rows) {
  // Warm-up: every contender once (JIT, lazy init), not recorded.
  for (const row of rows) await runFor(row, Math.min(100, ROUND_MS));
  const samples = rows.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < rows.length; k++) {
      const i = (k + round) % rows.length; // rotate the starting contender each round
      samples[i].push(await runFor(rows[i], ROUND_MS));
    }
  }
  const medians = samples.map(median);
  const base = medians[rows.findIndex((r) => r.baseline)];
  return rows.map((row, i) => ({
    name: row.name,
    ops: medians[i],
    min: Math.min(...samples[i]),
    max: Math.max(...samples[i]),
    ratio: medians[i] / base,
  }));
}

const fmt = (n) => Math.round(n).toLocaleString("en-US");
const cpu = cpus()[0]?.model?.trim().replace(/\s+/g, " ") ?? "unknown CPU";

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

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
  } catch {
    return "?";
  }
}
