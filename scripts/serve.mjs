#!/usr/bin/env node
// A dependency-free static server for the built debugger (dist/site/), bound to 127.0.0.1.
//
//   node scripts/serve.mjs            serves dist/site on http://127.0.0.1:8080 (PORT overrides)
//   startServer({ dir, port })        the same, for tests (port 0 picks a free port)
//
// It sends the page's Content-Security-Policy as a header too (a header also covers the wasm
// and module fetches before any meta tag is parsed), never caches, and refuses paths that
// leave the served folder.

import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Must equal the CSP meta of www/index.html (tests/e2e compare the two). */
export const SITE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'";

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

const COMMON_HEADERS = {
  "Content-Security-Policy": SITE_CSP,
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * Serves `dir` on 127.0.0.1:`port`. Resolves to `{ url, close }` once listening; `url` ends
 * with "/" and `close()` resolves when the server has stopped.
 */
export async function startServer({ dir, port = 8080, host = "127.0.0.1" }) {
  const root = await realpath(dir);
  const server = createServer((request, response) => {
    handle(root, request, response).catch(() => reply(response, 500, "Internal server error\n"));
  });
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, done);
  });
  const { port: actualPort } = server.address();
  return {
    url: `http://${host}:${actualPort}/`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      }),
  };
}

async function handle(root, request, response) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    return reply(response, 405, "Method not allowed\n");
  }
  const file = await resolveFile(root, request.url ?? "/");
  if (file === null) return reply(response, 404, "Not found\n");
  if (file === false) return reply(response, 403, "Forbidden\n");

  response.writeHead(200, {
    ...COMMON_HEADERS,
    "Content-Type": MIME_TYPES[extname(file.path).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": file.size,
  });
  if (request.method === "HEAD") return response.end();
  createReadStream(file.path).pipe(response);
}

/**
 * Maps a request target to a file under `root`: `{ path, size }`, `null` when there is no such
 * file, `false` when the request tries to leave `root` (.., encoded slashes, NUL, symlinks out).
 */
async function resolveFile(root, target) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(target, "http://localhost").pathname);
  } catch {
    return false;
  }
  // The URL parser already folds plain "/../"; this catches what decoding revealed (%2e%2e, %2f).
  const segments = pathname.split(/[\\/]/);
  if (pathname.includes("\0") || segments.some((segment) => segment === "..")) return false;

  let candidate = resolve(join(root, ...segments));
  if (!isInside(root, candidate)) return false;
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = join(candidate, "index.html");
      info = await stat(candidate);
    }
    const real = await realpath(candidate);
    if (!isInside(root, real)) return false;
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

function isInside(root, candidate) {
  return candidate === root || candidate.startsWith(root + sep);
}

function reply(response, status, text) {
  if (response.headersSent) return response.destroy();
  response.writeHead(status, { ...COMMON_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
  response.end(text);
}

// Run directly: serve the built site until interrupted.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = fileURLToPath(new URL("../dist/site/", import.meta.url));
  const port = Number(process.env.PORT ?? "8080");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`jwt-lens: PORT must be a port number (0-65535), not ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  try {
    const { url, close } = await startServer({ dir, port });
    console.log(`jwt-lens: serving ${dir} on ${url} (Ctrl-C to stop)`);
    const stop = () => close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    const hint = error.code === "ENOENT" ? " (run scripts/build first)" : "";
    console.error(`jwt-lens: cannot serve ${dir}: ${error.message}${hint}`);
    process.exit(1);
  }
}
