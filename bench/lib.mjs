// Shared helpers for the benchmarks in bench/: loading the built package, interleaved throughput
// rounds with medians, single-call latency percentiles, and table formatting. Not a test: nothing
// here fails on a timing.

import { cpus } from "node:os";
import { readFileSync } from "node:fs";

/** Loads ../pkg/node/index.mjs (built by scripts/build) or exits with code 2 and a hint. */
export async function loadLens() {
  try {
    const lens = await import(new URL("../pkg/node/index.mjs", import.meta.url).href);
    await lens.default();
    return lens;
  } catch (e) {
    console.error(`bench: cannot load ../pkg/node/index.mjs (run scripts/build first): ${e.message}`);
    process.exit(2);
  }
}

/** Aborts the run: a library rejected the benchmark token (a correctness problem, not a timing). */
export function fail(name, detail) {
  console.error(`bench: ${name} rejected the benchmark token: ${detail}`);
  process.exit(1);
}

/**
 * Runs `row` (an object with `sync(n)` or `async(n)`, each running `n` operations) in batches for about
 * `ms` milliseconds; returns ops/s. Batches start at `row.batch ?? 1` operations and double while a batch
 * takes well under the round, so a slow operation (an RSA signature in wasm) does not overshoot the round
 * and a fast one reads the clock rarely.
 */
export async function runFor(row, ms) {
  let batch = row.batch ?? 1;
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    if (row.sync) row.sync(batch);
    else await row.async(batch);
    ops += batch;
    elapsed = performance.now() - start;
    // Aim for ~ms/30 batches so the clock is read rarely but the round ends on time.
    if (elapsed < ms / 30 && batch < 1 << 20) batch *= 2;
  }
  return (ops * 1000) / elapsed;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of an unsorted array. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * Interleaved rounds: one warm-up pass per contender (not recorded), then `rounds` rounds in which every
 * contender runs for ~`ms` milliseconds, starting with a different contender each round, so drift
 * (thermal, JIT, GC, noisy neighbours) hits everyone alike. Returns, per row, the median ops/s over the
 * rounds, min, max and the ratio to the row marked `baseline` (if any).
 */
export async function bench(rows, { rounds, ms, warmupMs = Math.min(100, ms) }) {
  for (const row of rows) await runFor(row, warmupMs);
  const samples = rows.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < rows.length; k++) {
      const i = (k + round) % rows.length; // rotate the starting contender each round
      samples[i].push(await runFor(rows[i], ms));
    }
  }
  const medians = samples.map(median);
  const b = rows.findIndex((r) => r.baseline);
  const base = b >= 0 ? medians[b] : NaN;
  return rows.map((row, i) => ({
    name: row.name,
    ops: medians[i],
    min: Math.min(...samples[i]),
    max: Math.max(...samples[i]),
    ratio: medians[i] / base,
  }));
}

/**
 * Latency of single synchronous calls: runs `fn` individually, timing each call with
 * `process.hrtime.bigint()`, `samples` times or until `maxMs` has passed (whichever comes first, but at
 * least `minSamples` calls). Returns { n, p50, p95, max } in milliseconds.
 */
export function latency(fn, { samples = 1000, maxMs = 5000, minSamples = 200 } = {}) {
  for (let i = 0; i < Math.min(20, samples); i++) fn(); // warm-up
  const times = [];
  const deadline = process.hrtime.bigint() + BigInt(Math.round(maxMs * 1e6));
  while (times.length < samples) {
    const t0 = process.hrtime.bigint();
    fn();
    const t1 = process.hrtime.bigint();
    times.push(Number(t1 - t0) / 1e6);
    if (times.length >= minSamples && t1 > deadline) break;
  }
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

export const fmt = (n) => Math.round(n).toLocaleString("en-US");

/** Milliseconds with 3 significant-ish digits: 0.0123, 0.412, 4.12, 41.2. */
export function fmtMs(ms) {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  if (ms >= 0.1) return ms.toFixed(3);
  return ms.toFixed(4);
}

export const cpuModel = () => cpus()[0]?.model?.trim().replace(/\s+/g, " ") ?? "unknown CPU";

/** Version of an installed root devDependency, or "?". */
export function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
  } catch {
    return "?";
  }
}
