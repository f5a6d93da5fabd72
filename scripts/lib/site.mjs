// Builds the debugger's two deliverables from www/ and the engine's web package:
//
//   dist/site/         the served site: www/index.html, app.js and style.css bundled by esbuild
//                      (a handful of requests instead of one per module); the HMAC-only engine
//                      copied unchanged to dist/site/jwt-lens/, which app.js imports first, and
//                      the full engine to dist/site/jwt-lens-full/, which www/full-engine.js
//                      imports only when a token or key needs a family the core lacks;
//                      sw.js, the service worker that makes the site work offline after a first
//                      visit, gets a cache name from a hash of the site's files and the list of
//                      first-visit files to precache (see buildServiceWorker);
//   dist/jwt-lens.html one self-contained file that works from file://, on the full engine (it
//                      works offline, so it must carry every family). Chromium refuses module
//                      scripts and .wasm over file://, so the app and the engine are bundled into a
//                      single inline <script type="module">, the wasm travels inside it as base64,
//                      the CSS is inlined, and the CSP allows exactly those two blocks by hash.
//
// Called by scripts/build/main.mjs after pkg/ is built. dist/site/ is regenerated from scratch.

import { createHash } from "node:crypto";
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, extname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const WASM_FILE = "jwt_lens_bg.wasm";
/** www/app.js imports the first engine as "./jwt-lens/index.js": the site's folder for it. */
const ENGINE_PREFIX = "./jwt-lens/";
/** www/full-engine.js imports the full engine as "./jwt-lens-full/index.js". */
const FULL_ENGINE_PREFIX = "./jwt-lens-full/";
/** What esbuild bundles; every other www/ file (HTML, images) is copied as it is. */
const BUNDLED_EXTENSIONS = new Set([".js", ".mjs", ".css"]);

export const COMMON_OPTIONS = {
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  charset: "utf8",
  legalComments: "none",
  logLevel: "silent",
};

/**
 * Builds dist/site/ and dist/jwt-lens.html. All arguments are absolute paths: `coreWebDir` is
 * the HMAC-only engine (the site's first load), `fullWebDir` the full engine (pkg/web).
 * Returns `{ siteFiles: [{ path, bytes }], singleFileBytes, singleFileGzipBytes }`, where each
 * `path` is relative to `siteDir` (sorted), for the caller to print.
 */
export async function buildSite({ root, coreWebDir, fullWebDir, siteDir, singleFile }) {
  const www = join(root, "www");
  const readWasm = (dir) => readFile(join(dir, WASM_FILE)).catch((error) => {
    throw new Error(`buildSite: ${join(dir, WASM_FILE)} is missing; build the engines first (${error.code})`);
  });
  await readWasm(coreWebDir);
  const fullWasm = await readWasm(fullWebDir);

  // dist/site is wholly owned by this build: start clean so a renamed www file leaves no stale copy.
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(siteDir, { recursive: true });
  await cp(www, siteDir, { recursive: true, filter: (source) => !BUNDLED_EXTENSIONS.has(extname(source)) });
  await removeEmptyFolders(siteDir); // www/styles/ holds only CSS, now bundled into style.css
  await cp(coreWebDir, join(siteDir, ENGINE_PREFIX), { recursive: true });
  await cp(fullWebDir, join(siteDir, FULL_ENGINE_PREFIX), { recursive: true });
  await esbuild.build({
    ...COMMON_OPTIONS,
    // The debugger, and the <jwt-lens> embed demo's own script and style (embed.html).
    entryPoints: ["app.js", "style.css", "embed.js", "embed.css"].map((name) => join(www, name)),
    outdir: siteDir,
    plugins: [engineImports({ external: true })],
  });
  await buildServiceWorker({ www, siteDir });

  const html = await buildSingleFile({ www, siteDir, pkgWebDir: fullWebDir, wasm: fullWasm });
  await mkdir(dirname(singleFile), { recursive: true });
  await writeFile(singleFile, html);

  const bytes = Buffer.from(html, "utf8");
  return {
    siteFiles: await listFiles(siteDir),
    singleFileBytes: bytes.length,
    singleFileGzipBytes: gzipSync(bytes, { level: 9 }).length,
  };
}

/**
 * Resolves the app's "./jwt-lens/..." and "./jwt-lens-full/..." imports: left as they are for
 * the served site (each engine is served next to app.js, and its glue finds the wasm beside
 * itself), or, for the single file, "./jwt-lens/" bundled from `pkgWebDir` (the full engine) and
 * www/full-engine.js replaced by `export default null` (there is nothing more to load).
 */
function engineImports({ external, pkgWebDir }) {
  return {
    name: "jwt-lens-engine",
    setup(build) {
      build.onResolve({ filter: /^\.\/jwt-lens(-full)?\// }, (args) =>
        external
          ? { path: args.path, external: true }
          : args.path.startsWith(FULL_ENGINE_PREFIX)
            ? { errors: [{ text: `the single file cannot load ${args.path}` }] }
            : { path: join(pkgWebDir, args.path.slice(ENGINE_PREFIX.length)) },
      );
      if (external) return;
      build.onResolve({ filter: /(^|\/)full-engine\.js$/ }, () => ({ path: "full-engine", namespace: "jwt-lens-full" }));
      build.onLoad({ filter: /.*/, namespace: "jwt-lens-full" }, () => ({ loader: "js", contents: "export default null;" }));
      // No service worker in the single file: it has nothing to cache and its CSP forbids workers.
      build.onResolve({ filter: /(^|\/)offline\.js$/ }, () => ({ path: "offline", namespace: "jwt-lens-offline" }));
      build.onLoad({ filter: /.*/, namespace: "jwt-lens-offline" }, () => ({ loader: "js", contents: "export function registerOffline() {}" }));
    },
  };
}

/**
 * Replaces wasm-source.js (www/ for the single file, js/ for the element script) by a module whose
 * default export is the wasm bytes. The bytes travel gzip-compressed in base64 and are inflated by
 * the browser's DecompressionStream: base64 of the raw wasm defeats the page's own gzip (its
 * 3-byte groups shift every match), so this makes the file ~25% smaller over the wire.
 */
export function inlineWasm(wasm) {
  return {
    name: "jwt-lens-inline-wasm",
    setup(build) {
      build.onResolve({ filter: /(^|\/)wasm-source\.js$/ }, () => ({ path: "wasm-source", namespace: "jwt-lens-wasm" }));
      build.onLoad({ filter: /.*/, namespace: "jwt-lens-wasm" }, () => ({
        loader: "js",
        contents: [
          `const base64 = "${gzipSync(wasm, { level: 9 }).toString("base64")}";`,
          "const binary = atob(base64);",
          "const packed = new Uint8Array(binary.length);",
          "for (let i = 0; i < binary.length; i += 1) packed[i] = binary.charCodeAt(i);",
          'const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));',
          "export default new Uint8Array(await new Response(inflated).arrayBuffer());",
        ].join("\n"),
      }));
    },
  };
}

/** Turns dist/site/index.html into one file with the app, engine, wasm and CSS inlined. */
async function buildSingleFile({ www, siteDir, pkgWebDir, wasm }) {
  const page = await readFile(join(siteDir, "index.html"), "utf8");
  const css = (await readFile(join(siteDir, "style.css"), "utf8")).trimEnd();
  const bundle = await esbuild.build({
    ...COMMON_OPTIONS,
    entryPoints: [join(www, "app.js")],
    write: false,
    plugins: [engineImports({ external: false, pkgWebDir }), inlineWasm(wasm)],
  });
  const js = escapeForInlineScript(bundle.outputFiles[0].text);
  if (/<\/style/i.test(css)) throw new Error("buildSite: the CSS contains </style");

  const csp = [
    "default-src 'none'",
    `script-src '${sha256(js)}' 'wasm-unsafe-eval'`,
    `style-src '${sha256(css)}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");

  const template = replaceOnce(
    replaceOnce(
      replaceOnce(withoutManifest(page), /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)/, `$1${csp}$2`),
      /<link rel="stylesheet" href="style\.css">/,
      "<!--jwt-lens:style-->",
    ),
    /<script type="module" src="app\.js"><\/script>/,
    "<!--jwt-lens:script-->",
  );

  // Whatever else the page links must be inline (data:) or it will not load from disk.
  const external = template.match(/\s(?:src|href)="(?!data:)[^"]*"/);
  if (external !== null) throw new Error(`buildSite: the single file would still load ${external[0].trim()}`);

  // Function replacements: the bundle may contain "$&" or "$1", which string replacements expand.
  return template
    .replace("<!--jwt-lens:style-->", () => `<style>${css}</style>`)
    .replace("<!--jwt-lens:script-->", () => `<script type="module">${js}</script>`);
}

/** The single file is no installable app (file:// cannot be), so it drops the manifest link. */
function withoutManifest(page) {
  return replaceOnce(page, /\n?\s*(<!--[^>]*-->\s*)?<link rel="manifest" href="[^"]*">/, "");
}

/** First-visit files the service worker precaches: the page, its script, style, icons, core engine. */
const PRECACHE = [/^index\.html$/, /^app\.js$/, /^style\.css$/, /^manifest\.json$/, /^icon[\w-]*\.svg$/, /^jwt-lens\/(index|api|jwt_lens)\.js$/, /^jwt-lens\/jwt_lens_bg\.wasm$/];

/**
 * Builds dist/site/sw.js from www/sw.js: its cache name is a hash of every file of the site built
 * so far (a new build, a new cache), its precache list the first-visit files, with the page
 * itself as "./" (how the browser asks for it).
 */
async function buildServiceWorker({ www, siteDir }) {
  const files = (await listFiles(siteDir)).map(({ path }) => path.split("\\").join("/"));
  const hash = createHash("sha256");
  for (const path of files) hash.update(path).update(await readFile(join(siteDir, path)));
  const precache = files.filter((path) => PRECACHE.some((pattern) => pattern.test(path))).flatMap((path) => (path === "index.html" ? ["./", path] : [path]));
  await esbuild.build({
    ...COMMON_OPTIONS,
    entryPoints: [join(www, "sw.js")],
    outdir: siteDir,
    format: "iife",
    define: {
      __JWT_LENS_CACHE__: JSON.stringify(`jwt-lens-${hash.digest("hex").slice(0, 16)}`),
      __JWT_LENS_PRECACHE__: JSON.stringify(precache),
    },
  });
}

function replaceOnce(text, pattern, replacement) {
  if (!pattern.test(text)) throw new Error(`buildSite: index.html has no ${pattern}`);
  return text.replace(pattern, replacement);
}

/**
 * Makes bundled JS safe inside <script>. The HTML parser ends the element at "</script" and
 * switches to an escaped state at "<!--"; both can only occur inside strings, regexes, templates
 * or comments, where "\x3C" means the same "<" and is valid even in regexes with the u flag.
 */
function escapeForInlineScript(js) {
  const escaped = js.replace(/<(\/script|!--)/gi, "\\x3C$1");
  if (/<\/script|<!--/i.test(escaped)) throw new Error("buildSite: could not escape the inline script");
  return escaped;
}

/** A CSP hash-source for an inline block's exact text. */
function sha256(text) {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

async function removeEmptyFolders(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(dir, entry.name);
    await removeEmptyFolders(folder);
    if ((await readdir(folder)).length === 0) await rm(folder, { recursive: true });
  }
}

async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath ?? entry.path, entry.name);
    files.push({ path: relative(dir, absolute), bytes: (await stat(absolute)).size });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
