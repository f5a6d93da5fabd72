// Shared set-up of the browser end-to-end tests: where the built debugger is, how Chromium is
// launched, tokens made independently of the engine (node:crypto), and page helpers that wait
// with Playwright's polling rather than sleeping.

import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The built output; JWT_LENS_DIST points the tests at another build (e.g. a scratch one). */
export const DIST = process.env.JWT_LENS_DIST ?? join(ROOT, "dist");
export const SINGLE_FILE = join(DIST, "jwt-lens.html");
export const SINGLE_FILE_URL = pathToFileURL(SINGLE_FILE).href;
export const SITE_DIR = join(DIST, "site");

/** Why the browser tests cannot run, or null. Only a missing build is a reason to skip. */
export const SKIP_REASON = existsSync(SINGLE_FILE)
  ? null
  : `${SINGLE_FILE} is missing (run scripts/build first); browser tests skipped`;

const CHROMIUM = process.env.JWT_LENS_CHROMIUM ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with every background connection Chromium makes on its own off. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/**
 * For one test file: launches Chromium before its tests and closes it after. Read `.browser`
 * inside the tests (it exists only once the `before` hooks have run).
 */
export function useBrowser() {
  const holder = { browser: undefined };
  before(async () => {
    holder.browser = await launchBrowser();
  });
  after(async () => {
    await holder.browser?.close();
  });
  return holder;
}

/**
 * For one test file: serves dist/site on a free port of 127.0.0.1 and launches Chromium before
 * its tests, and stops both after. Read `.server` and `.browser` inside the tests.
 */
export function useServedSite() {
  const site = { server: undefined, browser: undefined };
  before(async () => {
    site.server = await startServer({ dir: SITE_DIR, port: 0 });
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * For one test file whose flows run on both faces: the single file from disk ("single") and the
 * served site ("served"), each in a Chromium of its own. `withFace(face, flow)` is `withDebugger`
 * on that face; `site` is `useServedSite()`'s.
 */
export function useBothFaces() {
  const disk = useBrowser();
  const site = useServedSite();
  const withFace = (face, flow) =>
    face === "served" ? withDebugger(site.browser, site.server.url, flow) : withDebugger(disk.browser, SINGLE_FILE_URL, flow);
  return { site, withFace };
}

// ---- Tokens, made with node:crypto so the engine is checked against an independent HMAC ----

export const SECRET = "e2e-secret-that-is-at-least-32-bytes-long!";
const HASHES = { HS256: "sha256", HS384: "sha384", HS512: "sha512" };

export function b64url(text) {
  return Buffer.from(text).toString("base64url");
}

/** Signs `headerText.payloadText` (exact texts, base64url-encoded) with HMAC. */
export function hmacToken(headerText, payloadText, secret = SECRET, alg = "HS256") {
  const signingInput = `${b64url(headerText)}.${b64url(payloadText)}`;
  return `${signingInput}.${hmacSignature(signingInput, secret, alg)}`;
}

export function hmacSignature(signingInput, secret, alg = "HS256") {
  return createHmac(HASHES[alg], secret).update(signingInput).digest("base64url");
}

/** A HS256 token for `payload` (an object) with the usual header. */
export function tokenFor(payload, secret = SECRET) {
  return hmacToken(JSON.stringify({ alg: "HS256", typ: "JWT" }), JSON.stringify(payload), secret);
}

// ---- Pages ----

/** Records, from now on, every URL `page` requests and every page error or console error. */
export function watchPage(page) {
  const requests = [];
  const errors = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return { requests, errors };
}

/**
 * Opens `url` in a fresh context (fresh storage) and waits until the app says it is ready.
 * Records every request from before navigation, and every page error / console error.
 * `contextOptions` are added to the context's (e.g. `colorScheme`).
 */
export async function openDebugger(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const { requests, errors } = watchPage(page);
  await page.goto(url);
  try {
    await page.locator("html[data-ready]").waitFor({ state: "attached" });
  } catch {
    assert.fail(`the app never said it was ready (a blocked script?): ${errors.join(" | ") || "no error reported"}`);
  }
  const ready = await page.locator("html").getAttribute("data-ready");
  assert.equal(ready, "true", `the app did not start: ${errors.join(" | ") || "no error reported"}`);
  return { context, page, requests, errors };
}

/**
 * Opens `url` with `openDebugger`, runs `flow(page, session)`, then checks that the page
 * reported no error; the context is closed whether or not the flow passed.
 */
export async function withDebugger(browser, url, flow) {
  const session = await openDebugger(browser, url);
  try {
    await flow(session.page, session);
    assert.deepEqual(session.errors, [], "the page reported errors");
  } finally {
    await session.context.close();
  }
}

/** Waits until the signature badge shows `state`, then checks its words match the state. */
export async function expectState(page, state) {
  const badge = page.getByTestId("signature-status");
  try {
    await page.locator(`[data-testid="signature-status"][data-state="${state}"]`).waitFor({ state: "attached" });
  } catch {
    const actual = await badge.getAttribute("data-state");
    const detail = await page.getByTestId("status-detail").textContent();
    assert.fail(`signature-status: expected data-state="${state}", got "${actual}" (${detail})`);
  }
  const words = { verified: "Signature verified", invalid: "Invalid signature", unverified: "Not verified", malformed: "Malformed token" };
  assert.equal((await badge.textContent()).trim(), words[state]);
}

/** Waits until the diagnostics list has an entry with `code`; returns that entry's text. */
export async function expectDiagnostic(page, code) {
  const entry = page.locator(`[data-testid="diagnostics"] > [data-code="${code}"]`);
  try {
    await entry.waitFor({ state: "attached" });
  } catch {
    const codes = await page
      .locator('[data-testid="diagnostics"] > [data-code]')
      .evaluateAll((nodes) => nodes.map((node) => node.dataset.code));
    assert.fail(`diagnostics: expected an entry with data-code="${code}", found [${codes.join(", ")}]`);
  }
  return entry.textContent();
}

/** Everything the page could have stored, as seen from inside the page. */
export function storageSnapshot(page) {
  return page.evaluate(async () => {
    let databases;
    try {
      databases = (await indexedDB.databases()).map((db) => db.name);
    } catch (error) {
      databases = `unavailable: ${error.name}`; // an origin without IndexedDB cannot have stored into it
    }
    return {
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      cookie: document.cookie,
      databases,
    };
  });
}
