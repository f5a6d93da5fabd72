// The build pipeline behind scripts/build: wasm-pack per target of wasm-pack.toml, wasm-opt
// with the manifest's arguments, the npm package, the site, the single file and the standalone
// <jwt-lens> script, then budgets and the package's tarball size.
import { execFileSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseToml } from "smol-toml";
import { assemblePackage, assembleWebEntry } from "./package.mjs";
import { buildSite } from "./site.mjs";
import { buildElementScript } from "./element.mjs";
import { familyCosts } from "./family-cost.mjs";
import { measureBuild } from "./sizes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function buildWasm(manifest) {
  const wasmOpt = join(root, "node_modules/.bin/wasm-opt");
  for (const target of manifest.target) {
    const outDir = join(root, target["out-dir"]);
    await rm(outDir, { recursive: true, force: true });
    const cargoArgs = target["cargo-args"] ?? [];
    const profile = target.profile ? ["--profile", target.profile] : ["--release"];
    run("wasm-pack", ["build", ...profile, "--no-opt", "--no-pack", "--target", target["wasm-pack-target"], "--out-dir", outDir, "--out-name", "jwt_lens", "--", ...cargoArgs]);
    const wasm = join(outDir, "jwt_lens_bg.wasm");
    const [level, ...features] = manifest["wasm-opt"].args;
    run(wasmOpt, [...(target["wasm-opt"] ?? [level]), ...features, wasm, "-o", wasm]);
  }
}

function checkBudgets(budgets, measured) {
  const rows = [];
  let over = false;
  for (const [name, bytes] of Object.entries(measured)) {
    const budget = budgets[name];
    const ok = budget === undefined || bytes <= budget;
    over ||= !ok;
    rows.push(`  ${name.padEnd(17)} ${kb(bytes).padStart(10)} gzip   budget ${budget === undefined ? "-" : kb(budget)}${ok ? "" : "   OVER BUDGET"}`);
  }
  console.log(`== sizes\n${rows.join("\n")}`);
  if (over) throw new Error("a size budget in wasm-pack.toml is exceeded");
}

/** Prints what each signature family adds to the browser engine (wasm-pack.toml [family-cost]). */
async function reportFamilyCosts(manifest) {
  const { families } = manifest["family-cost"];
  const web = manifest.target.find((t) => t.name === "web");
  const [level, ...features] = manifest["wasm-opt"].args;
  const costs = await familyCosts({ root, families, wasmOptArgs: [...(web["wasm-opt"] ?? [level]), ...features] });
  const rows = costs.map(({ family, bytes }) => `  ${family.padEnd(17)} ${`+${kb(bytes)}`.padStart(10)} gzip`);
  console.log(`== what each family adds to the HMAC-only browser engine\n${rows.join("\n")}`);
}

/** Prints what `npm publish` would upload: the tarball's size, unpacked size and file count. */
function reportTarball(pkgDir) {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", pkgDir], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false" },
  });
  const [info] = JSON.parse(out);
  console.log(`== npm tarball ${info.filename}: ${kb(info.size)} (unpacked ${kb(info.unpackedSize)}, ${info.entryCount} files)`);
}

async function main() {
  const manifest = parseToml(await readFile(join(root, "wasm-pack.toml"), "utf8"));
  const version = (await readFile(join(root, "Cargo.toml"), "utf8")).match(/^version = "([^"]+)"/m)[1];
  await buildWasm(manifest);
  const pkgDir = join(root, "pkg");
  await assemblePackage({ root, pkgDir, version });
  const coreDir = join(root, manifest.target.find((t) => t.name === "web-core")["out-dir"]);
  await assembleWebEntry({ root, dir: coreDir, version });
  await buildSite({
    root,
    coreWebDir: coreDir,
    fullWebDir: join(pkgDir, "web"),
    siteDir: join(root, "dist/site"),
    singleFile: join(root, "dist/jwt-lens.html"),
  });
  // The standalone element carries the full engine: docs pages show RS256/ES256 tokens checked
  // with public keys, and the script may fetch nothing (no connect-src).
  await buildElementScript({
    pkgWebDir: join(pkgDir, "web"),
    outFile: join(root, "dist/jwt-lens-element.js"),
    copies: [join(root, "dist/site/jwt-lens-element.js")], // the embed demo loads it from its own origin
  });
  checkBudgets(manifest.budgets, await measureBuild(root, coreDir));
  await reportFamilyCosts(manifest);
  reportTarball(pkgDir);
  console.log(`== built pkg/ (jwt-lens ${version}), dist/site/, dist/jwt-lens.html and dist/jwt-lens-element.js`);
}

main().catch((error) => {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
});
