// Assembles pkg/ (the npm package) around the wasm-pack outputs: entries, the shared API
// layer in ESM and CommonJS, types, package.json, README and LICENSE.
import { copyFile, readFile, rm, writeFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { addNodeRestart, addWebRestart } from "./restart-glue.mjs";
import { addLongStringPath } from "./string-glue.mjs";

const VERSION_MARK = /__JWT_LENS_VERSION__/g;
/** The element's modules, copied unchanged into pkg/web/ (see js/element.js). */
export const ELEMENT_FILES = ["element.js", "element-view.js", "element-style.js", "wasm-source.js"];

/** The CommonJS twin of js/api.js, which is import-free by rule, so dropping `export` suffices. */
export function apiToCommonJs(source) {
  if (/^\s*import\s/m.test(source)) throw new Error("js/api.js must not import anything");
  const names = [...source.matchAll(/^export (?:class|function) (\w+)/gm)].map((m) => m[1]);
  const body = source.replace(/^export (class|function) /gm, "$1 ");
  if (/^export /m.test(body)) throw new Error("js/api.js may only export classes and functions");
  return `"use strict";\n${body}\nmodule.exports = { ${names.join(", ")} };\n`;
}

/** Rewrites the glue `dir`/jwt_lens.js with `patch` (see restart-glue.mjs, string-glue.mjs). */
async function patchGlue(dir, patch) {
  const file = join(dir, "jwt_lens.js");
  await writeFile(file, patch(await readFile(file, "utf8")));
}

async function stamp(from, to, version) {
  await writeFile(to, (await readFile(from, "utf8")).replace(VERSION_MARK, version));
}

/** Removes what wasm-pack leaves that the package does not ship. */
async function prune(dir) {
  for (const name of await readdir(dir)) {
    if (!["jwt_lens.js", "jwt_lens_bg.wasm"].includes(name)) await rm(join(dir, name), { force: true, recursive: true });
  }
}

/** Makes a wasm-pack web output self-contained: the API layer and the `index.js` entry beside the glue. */
export async function assembleWebEntry({ root, dir, version }) {
  const js = join(root, "js");
  await prune(dir);
  await patchGlue(dir, (glue) => addWebRestart(addLongStringPath(glue)));
  await copyFile(join(js, "api.js"), join(dir, "api.js"));
  await stamp(join(js, "web-entry.js"), join(dir, "index.js"), version);
  await writeFile(join(dir, "package.json"), '{ "type": "module" }\n');
  // The <jwt-lens> element (web only: it needs a DOM); it imports ./index.js, the web entry.
  for (const name of ELEMENT_FILES) await copyFile(join(js, name), join(dir, name));
}

/** Makes a wasm-pack nodejs output self-contained: the CommonJS API layer and both entries. */
export async function assembleNodeEntry({ root, dir, version }) {
  const js = join(root, "js");
  await prune(dir);
  await patchGlue(dir, (glue) => addNodeRestart(addLongStringPath(glue)));
  await writeFile(join(dir, "api.cjs"), apiToCommonJs(await readFile(join(js, "api.js"), "utf8")));
  await stamp(join(js, "node-entry.cjs"), join(dir, "index.cjs"), version);
  await copyFile(join(js, "node-entry.mjs"), join(dir, "index.mjs"));
  // Module type per folder: the nodejs glue is CommonJS, the web glue an ES module.
  await writeFile(join(dir, "package.json"), '{ "type": "commonjs" }\n');
}

export async function assemblePackage({ root, pkgDir, version }) {
  const js = join(root, "js");
  await assembleWebEntry({ root, dir: join(pkgDir, "web"), version });
  await assembleNodeEntry({ root, dir: join(pkgDir, "node"), version });
  await copyFile(join(js, "jwt-lens.d.ts"), join(pkgDir, "jwt-lens.d.ts"));
  await copyFile(join(js, "element.d.ts"), join(pkgDir, "element.d.ts"));
  await stamp(join(js, "package.template.json"), join(pkgDir, "package.json"), version);
  await copyFile(join(js, "README.md"), join(pkgDir, "README.md"));
  await copyFile(join(root, "LICENSE"), join(pkgDir, "LICENSE"));
}
