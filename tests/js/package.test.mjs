// The npm package as users get it: pkg/ layout, `npm pack` contents, install by name, ESM + CJS entries.

import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { lens, pkgDir, repoRoot } from "./helpers.mjs";

const pkgJson = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const EXPORTS = ["JwtLensError", "decode", "default", "exportKey", "generateKey", "importKey", "init", "sign", "verify", "version"];
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare", "preprepare", "postprepare", "prepublish"];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe("pkg/ on disk", () => {
  test("package.json: name, version, exports map, types, no dependencies, no install scripts", () => {
    assert.equal(pkgJson.name, "jwt-lens");
    assert.match(pkgJson.version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    assert.equal(pkgJson.version, lens.version, "exported version matches package.json");
    const dot = pkgJson.exports?.["."];
    assert.ok(dot, 'exports["."] present');
    assert.equal(dot.types, "./jwt-lens.d.ts");
    assert.deepEqual(dot.node, { import: "./node/index.mjs", require: "./node/index.cjs" });
    assert.equal(dot.default, "./web/index.js");
    assert.ok(Object.keys(dot).indexOf("types") === 0, '"types" must come first in the conditions (TypeScript picks the first match)');
    assert.ok(Object.keys(dot).indexOf("node") < Object.keys(dot).indexOf("default"), '"default" must be the last condition');
    // The <jwt-lens> element: browser-only, typed, and the one module with a side effect (define).
    assert.deepEqual(pkgJson.exports["./element"], { types: "./element.d.ts", default: "./web/element.js" });
    assert.deepEqual(pkgJson.sideEffects, ["./web/element.js"]);
    for (const entry of Object.values(pkgJson.exports)) {
      if (typeof entry === "object") assert.ok(existsSync(join(pkgDir, entry.types)), `types ${entry.types} exist`);
    }
    for (const k of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies", "bundledDependencies"]) {
      assert.ok(!pkgJson[k] || Object.keys(pkgJson[k]).length === 0, `no ${k}`);
    }
    for (const s of INSTALL_SCRIPTS) assert.equal(pkgJson.scripts?.[s], undefined, `no ${s} script`);
    assert.ok(pkgJson.license, "license field");
    assert.ok(!pkgJson.private, "the package is publishable");
    for (const f of ["jwt-lens.d.ts", "README.md", "LICENSE", "web/index.js", "node/index.mjs", "node/index.cjs"]) {
      assert.ok(existsSync(join(pkgDir, f)), `pkg/${f} exists`);
    }
  });

  test("the shipped .d.ts is the contract in js/jwt-lens.d.ts", () => {
    const src = join(repoRoot, "js", "jwt-lens.d.ts");
    assert.equal(readFileSync(join(pkgDir, "jwt-lens.d.ts"), "utf8"), readFileSync(src, "utf8"));
  });

  test("ESM entry by path exports exactly the public API", async () => {
    assert.deepEqual(Object.keys(lens).sort(), EXPORTS);
    for (const f of ["decode", "verify", "sign", "generateKey", "importKey", "exportKey", "init", "JwtLensError"]) {
      assert.equal(typeof lens[f], "function", f);
    }
    assert.equal(lens.default, lens.init, "default export is init");
    const p = lens.default();
    assert.ok(p instanceof Promise, "init() returns a Promise");
    assert.equal(await p, undefined);
    await lens.default(); // idempotent
  });

  test("CJS entry by path exports the same API", () => {
    const require = createRequire(import.meta.url);
    const cjs = require(join(pkgDir, "node", "index.cjs"));
    for (const k of EXPORTS) assert.ok(k in cjs, `require(...).${k}`);
    assert.equal(cjs.default, cjs.init);
    assert.equal(cjs.version, pkgJson.version);
    const token = cjs.sign({ alg: "HS256" }, { sub: "cjs" }, "cjs-secret-cjs-secret-cjs-secret-");
    assert.equal(cjs.verify(token, "cjs-secret-cjs-secret-cjs-secret-").valid, true);
    // Tokens cross between the ESM and CJS instances.
    assert.equal(lens.verify(token, "cjs-secret-cjs-secret-cjs-secret-").valid, true);
    assert.throws(() => cjs.sign({}, {}, "x".repeat(32)), (e) => e instanceof cjs.JwtLensError && typeof e.code === "string");
  });

  test("web entry works in Node when given the wasm bytes", async () => {
    const web = await import(new URL("../../pkg/web/index.js", import.meta.url).href);
    const wasm = walk(join(pkgDir, "web")).filter((f) => f.endsWith(".wasm"));
    assert.equal(wasm.length, 1, `one .wasm in pkg/web, got ${wasm.map((f) => relative(pkgDir, f))}`);
    await web.default(readFileSync(wasm[0]));
    const token = web.sign({ alg: "HS384" }, { sub: "web" }, "w".repeat(48));
    assert.equal(web.decode(token).kind, "jws");
    assert.equal(web.verify(token, "w".repeat(48)).valid, true);
    assert.equal(lens.verify(token, "w".repeat(48)).valid, true);
  });
});

describe("npm pack + install by name", () => {
  let tmp;
  let tarball;
  let files;
  let project;
  const env = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), "jwt-lens-pack-"));
    env.npm_config_cache = join(tmp, "npm-cache");
    const out = execFileSync("npm", ["pack", pkgDir, "--json", "--pack-destination", tmp], { env, encoding: "utf8" });
    const info = JSON.parse(out);
    assert.equal(info.length, 1);
    tarball = join(tmp, info[0].filename);
    assert.ok(existsSync(tarball), `tarball ${tarball}`);
    files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);
    project = join(tmp, "project");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "jwt-lens-smoke", version: "1.0.0", private: true }));
    execFileSync("npm", ["install", tarball, "--no-audit", "--no-fund", "--offline", "--no-package-lock"], { cwd: project, env, encoding: "utf8", stdio: "pipe" });
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test("tarball contents", () => {
    for (const f of ["package/README.md", "package/LICENSE", "package/package.json", "package/jwt-lens.d.ts",
      "package/element.d.ts", "package/web/element.js", "package/web/element-view.js", "package/web/element-style.js", "package/web/wasm-source.js",
      "package/web/index.js", "package/node/index.mjs", "package/node/index.cjs"]) {
      assert.ok(files.includes(f), `${f} in tarball (got ${files.join(", ")})`);
    }
    const wasm = files.filter((f) => f.endsWith(".wasm"));
    assert.equal(wasm.length, 2, `both .wasm files (web + node), got ${wasm}`);
    assert.ok(wasm.some((f) => f.startsWith("package/web/")), "a web .wasm");
    assert.ok(wasm.some((f) => f.startsWith("package/node/")), "a node .wasm");
    // Every .wasm and .js built into pkg/ is shipped.
    for (const f of walk(pkgDir)) {
      if (/\.(wasm|js|mjs|cjs|d\.ts)$/.test(f)) assert.ok(files.includes(`package/${relative(pkgDir, f)}`), `${relative(pkgDir, f)} shipped`);
    }
    // Nothing that would run at install time, nothing from the workspace.
    assert.ok(!files.some((f) => /(^|\/)binding\.gyp$/.test(f)), "no binding.gyp (npm would run node-gyp)");
    assert.ok(!files.some((f) => /\.(rs|tgz|map)$|(^|\/)(\.gitignore|node_modules|target)(\/|$)/.test(f)), `no workspace files: ${files}`);
    const packed = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
    for (const s of INSTALL_SCRIPTS) assert.equal(packed.scripts?.[s], undefined, `no ${s} script in the packed package.json`);
    assert.equal(packed.hasInstallScript, undefined);
  });

  test("installed: ESM import by name", () => {
    const script = `
      import init, { decode, verify, sign } from "jwt-lens";
      import * as all from "jwt-lens";
      await init();
      const secret = "esm-smoke-secret-esm-smoke-secret";
      const token = sign({ alg: "HS256", typ: "JWT" }, { sub: "esm", exp: 4102444800 }, secret);
      const r = verify(token, secret);
      const bad = verify(token, secret + "!");
      console.log(JSON.stringify({
        resolved: import.meta.resolve("jwt-lens"), element: import.meta.resolve("jwt-lens/element"),
        kind: decode(token).kind, valid: r.valid, sub: r.payload.sub, bad: bad.valid,
        badCode: bad.errors.map((e) => e.code), exports: Object.keys(all).sort(), version: all.version,
      }));
    `;
    writeFileSync(join(project, "smoke.mjs"), script);
    const out = JSON.parse(execFileSync(process.execPath, ["smoke.mjs"], { cwd: project, encoding: "utf8" }));
    assert.match(out.resolved, /\/node_modules\/jwt-lens\/node\/index\.mjs$/);
    assert.match(out.element, /\/node_modules\/jwt-lens\/web\/element\.js$/);
    assert.equal(out.kind, "jws");
    assert.equal(out.valid, true);
    assert.equal(out.sub, "esm");
    assert.equal(out.bad, false);
    assert.deepEqual(out.badCode, ["signature_invalid"]);
    assert.deepEqual(out.exports, EXPORTS);
    assert.equal(out.version, pkgJson.version);
  });

  test("installed: CommonJS require by name", () => {
    const script = `
      const lens = require("jwt-lens");
      const { verify, sign, decode, generateKey, importKey, JwtLensError, version, init } = lens;
      const g = generateKey("HS512");
      const token = sign({ alg: "HS512", kid: g.kid }, { sub: "cjs" }, g.secret, { secretEncoding: "base64url" });
      const h = importKey(g.secret, { secretEncoding: "base64url" });
      let thrown = null;
      try { sign({ typ: "JWT" }, {}, g.secret); } catch (e) { thrown = { isLens: e instanceof JwtLensError, code: typeof e.code }; }
      console.log(JSON.stringify({
        resolved: require.resolve("jwt-lens"),
        keys: Object.keys(lens).sort(), version, defaultIsInit: lens.default === init,
        initIsPromise: init() instanceof Promise,
        valid: verify(token, h).valid, kind: decode(token).kind, kid: verify(token, g.privateJwk).kid === g.kid, thrown,
      }));
    `;
    writeFileSync(join(project, "smoke.cjs"), script);
    const out = JSON.parse(execFileSync(process.execPath, ["smoke.cjs"], { cwd: project, encoding: "utf8" }));
    assert.match(out.resolved, /\/node_modules\/jwt-lens\/node\/index\.cjs$/);
    assert.deepEqual(out.keys, EXPORTS);
    assert.equal(out.version, pkgJson.version);
    assert.equal(out.defaultIsInit, true);
    assert.equal(out.initIsPromise, true);
    assert.equal(out.valid, true);
    assert.equal(out.kind, "jws");
    assert.equal(out.kid, true);
    assert.deepEqual(out.thrown, { isLens: true, code: "string" });
  });

  test("installed: a browser bundle (esbuild, platform browser) takes the web entry and no Node built-ins", async () => {
    const esbuild = await import("esbuild");
    writeFileSync(join(project, "app.js"), 'import init, { decode } from "jwt-lens";\nawait init();\nconsole.log(decode("a.b.c").kind);\n');
    const result = await esbuild.build({
      entryPoints: [join(project, "app.js")], absWorkingDir: project, bundle: true, write: false,
      platform: "browser", format: "esm", metafile: true, logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((f) => f.endsWith("node_modules/jwt-lens/web/index.js")), `web entry bundled: ${inputs}`);
    assert.ok(!inputs.some((f) => f.includes("jwt-lens/node/")), `no Node entry in a browser bundle: ${inputs}`);
    const code = result.outputFiles[0].text;
    assert.ok(!/from\s*["']node:|require\(["'](fs|path|node:)/.test(code), "no Node built-in imports in the browser bundle");
    assert.match(code, /jwt_lens_bg\.wasm/, "the bundle still points at the wasm file next to it");
  });

  test("installed: the types resolve from the package root", () => {
    const installed = join(project, "node_modules", "jwt-lens");
    const pj = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    assert.ok(existsSync(join(installed, pj.exports["."].types)));
    assert.ok(!existsSync(join(project, "node_modules", ".bin")) || readdirSync(join(project, "node_modules", ".bin")).length === 0, "no bins installed");
  });
});
