// What the build's size budgets (wasm-pack.toml [budgets]) measure, in one place: used by
// scripts/lib/build.mjs to enforce them and by bench/table.mjs to print them. Every figure is
// bytes after gzip -9 of the built files.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const gzipSize = async (file) => gzipSync(await readFile(file), { level: 9 }).length;

/** The files of one engine folder of the site (its entry, API layer, glue and wasm). */
const ENGINE_FILES = ["index.js", "api.js", "jwt_lens.js", "jwt_lens_bg.wasm"];

async function sumGzipSizes(siteDir, files, what) {
  let total = 0;
  for (const file of files) {
    if (!existsSync(join(siteDir, file))) throw new Error(`the site has no ${file}; update ${what} in scripts/lib/sizes.mjs`);
    total += await gzipSize(join(siteDir, file));
  }
  return total;
}

/** What a first visit downloads: the page, its script and style, and the HMAC-only engine. */
export function firstLoadSize(siteDir) {
  const files = ["index.html", "app.js", "style.css", ...ENGINE_FILES.map((name) => `jwt-lens/${name}`)];
  return sumGzipSizes(siteDir, files, "firstLoadSize");
}

/** What the site downloads on top, once a token or key needs a family the core lacks. */
export function fullEngineSize(siteDir) {
  return sumGzipSizes(siteDir, ENGINE_FILES.map((name) => `jwt-lens-full/${name}`), "fullEngineSize");
}

/**
 * Every budgeted size of a finished build under `root`, keyed by its [budgets] name.
 * `coreDir` is the HMAC-only engine's out-dir (the web-core target of wasm-pack.toml).
 */
export async function measureBuild(root, coreDir) {
  const site = join(root, "dist/site");
  return {
    "engine-core": await gzipSize(join(coreDir, "jwt_lens_bg.wasm")),
    "engine-full": await gzipSize(join(root, "pkg/web/jwt_lens_bg.wasm")),
    "site-first-load": await firstLoadSize(site),
    "site-on-demand": await fullEngineSize(site),
    "single-file": await gzipSize(join(root, "dist/jwt-lens.html")),
    "element-script": await gzipSize(join(root, "dist/jwt-lens-element.js")),
  };
}
