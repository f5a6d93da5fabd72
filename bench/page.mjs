// The debugger's own speed in Chromium (Debian's /usr/bin/chromium through playwright-core), on
// the single file dist/jwt-lens.html opened from disk:
//   - time to interactive: from navigation start to the app's "jwt-lens:ready" mark, which it sets
//     once the engine has answered (decoded, verified and rendered) the start-up example;
//   - edit-to-render latency for a 300-byte and a ~1 MB token, typed (Chromium's own key events)
//     and pasted (the clipboard and Control+V), timed inside the page from the event's timestamp:
//     until the next frame (is the page still responsive?) and until the answer is on screen (the
//     signature badge changed state). A 1 MB token folds its box away (www/large-token.js); the
//     typing rows unfold it first, as a person editing a megabyte by hand would;
//   - where the time goes: for a keystroke, the page's work (its input handlers, the engine, the
//     DOM updates, style and layout); for the 1 MB token the engine alone (decode, verify: the
//     same size-optimised wasm, in Node's V8).
// Prints Markdown tables and the targets met or not. Not a test: nothing fails on a timing.
//
//   scripts/build && node bench/page.mjs [--loads 15] [--samples 60]

import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { cpuModel, fmtMs, median, percentile } from "./lib.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The built single file; JWT_LENS_DIST points at another build, as for the browser tests. */
const SINGLE_FILE = `${process.env.JWT_LENS_DIST ?? `${ROOT}dist`}/jwt-lens.html`;
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
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
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

/** Puts `token` and the secret in the decoder and waits for "verified". */
async function loadToken(page, token) {
  await page.getByTestId("secret-input").fill(SECRET);
  await page.getByTestId("token-input").fill(token);
  await page.locator('[data-testid="signature-status"][data-state="verified"]').waitFor({ timeout: 60_000 });
}

/** Installs `window.jwtLensAfterFrame()`: resolves after the next frame is drawn (rAF, then a task). */
function installAfterFrame(page) {
  return page.evaluate(() => {
    window.jwtLensAfterFrame = () => new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    });
  });
}

/**
 * Real keystrokes (Chromium's own key events, through playwright) at the end of the token box:
 * "A", then Backspace, and so on, so the signature breaks and mends and every keystroke changes
 * the answer. A large token's box is folded (www/large-token.js): it is unfolded with "Edit the
 * whole token" first, as a person editing it by hand would. Timed inside the page from the
 * keydown's timestamp, per sample, in ms: `frame`, the next frame drawn after the edit (how long
 * the page is unresponsive), and `answer`, the frame that shows the new signature state (a large
 * token is decoded only once typing pauses).
 */
async function typed(page, token, samples) {
  await loadToken(page, token);
  await installAfterFrame(page);
  if ((await page.getByTestId("token-box").getAttribute("data-large")) === "true") await page.getByTestId("large-token-edit").click();
  await page.evaluate(() => {
    const box = document.querySelector('[data-testid="token-input"]');
    const badge = document.querySelector('[data-testid="signature-status"]');
    const bench = { samples: [], start: 0, before: "", work: 0 };
    window.jwtLensBench = bench;
    box.addEventListener("keydown", (event) => {
      bench.start = event.timeStamp;
      bench.before = badge.dataset.state;
    }, true);
    box.addEventListener("input", () => {
      window.jwtLensAfterFrame().then(async () => {
        const frame = performance.now() - bench.start;
        let frames = 1; // frames drawn until the answer is on screen: 1 is the next frame
        for (; badge.dataset.state === bench.before; frames += 1) await window.jwtLensAfterFrame();
        bench.samples.push({ frame, answer: performance.now() - bench.start, work: bench.work, nextFrame: frames === 1 ? 1 : 0 });
      });
    }, true);
    // Runs after the page's own input listeners (they sit on the box; this bubbles to the
    // document): the page's work for the keystroke, its style and layout forced here to count it.
    document.addEventListener("input", () => {
      document.body.getBoundingClientRect();
      bench.work = performance.now() - bench.start;
    });
  });
  await page.getByTestId("token-input").focus();
  await page.keyboard.press("Control+End");
  for (let i = 0; i < samples; i += 1) {
    await page.keyboard.press(i % 2 === 0 ? "A" : "Backspace");
    await page.waitForFunction((n) => window.jwtLensBench.samples.length === n, i + 1, { timeout: 60_000 });
  }
  return dropListeners(page, await page.evaluate(() => window.jwtLensBench.samples));
}

/**
 * Real pastes: the token, then the token with one more character, put on the clipboard (not
 * timed) and pasted with Control+V, so Chromium's own paste path runs. A large token is pasted
 * where the focus is after the previous one (the folded box's summary takes it); a small one
 * over the box's whole text. Per sample, in ms from the paste event's timestamp: `frame` (the
 * next frame drawn) and `answer` (the frame that shows the new signature state).
 */
async function pasted(page, token, samples) {
  await loadToken(page, token);
  await installAfterFrame(page);
  await page.evaluate(() => {
    const badge = document.querySelector('[data-testid="signature-status"]');
    const bench = { samples: [] };
    window.jwtLensBench = bench;
    document.addEventListener("paste", (event) => {
      const start = event.timeStamp;
      const before = badge.dataset.state;
      window.jwtLensAfterFrame().then(async () => {
        const frame = performance.now() - start;
        while (badge.dataset.state === before) await window.jwtLensAfterFrame();
        bench.samples.push({ frame, answer: performance.now() - start });
      });
    }, true);
  });
  for (let i = 0; i < samples; i += 1) {
    await page.evaluate((text) => navigator.clipboard.writeText(text), i % 2 === 0 ? `${token}A` : token);
    if ((await page.getByTestId("token-box").getAttribute("data-large")) !== "true") {
      await page.getByTestId("token-input").focus();
      await page.keyboard.press("Control+A");
    }
    await page.keyboard.press("Control+V");
    await page.waitForFunction((n) => window.jwtLensBench.samples.length === n, i + 1, { timeout: 60_000 });
  }
  return dropListeners(page, await page.evaluate(() => window.jwtLensBench.samples));
}

/** Reloads the page (dropping the bench's listeners) and hands back `results`. */
async function dropListeners(page, results) {
  await page.reload();
  await page.locator('html[data-ready="true"]').waitFor({ state: "attached", timeout: 30_000 });
  return results;
}

/** The engine alone on `token`: decode + verify with the same size-optimised wasm, in Node. */
async function engineOnly(token, samples) {
  const lens = await import(new URL("../pkg/web/index.js", import.meta.url).href);
  await lens.default(readFileSync(new URL("../pkg/web/jwt_lens_bg.wasm", import.meta.url)));
  if (!lens.verify(token, SECRET).valid) throw new Error("the engine rejected the benchmark token");
  const time = (fn) => {
    const out = [];
    for (let i = 0; i < samples; i += 1) {
      const start = performance.now();
      fn();
      out.push(performance.now() - start);
    }
    return out;
  };
  return { decode: time(() => lens.decode(token)), verify: time(() => lens.verify(token, SECRET)) };
}

const row = (label, xs) => `| ${label} | ${fmtMs(percentile(xs, 50))} | ${fmtMs(percentile(xs, 95))} | ${xs.length} |`;
const verdict = (value, target) => (value <= target ? "met" : "**not met**");
const pick = (runs, name) => runs.map((r) => r[name]);
const share = (runs, name) => `${Math.round((100 * pick(runs, name).reduce((a, b) => a + b, 0)) / runs.length)}%`;

async function main() {
  const browser = await launch();
  const version = browser.version();
  try {
    const tti = await timeToInteractive(browser);
    const small = tokenOfSize(300);
    const large = tokenOfSize(1_000_000);
    const largeSamples = Math.max(10, Math.floor(SAMPLES / 3));
    const { context, page } = await openPage(browser);
    const smallTyped = await typed(page, small, SAMPLES);
    const smallPasted = await pasted(page, small, SAMPLES);
    const largeTyped = await typed(page, large, largeSamples);
    const largePasted = await pasted(page, large, largeSamples);
    await context.close();
    const engine = await engineOnly(large, 10);

    const mb = `${(large.length / 1e6).toFixed(2)} MB`;
    console.log(`\n### Debugger speed — Chromium ${version}, ${cpuModel()}, ${SINGLE_FILE.replace(ROOT, "")} from file://\n`);
    console.log("| measure | p50 | p95 | n |\n|---|---:|---:|---:|");
    console.log(row("time to interactive (navigation → example decoded, verified, rendered)", tti));
    console.log(row(`typing, ${small.length}-byte token: keystroke → answer on screen`, pick(smallTyped, "answer")));
    console.log(row("  of which the page's work (input handlers, engine, DOM, style + layout)", pick(smallTyped, "work")));
    console.log(`|   answer in the first frame after the keystroke | ${share(smallTyped, "nextFrame")} of keystrokes | | ${smallTyped.length} |`);
    console.log(row(`paste, ${small.length}-byte token: paste → answer on screen`, pick(smallPasted, "answer")));
    console.log(row(`paste, ${mb} token: paste → next frame`, pick(largePasted, "frame")));
    console.log(row(`paste, ${mb} token: paste → answer on screen`, pick(largePasted, "answer")));
    console.log(row(`typing in the unfolded ${mb} token: keystroke → next frame`, pick(largeTyped, "frame")));
    console.log(row(`typing in the unfolded ${mb} token: keystroke → answer (after the typing pause)`, pick(largeTyped, "answer")));
    console.log(row("  engine alone: decode (same wasm, Node V8)", engine.decode));
    console.log(row("  engine alone: verify (same wasm, Node V8)", engine.verify));

    const ttiMedian = median(tti);
    const smallP95 = percentile(pick(smallTyped, "answer"), 95);
    const smallWorkP95 = percentile(pick(smallTyped, "work"), 95);
    const largeP95 = percentile(pick(largePasted, "answer"), 95);
    const largeTypedP95 = percentile(pick(largeTyped, "frame"), 95);
    console.log("\n| target | measured | |\n|---|---:|---|");
    console.log(`| interactive ≤ ${TARGETS.interactive} ms (median) | ${fmtMs(ttiMedian)} | ${verdict(ttiMedian, TARGETS.interactive)} |`);
    console.log(`| keystroke ≤ ${TARGETS.keystroke} ms p95 (300 B): the page's work, so the answer is in the next frame (${share(smallTyped, "nextFrame")} of keystrokes) | ${fmtMs(smallWorkP95)} | ${verdict(smallWorkP95, TARGETS.keystroke)} |`);
    console.log(`| keystroke ≤ ${TARGETS.keystroke} ms p95 (300 B): to the answer on screen, with the wait for the display's next refresh | ${fmtMs(smallP95)} | ${verdict(smallP95, TARGETS.keystroke)} |`);
    console.log(`| 1 MB paste → answer on screen ≤ ${TARGETS.large} ms p95 | ${fmtMs(largeP95)} | ${verdict(largeP95, TARGETS.large)} |`);
    console.log(`| 1 MB keystroke (box unfolded) → next frame ≤ ${TARGETS.large} ms p95 | ${fmtMs(largeTypedP95)} | ${verdict(largeTypedP95, TARGETS.large)} |`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`bench/page.mjs: ${error.message}`);
  process.exit(1);
});
