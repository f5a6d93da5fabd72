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

import { constants, generateKeyPairSync, verify as nodeVerify } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createSigner, createVerifier } from "fast-jwt";
import jsonwebtoken from "jsonwebtoken";
import * as jose from "jose";
import { bench, cpuModel, fail, fmt, fmtMs, latency, loadLens, pkgVersion } from "./lib.mjs";

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
function pair(type, opts) {
  const { publicKey, privateKey } = generateKeyPairSync(type, opts);
  return {
    publicKey, // KeyObject (jsonwebtoken, node:crypto cross-check)
    privateKey,
    publicPem: publicKey.export({ type: "spki", format: "pem" }),
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }),
  };
}
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
const PEERS = ["jose", "fast-jwt", "jsonwebtoken"];
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

/** Independent check with node:crypto that `token` is a valid `alg` signature under `key.publicKey`. */
function nodeCheck(token, alg, key) {
  const dot = token.lastIndexOf(".");
  const data = Buffer.from(token.slice(0, dot));
  const sig = Buffer.from(token.slice(dot + 1), "base64url");
  const hash = alg === "EdDSA" ? null : `sha${alg.slice(2, 5)}`;
  const opts = { key: key.publicKey };
  if (alg.startsWith("PS")) Object.assign(opts, { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
  if (alg.startsWith("ES")) opts.dsaEncoding = "ieee-p1363";
  return nodeVerify(hash, data, opts, sig);
}

// ---- contenders per algorithm ----
async function contenders(c) {
  const { alg, key } = c;
  const header = { alg, typ: "JWT" };
  const lensPriv = lens.importKey(key.privatePem);
  const lensPub = lens.importKey(key.publicPem);
  const lensOpts = { algorithms: [alg] };
  const sign = [];
  const verify = [];

  sign.push({ lib: "jwt-lens", sync: (n) => { for (let i = 0; i < n; i++) lens.sign(header, claims, lensPriv); }, once: () => lens.sign(header, claims, lensPriv) });

  let token; // the reference token every verifier checks: signed by jose where it can, else by jwt-lens
  let josePub;
  if (c.peers.includes("jose")) {
    const josePriv = await jose.importPKCS8(key.privatePem, alg);
    josePub = await jose.importSPKI(key.publicPem, alg);
    const joseSign = () => new jose.SignJWT(claims).setProtectedHeader(header).sign(josePriv);
    sign.push({ lib: "jose", async: async (n) => { for (let i = 0; i < n; i++) await joseSign(); }, once: joseSign });
    token = await joseSign();
  } else {
    token = lens.sign(header, claims, lensPriv);
  }
  if (!nodeCheck(token, alg, key)) fail(`reference ${alg} token`, "node:crypto does not verify it");

  verify.push({
    lib: "jwt-lens",
    sync(n) {
      for (let i = 0; i < n; i++) {
        const r = lens.verify(token, lensPub, lensOpts);
        if (!r.valid) fail(`jwt-lens ${c.label}`, JSON.stringify(r.errors));
      }
    },
  });
  if (josePub) {
    const opts = { algorithms: [alg] };
    verify.push({
      lib: "jose",
      async async(n) {
        for (let i = 0; i < n; i++) {
          const { payload } = await jose.jwtVerify(token, josePub, opts);
          if (payload.sub !== claims.sub) fail(`jose ${c.label}`, "payload mismatch");
        }
      },
    });
  }
  if (c.peers.includes("fast-jwt")) {
    const fastSign = createSigner({ key: key.privatePem, algorithm: alg });
    const fastVerify = createVerifier({ key: key.publicPem, algorithms: [alg] }); // result cache off (default)
    sign.push({ lib: "fast-jwt", sync: (n) => { for (let i = 0; i < n; i++) fastSign(claims); }, once: () => fastSign(claims) });
    verify.push({
      lib: "fast-jwt",
      sync(n) {
        for (let i = 0; i < n; i++) if (fastVerify(token).sub !== claims.sub) fail(`fast-jwt ${c.label}`, "payload mismatch");
      },
    });
  }
  if (c.peers.includes("jsonwebtoken")) {
    const signOpts = { algorithm: alg };
    const verifyOpts = { algorithms: [alg] };
    sign.push({ lib: "jsonwebtoken", sync: (n) => { for (let i = 0; i < n; i++) jsonwebtoken.sign(claims, key.privateKey, signOpts); }, once: () => jsonwebtoken.sign(claims, key.privateKey, signOpts) });
    verify.push({
      lib: "jsonwebtoken",
      sync(n) {
        for (let i = 0; i < n; i++) {
          if (jsonwebtoken.verify(token, key.publicKey, verifyOpts).sub !== claims.sub) fail(`jsonwebtoken ${c.label}`, "payload mismatch");
        }
      },
    });
  }

  // Every signer's output must verify, with node:crypto and with jwt-lens.
  for (const s of sign) {
    const t = await s.once();
    if (!nodeCheck(t, alg, key)) fail(`${s.lib} ${c.label} sign`, "node:crypto does not verify its token");
    const r = lens.verify(t, lensPub, lensOpts);
    if (!r.valid) fail(`${s.lib} ${c.label} sign`, `jwt-lens does not verify its token: ${JSON.stringify(r.errors)}`);
  }
  for (const r of [...sign, ...verify]) r.name = `${r.lib} ${c.label}`;
  return { sign, verify, token, lensPub, lensPriv, lensOpts, header };
}

// ---- run ----
const results = []; // { c, sign: {lib: ops}, verify: {lib: ops}, verifyLat, signLat }
for (const c of CASES) {
  const k = await contenders(c);
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
