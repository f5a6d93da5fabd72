// Builds the test-only engines with the `test-panic` Cargo feature (src/wasm/test_panic.rs) into
// target/test-panic/, never into pkg/ or dist/:
//
//   target/test-panic/node/  the Node entry (as pkg/node/) on the panicking HMAC-only engine,
//                            for tests/js/panic.test.mjs;
//   target/test-panic/web/   the browser entry (as the site's jwt-lens/ folder) on the same;
//   target/test-panic/site/  a copy of dist/site/ whose first engine is that one, for
//                            tests/e2e/panic.test.mjs.
//
// Run by scripts/test after scripts/build (it copies dist/site/). The release profile is used
// as shipped, so a panic aborts into a `RuntimeError: unreachable` trap exactly as it would in
// the package; wasm-opt is skipped (the output is not shipped, and speed does not matter here).
import { execFileSync } from "node:child_process";
import { cp, readFile, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { assembleNodeEntry, assembleWebEntry } from "./package.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const out = join(root, "target/test-panic");
const FEATURES = ["--no-default-features", "--features", "test-panic"];

function wasmPack(target, dir) {
  execFileSync("wasm-pack", ["build", "--release", "--no-opt", "--no-pack", "--target", target, "--out-dir", dir, "--out-name", "jwt_lens", "--", ...FEATURES], { cwd: root, stdio: "inherit" });
}

async function main() {
  const version = (await readFile(join(root, "Cargo.toml"), "utf8")).match(/^version = "([^"]+)"/m)[1];
  await rm(out, { recursive: true, force: true });
  const node = join(out, "node");
  const web = join(out, "web");
  wasmPack("nodejs", node);
  await assembleNodeEntry({ root, dir: node, version });
  wasmPack("web", web);
  await assembleWebEntry({ root, dir: web, version });
  const site = join(out, "site");
  await cp(join(root, "dist/site"), site, { recursive: true });
  await rm(join(site, "jwt-lens"), { recursive: true });
  await cp(web, join(site, "jwt-lens"), { recursive: true });
  console.log(`== built the test-panic engines in ${out} (node/, web/, site/)`);
}

main().catch((error) => {
  console.error(`test-panic build failed: ${error.message}`);
  process.exit(1);
});
