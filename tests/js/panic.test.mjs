// Panic containment (issue 7): a panic inside the wasm engine becomes JwtLensError "internal",
// the engine is restarted, and later calls — including key handles made before the panic — work.
//
// A real panic cannot be provoked (the engine must not have one), so this runs on the test-only
// engine built with the `test-panic` Cargo feature (src/wasm/test_panic.rs): decode and importKey
// panic on one trigger text. scripts/test builds it (scripts/lib/test-panic-build.mjs) into
// target/test-panic/node/, with the shipped release profile (panic = "abort": a wasm trap).

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { hsToken, nowSeconds, pkgDir, repoRoot, secretBytes } from "./helpers.mjs";

const TRIGGER = "jwt-lens:test-panic"; // src/wasm/test_panic.rs TRIGGER
const entry = join(repoRoot, "target/test-panic/node/index.mjs");
const missing = existsSync(entry)
  ? false
  : `${entry} is missing (run node scripts/lib/test-panic-build.mjs); panic containment tests skipped`;
if (missing && process.env.JWT_LENS_REQUIRE_PANIC_BUILD === "1") throw new Error(missing);
if (missing) console.log(missing);

const lens = missing ? undefined : await import(entry);

function tokenAndSecret() {
  const secret = secretBytes(32);
  const token = hsToken({ alg: "HS256", typ: "JWT" }, { sub: "after-panic", exp: nowSeconds() + 600 }, secret);
  return { secret, token, hex: secret.toString("hex") };
}

function assertInternal(fn) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof lens.JwtLensError, `expected JwtLensError, got ${error?.name}: ${error?.message}`);
    assert.equal(error.code, "internal");
    assert.match(error.message, /restarted/);
    return true;
  });
}

test("a panic in decode is JwtLensError internal, and the next decode works", { skip: missing }, () => {
  const { token } = tokenAndSecret();
  assert.equal(lens.decode(token).kind, "jws");
  assertInternal(() => lens.decode(TRIGGER));
  const after = lens.decode(token);
  assert.equal(after.kind, "jws");
  assert.equal(after.payload.sub, "after-panic");
});

test("a panic in importKey is contained; string keys and new handles work afterwards", { skip: missing }, () => {
  const { token, hex } = tokenAndSecret();
  assertInternal(() => lens.importKey(TRIGGER));
  assert.equal(lens.verify(token, hex, { secretEncoding: "hex" }).valid, true);
  const handle = lens.importKey(hex, { secretEncoding: "hex" });
  assert.equal(lens.verify(token, handle).valid, true);
});

test("key handles made before a panic keep verifying and signing afterwards", { skip: missing }, () => {
  const { token, hex } = tokenAndSecret();
  const handle = lens.importKey(hex, { secretEncoding: "hex" });
  const before = lens.verify(token, handle, { now: 1_000 });
  assert.equal(before.valid, true);
  assertInternal(() => lens.decode(TRIGGER));
  // The handle's pointer belonged to the old instance; it is re-imported on the new one.
  const after = lens.verify(token, handle, { now: 1_000 });
  assert.deepEqual(after, before);
  const signed = lens.sign({ alg: "HS256" }, { n: 1 }, handle);
  assert.equal(lens.verify(signed, handle).signatureValid, true);
  const wrong = tokenAndSecret();
  assert.equal(lens.verify(wrong.token, handle).signatureValid, false, "the re-imported handle is still the same key");
});

test("repeated panics never wedge the engine", { skip: missing }, () => {
  const { token, hex } = tokenAndSecret();
  const handle = lens.importKey(hex, { secretEncoding: "hex" });
  for (let i = 0; i < 25; i += 1) {
    assertInternal(() => lens.decode(TRIGGER));
    assert.equal(lens.verify(token, handle).valid, true, `verify after panic ${i + 1}`);
  }
});

test("ESM and CommonJS share one engine: a panic seen through one leaves the other working", { skip: missing }, () => {
  const cjs = createRequire(import.meta.url)(join(repoRoot, "target/test-panic/node/index.cjs"));
  assert.equal(cjs.decode, lens.decode);
  assertInternal(() => cjs.decode(TRIGGER));
  assert.equal(lens.decode(tokenAndSecret().token).kind, "jws");
});

test("the shipped package has the restart and no trigger", async () => {
  for (const dir of ["node", "web"]) {
    const wasm = await readFile(join(pkgDir, dir, "jwt_lens_bg.wasm"));
    assert.equal(wasm.includes("test-panic"), false, `pkg/${dir} must not carry the test-panic feature`);
    const glue = await readFile(join(pkgDir, dir, "jwt_lens.js"), "utf8");
    assert.match(glue, /__jwtLensRestart/, `pkg/${dir}'s glue has the restart scripts/lib/restart-glue.mjs adds`);
  }
});
