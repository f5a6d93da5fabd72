// What each signature family adds to the browser engine: the HMAC-only engine is built again with
// one family at a time (profile wasm-size, wasm-opt with the web target's level, gzip -9) and the
// HMAC-only build of the same procedure is subtracted. Printed by scripts/build; not a budget.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

async function engineSize({ root, features, wasmOptArgs, tempDir }) {
  const targetDir = join(root, "target/family-cost");
  const featureArgs = features.length > 0 ? ["--features", features.join(",")] : [];
  execFileSync(
    "cargo",
    ["build", "--lib", "--target", "wasm32-unknown-unknown", "--profile", "wasm-size", "--no-default-features", ...featureArgs, "--target-dir", targetDir],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  const built = join(targetDir, "wasm32-unknown-unknown/wasm-size/jwt_lens.wasm");
  const optimised = join(tempDir, `${features.join("-") || "core"}.wasm`);
  execFileSync(join(root, "node_modules/.bin/wasm-opt"), [...wasmOptArgs, "--strip-debug", "--strip-producers", built, "-o", optimised], { cwd: root });
  return gzipSync(await readFile(optimised), { level: 9 }).length;
}

/** `[{ family, bytes }]`: the gzip bytes each family adds to the HMAC-only engine. */
export async function familyCosts({ root, families, wasmOptArgs }) {
  const tempDir = await mkdtemp(join(tmpdir(), "jwt-lens-family-"));
  try {
    const core = await engineSize({ root, features: [], wasmOptArgs, tempDir });
    const costs = [];
    for (const family of families) {
      costs.push({ family, bytes: (await engineSize({ root, features: [family], wasmOptArgs, tempDir })) - core });
    }
    return costs;
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}
