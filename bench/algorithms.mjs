#!/usr/bin/env node
// Sign and verify throughput per asymmetric JWS algorithm: jwt-lens (wasm in Node) next to jose, fast-jwt
// and jsonwebtoken in one process, every library with a key imported once; plus the p50/p95 latency of a
// single jwt-lens verify (every algorithm) and of a single RSA-2048 sign, and a table of issue 3's targets.
//
//   node bench/algorithms.mjs [--rounds 5] [--ms 120] [--samples 1000] [--latency-ms 5000] [--only RS256,ES256,…]
//
// Per algorithm and operation, the contenders run in interleaved rounds (see lib.mjs): each round gives
// every library ~`ms` milliseconds, in a rotating order; the figure is the median ops/s over the rounds.
// Latency: `samples` individual calls timed with process.hrtime.bigint() (stopping after `latency-ms`
// per measurement once 200 calls are in). Tables go to stdout, progress to stderr. Not a test: a missed target is reported,
// never an exit code; the run exits non-zero only if a library rejects a benchmark token or signature.

import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { PEERS, contenders, pair } from "./contenders.mjs";
import { bench, cpuModel, fmt, fmtMs, latency, loadLens, pkgVersion } from "./lib.mjs";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    ms: { type: "string", default: "120" },
    samples: { type: "string", default: "1000" },
    "latency-ms": { type: "string", default: "5000" },
    only: { type: "string", default: "" },
  },
});
const ROUNDS = Number(args.rounds);
const ROUND_MS = Number(args.ms);
const SAMPLES = Number(args.samples);
const LATENCY_MAX_MS = Number(args["latency-ms"]);
const ONLY = args.only ? new Set(args.only.split(",").map((s) => s.trim())) : null;

const lens = await loadLens();
const progress = (msg) => process.stderr.write(`bench: ${msg}\n`);

// ---- keys: fresh on every run, exported to PEM for every library ----
progress("generating keys (RSA-2048, RSA-4096, P-256, P-384, P-521, secp256k1, Ed25519)…");
const keys = {
  rsa2048: pair("rsa", { modulusLength: 2048 }),
  rsa4096: pair("rsa", { modulusLength: 4096 }),
  p256: pair("ec", { namedCurve: "P-256" }),
  p384: pair("ec", { namedCurve: "P-384" }),
  p521: pair("ec", { namedCurve: "P-521" }),
  k256: pair("ec", { namedCurve: "secp256k1" }),
  ed25519: pair("ed25519"),
};

// Which peers take which algorithm (jose 6 and fast-jwt 6: no ES256K; jsonwebtoken 9: no ES256K, no EdDSA).
const CASES = [
  ["RS256", "RS256", keys.rsa2048, PEERS],
  ["RS384", "RS384", keys.rsa2048, PEERS],
  ["RS512", "RS512", keys.rsa2048, PEERS],
  ["PS256", "PS256", keys.rsa2048, PEERS],
  ["PS384", "PS384", keys.rsa2048, PEERS],
  ["PS512", "PS512", keys.rsa2048, PEERS],
  ["RS256 (RSA-4096)", "RS256", keys.rsa4096, PEERS],
  ["ES256", "ES256", keys.p256, PEERS],
  ["ES384", "ES384", keys.p384, PEERS],
  ["ES512", "ES512", keys.p521, PEERS],
  ["ES256K", "ES256K", keys.k256, []],
  ["EdDSA (Ed25519)", "EdDSA", keys.ed25519, ["jose", "fast-jwt"]],
]
  .map(([label, alg, key, peers]) => ({ label, alg, key, peers, rsa2048: key === keys.rsa2048 }))
  .filter((c) => !ONLY || ONLY.has(c.alg) || ONLY.has(c.label));
if (CASES.length === 0) {
  console.error("bench: --only matched no algorithm");
  process.exit(2);
}

const now = Math.floor(Date.now() / 1000);
const claims = { sub: "1234567890", name: "Bench Mark", admin: true, iat: now, exp: now + 3600 };

// ---- run ----
const results = []; // { c, sign: {lib: ops}, verify: {lib: ops}, verifyLat, signLat }
for (const c of CASES) {
  const k = await contenders(lens, c, claims);
  const r = { c, sign: {}, verify: {} };
  for (const op of ["verify", "sign"]) {
    progress(`${c.label} ${op}: ${k[op].map((x) => x.lib).join(", ")}…`);
    const res = await bench(k[op], { rounds: ROUNDS, ms: ROUND_MS });
    k[op].forEach((x, i) => (r[op][x.lib] = res[i].ops));
  }
  progress(`${c.label}: jwt-lens single-verify latency…`);
  r.verifyLat = latency(() => lens.verify(k.token, k.lensPub, k.lensOpts), { samples: SAMPLES, maxMs: LATENCY_MAX_MS });
  if (c.rsa2048 && (c.alg === "RS256" || c.alg === "PS256")) {
    progress(`${c.label}: jwt-lens single-sign latency…`);
    r.signLat = latency(() => lens.sign(k.header, claims, k.lensPriv), { samples: SAMPLES, maxMs: LATENCY_MAX_MS });
  }
  results.push(r);
}

// ---- tables ----
const LIBS = ["jwt-lens", ...PEERS];
const cpu = cpuModel();
const cell = (v) => (v === undefined ? "n/a" : fmt(v));
function bestPeer(ops) {
  let best = null;
  for (const p of PEERS) if (ops[p] !== undefined && (!best || ops[p] > ops[best])) best = p;
  return best;
}
const ratio = (ops) => {
  const b = bestPeer(ops);
  return b ? ops["jwt-lens"] / ops[b] : undefined;
};
const lat = (l) => (l ? `${fmtMs(l.p50)} / ${fmtMs(l.p95)}${l.n < SAMPLES ? ` (n=${l.n})` : ""}` : "—");

const out = [];
const load = `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores at the end of the run`;
out.push(
  `Asymmetric JWS algorithms — Node ${process.version}, ${cpu}, ${load}. Ops/s: median of ${ROUNDS} interleaved rounds × ${ROUND_MS} ms ` +
    `per library (higher is better); latency: ${SAMPLES} single jwt-lens calls (p50 / p95, ms). ` +
    `jwt-lens ${lens.version}, jose ${pkgVersion("jose")}, fast-jwt ${pkgVersion("fast-jwt")}, jsonwebtoken ${pkgVersion("jsonwebtoken")}.`,
);
for (const op of ["verify", "sign"]) {
  out.push("");
  out.push(`| ${op} ops/s — Node ${process.version}, ${cpu} | ${LIBS.join(" | ")} | jwt-lens ÷ fastest peer | jwt-lens single ${op} p50 / p95 (ms) |`);
  out.push(`|---|${LIBS.map(() => "---:").join("|")}|---:|---:|`);
  for (const r of results) {
    const q = ratio(r[op]);
    const b = bestPeer(r[op]);
    out.push(
      `| ${r.c.label} | ${LIBS.map((l) => cell(r[op][l])).join(" | ")} | ${q === undefined ? "n/a" : `${q.toFixed(2)}× (${b})`} | ${lat(op === "verify" ? r.verifyLat : r.signLat)} |`,
    );
  }
}

// Issue 3's targets.
const targets = [];
const withLat = results.filter((r) => r.verifyLat);
if (withLat.length) {
  const worst = withLat.reduce((a, b) => (b.verifyLat.p95 > a.verifyLat.p95 ? b : a));
  targets.push(["every verify ≤ 16 ms p95", `worst ${fmtMs(worst.verifyLat.p95)} ms (${worst.c.label})`, worst.verifyLat.p95 <= 16]);
  const r4096 = results.find((r) => r.c.key === keys.rsa4096);
  if (r4096) targets.push(["RSA-4096 verify ≤ 16 ms p95", `${fmtMs(r4096.verifyLat.p95)} ms`, r4096.verifyLat.p95 <= 16]);
}
const signLat = results.filter((r) => r.signLat);
if (signLat.length) {
  const worst = signLat.reduce((a, b) => (b.signLat.p95 > a.signLat.p95 ? b : a));
  targets.push(["RSA-2048 sign ≤ 50 ms p95", `worst ${fmtMs(worst.signLat.p95)} ms (${worst.c.label}; ${signLat.map((r) => r.c.alg).join(", ")} measured)`, worst.signLat.p95 <= 50]);
}
const RATIO_TARGETS = { RS256: 0.5, RS384: 0.5, RS512: 0.5, PS256: 0.5, PS384: 0.5, PS512: 0.5, ES256: 0.5, EdDSA: 0.5, ES384: 1, ES512: 1 };
for (const r of results) {
  const want = RATIO_TARGETS[r.c.alg];
  const q = ratio(r.verify);
  if (want === undefined || q === undefined) continue;
  const b = bestPeer(r.verify);
  targets.push([
    `${r.c.label} verify ≥ ${want}× fastest peer`,
    `${q.toFixed(2)}× (${fmt(r.verify["jwt-lens"])} vs ${b} ${fmt(r.verify[b])} ops/s)`,
    q >= want,
  ]);
}
out.push("");
out.push(`| targets (issue 3) — Node ${process.version}, ${cpu} | measured | |`);
out.push("|---|---|---|");
for (const [what, measured, ok] of targets) out.push(`| ${what} | ${measured} | ${ok ? "met" : "**not met**"} |`);
out.push("");
out.push(
  "Every key is generated fresh and imported once per library (jwt-lens `importKey`; jose `importSPKI`/`importPKCS8` → CryptoKey; " +
    "fast-jwt `createSigner`/`createVerifier` made once; jsonwebtoken a `KeyObject`). Verify checks the signature and `exp` of one token per " +
    "algorithm (signed by jose; ES256K by jwt-lens) with `algorithms` pinned; sign makes a token with the same claims. \"n/a\": the library " +
    "does not support the algorithm. Numbers from a busy machine are indicative only; the benchmark never fails on a target.",
);
console.log(out.join("\n"));
