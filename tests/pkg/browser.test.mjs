// The installed package in Chromium, the ways a web developer uses it: a plain ES-module page
// importing the files from node_modules (no bundler), a module web worker, the <jwt-lens>
// element from `jwt-lens/element`, and a Vite production build whose output is then served.
// Every page is served by scripts/serve.mjs, so the site's CSP (no inline script, no eval,
// only 'wasm-unsafe-eval') applies to these pages too.

import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { startServer } from "../../scripts/serve.mjs";
import { launchBrowser } from "../e2e/support.mjs";
import { installedProject, pageResult } from "./project.mjs";

const SECRET = "browser-consumer-secret-at-least-32-bytes";
const signingInput = `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${Buffer.from('{"sub":"page"}').toString("base64url")}`;
/** A token made with node:crypto, so the browser's verdict is checked against an independent HMAC. */
const TOKEN = `${signingInput}.${createHmac("sha256", SECRET).update(signingInput).digest("base64url")}`;

/** Shared by both pages: uses the engine, asks a worker, reads a <jwt-lens>, reports on <html>. */
const appScript = (engineImport, elementImport, workerUrl) => `
import init, { decode, verify, version } from "${engineImport}";
import "${elementImport}";

await init();
const token = ${JSON.stringify(TOKEN)};
const secret = ${JSON.stringify(SECRET)};
const worker = new Worker(${workerUrl}, { type: "module" });
const fromWorker = await new Promise((done, fail) => {
  worker.onmessage = (event) => done(event.data);
  worker.onerror = (event) => fail(new Error("worker failed: " + event.message));
  worker.postMessage({ token, secret });
});
const element = document.querySelector("jwt-lens");
element.key = secret;
await customElements.whenDefined("jwt-lens");
await new Promise((done) => setTimeout(done, 0));
document.documentElement.dataset.result = JSON.stringify({
  version,
  kind: decode(token).kind,
  valid: verify(token, secret).valid,
  tampered: verify(token + "x", secret).valid,
  fromWorker,
  element: element.shadowRoot.querySelector('[data-testid="status"]').dataset.state,
  elementValid: element.report?.valid ?? null,
});
`;

const workerScript = (engineImport) => `
import init, { verify } from "${engineImport}";
const ready = init();
self.onmessage = async (event) => {
  await ready;
  const { token, secret } = event.data;
  self.postMessage({ inWorker: typeof document === "undefined", valid: verify(token, secret).valid });
};
`;

const page = (script) => `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="${script}"></script></head>
<body><jwt-lens mode="verify" readonly token="${TOKEN}"></jwt-lens></body></html>
`;

const EXPECTED = {
  kind: "jws", valid: true, tampered: false, fromWorker: { inWorker: true, valid: true }, element: "verified", elementValid: true,
};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

async function check(dir, path, version) {
  const server = await startServer({ dir, port: 0 });
  try {
    const session = await pageResult(browser, new URL(path, server.url).href);
    try {
      const { version: reported, ...rest } = session.result;
      assert.deepEqual(rest, EXPECTED);
      assert.equal(reported, version);
      assert.deepEqual(session.errors, [], "the page reported errors (a CSP violation shows up here)");
      const origin = new URL(server.url).origin;
      assert.deepEqual(session.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:")), []);
      // One wasm load for the page, shared by the app and the element, and one for the worker
      // (a separate global); a third would mean the element loaded an engine of its own.
      assert.equal(session.requests.filter((url) => url.endsWith(".wasm")).length, 2, `wasm loads: ${session.requests}`);
    } finally {
      await session.close();
    }
  } finally {
    await server.close();
  }
}

describe("the installed package in Chromium", () => {
  let project;
  let version;
  before(async () => {
    const engine = "./node_modules/jwt-lens/web/index.js";
    project = installedProject("browser", {
      "plain/index.html": page("./app.js"),
      "plain/app.js": appScript(`.${engine}`, "../node_modules/jwt-lens/web/element.js", 'new URL("./worker.js", import.meta.url)'),
      "plain/worker.js": workerScript(`.${engine}`),
      "vite/index.html": page("./main.js"),
      "vite/main.js": appScript("jwt-lens", "jwt-lens/element", 'new URL("./worker.js", import.meta.url)'),
      "vite/worker.js": workerScript("jwt-lens"),
    });
    version = JSON.parse(readFileSync(join(project.dir, "node_modules/jwt-lens/package.json"), "utf8")).version;
  });
  after(() => project?.cleanup());

  test("a plain ES-module page (no bundler): engine, module worker and element", () => check(project.dir, "plain/index.html", version));

  test("a Vite production build: engine, module worker and element", async () => {
    const { build } = await import("vite");
    const outDir = join(project.dir, "vite-dist");
    await build({
      root: join(project.dir, "vite"),
      configFile: false,
      logLevel: "silent",
      build: { outDir, emptyOutDir: true, target: "es2022" },
      worker: { format: "es" },
    });
    const files = readdirSync(outDir, { recursive: true }).map(String);
    assert.ok(files.some((file) => file.endsWith(".wasm")), `Vite emitted the wasm as an asset: ${files}`);
    await check(outDir, "index.html", version);
  });
});
