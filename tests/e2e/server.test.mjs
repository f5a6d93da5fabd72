// scripts/serve.mjs on a scratch folder: MIME types, headers, index.html for "/", and paths that
// try to leave the folder. Needs no build, so it always runs.

import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { SITE_CSP, startServer } from "../../scripts/serve.mjs";
import { ROOT } from "./support.mjs";

const OUTSIDE = "secret outside the served folder";
let scratch;
let server;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), "jwt-lens-serve-"));
  const site = join(scratch, "site");
  await mkdir(join(site, "jwt-lens"), { recursive: true });
  await writeFile(join(site, "index.html"), "<!doctype html><title>t</title>");
  await writeFile(join(site, "app.js"), "export {};");
  await writeFile(join(site, "jwt-lens", "jwt_lens_bg.wasm"), Buffer.from("\0asm\x01\0\0\0", "latin1"));
  await writeFile(join(scratch, "outside.txt"), OUTSIDE);
  await symlink(join(scratch, "outside.txt"), join(site, "link.txt"));
  server = await startServer({ dir: site, port: 0 });
});

after(async () => {
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** A raw request: node:http sends `path` exactly as given (no URL normalisation on the way). */
function get(path, method = "GET") {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString("latin1") }));
    });
    req.on("error", fail);
    req.end();
  });
}

test("serves on 127.0.0.1 with index.html for / and the right MIME types", async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const index = await get("/");
  assert.equal(index.status, 200);
  assert.match(index.body, /<title>t<\/title>/);
  assert.equal(index.headers["content-type"], "text/html; charset=utf-8");
  assert.equal((await get("/app.js")).headers["content-type"], "text/javascript; charset=utf-8");
  assert.equal((await get("/jwt-lens/jwt_lens_bg.wasm")).headers["content-type"], "application/wasm");
  assert.equal((await get("/jwt-lens/")).status, 404, "a folder without index.html is not listed");
  assert.equal((await get("/missing.js")).status, 404);
});

test("every response carries the CSP and no-store", async () => {
  for (const path of ["/", "/app.js", "/missing.js"]) {
    const response = await get(path);
    assert.equal(response.headers["content-security-policy"], SITE_CSP, path);
    assert.equal(response.headers["cache-control"], "no-store", path);
  }
});

test("HEAD has headers and no body; other methods are refused", async () => {
  const head = await get("/app.js", "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body, "");
  assert.equal(head.headers["content-length"], "10");
  assert.equal((await get("/app.js", "POST")).status, 405);
});

test("paths that leave the served folder are refused", async () => {
  const attempts = [
    "/../outside.txt", "/..%2foutside.txt", "/%2e%2e/outside.txt", "/jwt-lens/..%2f..%2foutside.txt",
    "/..\\outside.txt", "/%2e%2e%5coutside.txt", "/app.js%00.html", "/link.txt", "/%E0%A4%A",
  ];
  for (const path of attempts) {
    const response = await get(path);
    assert.ok([400, 403, 404].includes(response.status), `${path} -> ${response.status}`);
    assert.ok(!response.body.includes(OUTSIDE), `${path} leaked a file outside the folder`);
  }
});

test("the server's CSP header is the CSP meta of www/index.html", async () => {
  const html = await readFile(join(ROOT, "www", "index.html"), "utf8");
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(meta, "www/index.html has a CSP meta");
  assert.equal(meta[1], SITE_CSP);
});
