#!/usr/bin/env node
// The one benchmark table of the README (issue 7): jwt-lens next to jose, fast-jwt and jsonwebtoken
// in one Node process — decode, HS256 verify, and verify and sign for RS256, PS256, ES256/384/512 and
// EdDSA — then the built sizes against the budgets of wasm-pack.toml.
//
//   node bench/table.mjs [--rounds 5] [--ms 150] [--readme]
//
// Per row the four libraries run in interleaved rounds (lib.mjs: each round gives every library
// ~`ms` milliseconds, in a rotating order); a cell is the median ops/s over the rounds. Every
// library's key is imported once and its output checked before timing (contenders.mjs). The
// Markdown goes to stdout; with --readme it also replaces the block between the
// `<!-- bench/table.mjs -->` markers of README.md. Progress goes to stderr. Not a test: a missed
// target is printed, never an exit code (exit 1 only if a library rejects a benchmark token).

import { createSecretKey, randomBytes, webcrypto } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDecoder, createSigner, createVerifier } from "fast-jwt";
import jsonwebtoken from "jsonwebtoken";
import * as jose from "jose";
import { parse as parseToml } from "smol-toml";
import { measureBuild } from "../scripts/lib/sizes.mjs";
import { PEERS, contenders, pair } from "./contenders.mjs";
import { bench, cpuModel, fail, fmt, loadLens, pkgVersion } from "./lib.mjs";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    ms: { type: "string", default: "150" },
    readme: { type: "boolean", default: false },
  },
});
const ROUNDS = Number(args.rounds);
const ROUND_MS = Number(args.ms);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const progress = (msg) => process.stderr.write(`bench: ${msg}\n`);
const lens = await loadLens();

const now = Math.floor(Date.now() / 1000);
const claims = { sub: "1234567890", name: "Bench Mark", admin: true, iat: now, nbf: now - 10, exp: now + 3600 };

/** Rows whose jwt-lens figure has a target relative to the fastest peer (issue 7). */
const TARGETS = { "decode (HS256 token)": 1, "decode (ES256 token)": 1, "HS256 verify": 1.5 };

/** decode and HS256 verify: one token with iat/nbf/exp and a 32-byte random secret used as text. */
async function hmacRows() {
  const secret = randomBytes(32).toString("base64url");
  const token = createSigner({ key: secret, algorithm: "HS256" })(claims);
  const handle = lens.importKey(secret);
  const fastVerify = createVerifier({ key: secret, algorithms: ["HS256"] }); // result cache off (default)
  const keyObject = createSecretKey(Buffer.from(secret, "utf8"));
  const joseKey = await webcrypto.subtle.importKey("raw", Buffer.from(secret, "utf8"), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const verify = [
    loop("jwt-lens", () => {
      const r = lens.verify(token, handle, { algorithms: ["HS256"] });
      return r.valid ? r.payload.sub : fail("jwt-lens", JSON.stringify(r.errors));
    }),
    {
      lib: "jose",
      batch: 16,
      async async(n) {
        for (let i = 0; i < n; i++) check("jose", (await jose.jwtVerify(token, joseKey, { algorithms: ["HS256"] })).payload.sub);
      },
    },
    loop("fast-jwt", () => fastVerify(token).sub),
    loop("jsonwebtoken", () => jsonwebtoken.verify(token, keyObject, { algorithms: ["HS256"] }).sub),
  ];
  return [["decode (HS256 token)", decodeRow(token)], ["HS256 verify", verify]];
}

const check = (lib, sub) => sub === claims.sub || fail(lib, "payload mismatch");
const loop = (lib, fn) => ({ lib, sync: (n) => { for (let i = 0; i < n; i++) check(lib, fn()); }, batch: 16 });

/** Reading the claims of `token` without verifying, in each library. */
function decodeRow(token) {
  const fastDecode = createDecoder();
  return [
    loop("jwt-lens", () => lens.decode(token).payload.sub),
    loop("jose", () => jose.decodeJwt(token).sub),
    loop("fast-jwt", () => fastDecode(token).sub),
    loop("jsonwebtoken", () => jsonwebtoken.decode(token).sub),
  ];
}

async function asymmetricRows() {
  progress("generating keys (RSA-2048, P-256, P-384, P-521, Ed25519)…");
  const rsa = pair("rsa", { modulusLength: 2048 });
  const cases = [
    ["RS256", rsa, PEERS],
    ["PS256", rsa, PEERS],
    ["ES256", pair("ec", { namedCurve: "P-256" }), PEERS],
    ["ES384", pair("ec", { namedCurve: "P-384" }), PEERS],
    ["ES512", pair("ec", { namedCurve: "P-521" }), PEERS],
    ["EdDSA", pair("ed25519"), ["jose", "fast-jwt"]], // jsonwebtoken 9 has no EdDSA
  ];
  const verify = [];
  const sign = [];
  let decode;
  for (const [alg, key, peers] of cases) {
    const k = await contenders(lens, { label: alg, alg, key, peers }, claims);
    verify.push([`${alg} verify`, k.verify]);
    sign.push([`${alg} sign`, k.sign]);
    // An ES256 token too: jwt-lens's decode tries the well-known HMAC secrets on HS* tokens only.
    if (alg === "ES256") decode = ["decode (ES256 token)", decodeRow(k.token)];
  }
  return [decode, ...verify, ...sign];
}

const LIBS = ["jwt-lens", ...PEERS];
const rows = [...(await hmacRows()), ...(await asymmetricRows())];
const results = [];
for (const [label, contenders] of rows) {
  progress(`${label}: ${contenders.map((c) => c.lib).join(", ")}…`);
  const measured = await bench(contenders, { rounds: ROUNDS, ms: ROUND_MS });
  results.push({ label, ops: Object.fromEntries(contenders.map((c, i) => [c.lib, measured[i].ops])) });
}

function fastestPeer(ops) {
  return PEERS.filter((p) => ops[p] !== undefined).reduce((best, p) => (best === null || ops[p] > ops[best] ? p : best), null);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const out = [];
out.push(
  `Node ${process.version}, ${cpuModel()}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end; ` +
    `jwt-lens ${lens.version}, jose ${pkgVersion("jose")}, fast-jwt ${pkgVersion("fast-jwt")}, jsonwebtoken ${pkgVersion("jsonwebtoken")}. ` +
    `Ops/s, median of ${ROUNDS} interleaved rounds × ${ROUND_MS} ms per library (higher is better).`,
);
out.push("");
out.push(`| ops/s | ${LIBS.join(" | ")} | jwt-lens ÷ fastest peer | target |`);
out.push(`|---|${LIBS.map(() => "---:").join("|")}|---:|---|`);
for (const { label, ops } of results) {
  const best = fastestPeer(ops);
  const ratio = ops["jwt-lens"] / ops[best];
  const want = TARGETS[label];
  const target = want === undefined ? "" : `≥ ${want}×: ${ratio >= want ? "met" : "**not met**"}`;
  out.push(`| ${label} | ${LIBS.map((l) => (ops[l] === undefined ? "n/a" : fmt(ops[l]))).join(" | ")} | ${ratio.toFixed(2)}× (${best}) | ${target} |`);
}

const manifest = parseToml(await readFile(new URL("../wasm-pack.toml", import.meta.url), "utf8"));
const coreDir = manifest.target.find((t) => t.name === "web-core")["out-dir"];
const sizes = await measureBuild(ROOT, `${ROOT}${coreDir}`);
out.push("");
out.push("| size (gzip -9) | built | budget | headroom |");
out.push("|---|---:|---:|---:|");
for (const [name, bytes] of Object.entries(sizes)) {
  const budget = manifest.budgets[name];
  out.push(`| ${name} | ${kb(bytes)} | ${kb(budget)} | ${bytes <= budget ? kb(budget - bytes) : "**over**"} |`);
}
out.push("");
out.push(
  "Every library verifies the same token (signature, `exp`, `nbf`) with its key imported once — jwt-lens an `importKey` handle, " +
    "jose a `CryptoKey` (async API), fast-jwt a verifier made once (result cache off), jsonwebtoken a `KeyObject` — and " +
    "signs the same claims; decode reads the claims without verifying. n/a: the library lacks the algorithm. " +
    "Sizes: the HMAC-only engine, the full browser engine, what the site loads first and on demand, the single file and the element script.",
);
const table = out.join("\n");
console.log(table);

if (args.readme) {
  const readme = new URL("../README.md", import.meta.url);
  const text = await readFile(readme, "utf8");
  const START = "<!-- bench/table.mjs: start -->";
  const END = "<!-- bench/table.mjs: end -->";
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) {
    console.error(`bench: README.md lacks the ${START} … ${END} markers`);
    process.exit(2);
  }
  const date = new Date().toISOString().slice(0, 10);
  await writeFile(readme, `${text.slice(0, a + START.length)}\n_${date}:_ ${table}\n${text.slice(b)}`);
  progress("README.md updated");
}
