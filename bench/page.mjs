// The debugger's own speed in Chromium (Debian's /usr/bin/chromium through playwright-core), on
// the single file dist/jwt-lens.html opened from disk:
//   - time to interactive: from navigation start to the app's "jwt-lens:ready" mark, which it sets
//     once the engine has answered (decoded, verified and rendered) the start-up example;
//   - keystroke-to-render latency for a 300-byte and a ~1 MB token: one edit of the token box
//     (an `input` event, as typing fires), measured inside the page from the edit until the
//     frame after the page shows the new answer (the signature badge changed state);
//   - where the time goes: the page's synchronous input handler (engine calls + DOM updates),
//     style + layout (forced right after it), the rest of the frame (paint, and the wait for the
//     frame itself), and for the 1 MB token the engine alone (decode, verify: the same
//     size-optimised wasm, in Node's V8).
// Prints Markdown tables and the targets met or not. Not a test: nothing fails on a timing.
//
//   scripts/build && node bench/page.mjs [--loads 15] [--samples 60]

import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { cpuModel, fmtMs, median, percentile } from "./lib.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SINGLE_FILE = `${ROOT}dist/jwt-lens.html`;
const SECRET = "bench-secret-that-is-at-least-32-bytes-long!";
const args = Object.fromEntries(process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)));
const LOADS = Number(args.loads ?? 15);
const SAMPLES = Number(args.samples ?? 60);
const TARGETS = { interactive: 300, keystroke: 16, large: 100 };

/** A HS256 token of about `bytes` characters (node:crypto HMAC, independent of the engine). */
function tokenOfSize(bytes) {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");
  const base = { sub: "bench", name: "Page Bench", iat: 1_700_000_000, exp: 4_000_000_000, data: "" };
  const overhead = header.length + 2 + 43 + Math.ceil((JSON.stringify(base).length * 4) / 3);
  base.data = "x".repeat(Math.max(0, Math.floor(((bytes - overhead) * 3) / 4)));
  const input = `${header}.${Buffer.from(JSON.stringify(base)).toString("base64url")}`;
  return `${input}.${createHmac("sha256", SECRET).update(input).digest("base64url")}`;
}

function launch() {
  return chromium.launch({
    executablePath: process.env.JWT_LENS_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      // Frames are drawn as soon as there is something to draw, not on a 60 Hz beat: "the next
      // frame" then measures the page's work, not up to 16.7 ms of waiting for vsync.
      "--disable-frame-rate-limit", "--disable-gpu-vsync",
    ],
  });
}

async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(SINGLE_FILE).href);
  await page.locator('html[data-ready="true"]').waitFor({ state: "attached", timeout: 30_000 });
  return { context, page };
}

/** Time to interactive over `LOADS` fresh contexts (nothing cached between loads). */
async function timeToInteractive(browser) {
  const times = [];
  for (let i = 0; i < LOADS; i += 1) {
    const { context, page } = await openPage(browser);
    times.push(await page.evaluate(() => performance.getEntriesByName("jwt-lens:ready")[0].startTime));
    await context.close();
  }
  return times;
}

/**
 * Keystroke-to-render samples: each sample alternates the token box between `token` and the
 * token with one more character (a broken signature), fires `input`, and waits until the
 * signature badge shows the new state, then for the next frame. Returns per-sample, in ms:
 * `total` (edit → frame drawn), `handler` (the synchronous input handler: engine calls and DOM
 * updates) and `layout` (style and layout of the result, forced right after the handler).
 */
async function keystrokes(page, token, samples) {
  await page.getByTestId("secret-input").fill(SECRET);
  await page.getByTestId("token-input").fill(token);
  await page.locator('[data-testid="signature-status"][data-state="verified"]').waitFor({ timeout: 30_000 });
  return page.evaluate(
    async ({ token, samples }) => {
      const box = document.querySelector('[data-testid="token-input"]');
      const badge = document.querySelector('[data-testid="signature-status"]');
      const afterFrame = () => new Promise((resolve) => {
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        });
      });
      const results = [];
      for (let i = 0; i < samples; i += 1) {
        const before = badge.dataset.state;
        const start = performance.now();
        box.value = i % 2 === 0 ? `${token}A` : token;
        box.dispatchEvent(new Event("input", { bubbles: true }));
        const handler = performance.now() - start;
        document.body.getBoundingClientRect(); // forces style + layout now, to time them apart
        const layout = performance.now() - start - handler;
        // Rendering may be deferred (heavy work off the keystroke path): wait for the new answer.
        while (badge.dataset.state === before) await afterFrame();
        await afterFrame();
        results.push({ total: performance.now() - start, handler, layout });
      }
      return results;
    },
    { token, samples },
  );
}

/** The engine alone on `token`: decode + verify with the same size-optimised wasm, in Node. */
async function engineOnly(token, samples) {
  const lens = await import(new URL("../pkg/web/index.js", import.meta.url).href);
  await lens.default(readFileSync(new URL("../pkg/web/jwt_lens_bg.wasm", import.meta.url)));
  const time = (fn) => {
    const out = [];
    for (let i = 0; i < samples; i += 1) {
      const start = performance.now();
      fn();
      out.push(performance.now() - start);
    }
    return out;
  };
  const decode = time(() => lens.decode(token));
  const verify = time(() => lens.verify(token, SECRET));
  if (!lens.verify(token, SECRET).valid) throw new Error("bench: the engine rejected the benchmark token");
  return { decode, verify };
}

const row = (label, xs) => `| ${label} | ${fmtMs(percentile(xs, 50))} | ${fmtMs(percentile(xs, 95))} | ${xs.length} |`;
const verdict = (value, target) => (value <= target ? "met" : "**not met**");

async function main() {
  const browser = await launch();
  const version = browser.version();
  try {
    const tti = await timeToInteractive(browser);
    const small = tokenOfSize(300);
    const large = tokenOfSize(1_000_000);
    const { context, page } = await openPage(browser);
    const smallRuns = await keystrokes(page, small, SAMPLES);
    const largeRuns = await keystrokes(page, large, Math.max(10, Math.floor(SAMPLES / 3)));
    await context.close();
    const engine = await engineOnly(large, 10);

    const total = (runs) => runs.map((r) => r.total);
    const handler = (runs) => runs.map((r) => r.handler);
    console.log(`\n### Debugger speed — Chromium ${version}, ${cpuModel()}, dist/jwt-lens.html from file://\n`);
    console.log("| measure | p50 | p95 | n |\n|---|---:|---:|---:|");
    console.log(row("time to interactive (navigation → example decoded, verified, rendered)", tti));
    console.log(row(`keystroke → render, ${small.length}-byte token`, total(smallRuns)));
    console.log(row("  of which the page's input handler (engine + DOM updates)", handler(smallRuns)));
    console.log(row("  of which style + layout of the result", smallRuns.map((r) => r.layout)));
    console.log(row("  the page's work alone (handler + style + layout)", smallRuns.map((r) => r.handler + r.layout)));
    console.log(row(`keystroke → render, ${(large.length / 1e6).toFixed(2)} MB token`, total(largeRuns)));
    console.log(row("  of which the page's input handler (engine + DOM updates)", handler(largeRuns)));
    console.log(row("  of which style + layout of the result", largeRuns.map((r) => r.layout)));
    console.log(row("  of which paint and the rest of the frame", largeRuns.map((r) => r.total - r.handler - r.layout)));
    console.log(row("  engine alone: decode (same wasm, Node V8)", engine.decode));
    console.log(row("  engine alone: verify (same wasm, Node V8)", engine.verify));
    console.log("\n| target | measured | |\n|---|---:|---|");
    const ttiMedian = median(tti);
    const smallP95 = percentile(total(smallRuns), 95);
    const largeP95 = percentile(total(largeRuns), 95);
    console.log(`| interactive ≤ ${TARGETS.interactive} ms (median) | ${fmtMs(ttiMedian)} | ${verdict(ttiMedian, TARGETS.interactive)} |`);
    console.log(`| keystroke ≤ ${TARGETS.keystroke} ms p95 (300 B) | ${fmtMs(smallP95)} | ${verdict(smallP95, TARGETS.keystroke)} |`);
    console.log(`| 1 MB ≤ ${TARGETS.large} ms p95 | ${fmtMs(largeP95)} | ${verdict(largeP95, TARGETS.large)} |`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`bench/page.mjs: ${error.message}`);
  process.exit(1);
});
