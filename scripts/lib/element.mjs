// Builds the standalone <jwt-lens> script for documentation pages: one ES module holding the
// element, the engine's glue and the wasm bytes (gzip, base64), so a page needs one same-origin
// <script type="module" src="jwt-lens-element.js"> and no .wasm request, hence no connect-src.
//
// Called by scripts/lib/build.mjs after the package and the site are built (buildSite wipes
// dist/site/, so the copy into it must come after).

import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { COMMON_OPTIONS, inlineWasm } from "./site.mjs";

const WASM_FILE = "jwt_lens_bg.wasm";

/**
 * Bundles `pkgWebDir`/element.js with the wasm inline into `outFile`, then copies it to each of
 * `copies`. Returns `{ bytes, gzipBytes }` of the script.
 */
export async function buildElementScript({ pkgWebDir, outFile, copies = [] }) {
  const wasm = await readFile(join(pkgWebDir, WASM_FILE));
  const result = await esbuild.build({
    ...COMMON_OPTIONS,
    entryPoints: [join(pkgWebDir, "element.js")],
    write: false,
    plugins: [inlineWasm(wasm)],
  });
  const code = result.outputFiles[0].contents;
  // The glue's fallback `new URL("jwt_lens_bg.wasm", import.meta.url)` stays in the bundle but is
  // dead: the inlined bytes are always passed to init(). A wasm *file* name anywhere else would
  // mean the swap of wasm-source.js failed and the script would fetch.
  const text = Buffer.from(code).toString("utf8");
  // The inlined module carries the wasm gzip-compressed (base64 of gzip starts "H4sI").
  if (!text.includes('"H4sI') || !text.includes("DecompressionStream")) throw new Error("buildElementScript: the wasm bytes were not inlined");
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, code);
  for (const copy of copies) {
    await mkdir(dirname(copy), { recursive: true });
    await copyFile(outFile, copy);
  }
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}
