// The public types, as a TypeScript user gets them: the tarball installed into a fresh project,
// checked with `tsc --strict --noEmit`. Correct use must compile with no `any` leaking out;
// misuse must not compile (each `@ts-expect-error` fails the build when its line compiles).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { join } from "node:path";
import { PKG_DIR, ROOT, installedProject } from "./project.mjs";

const TSC = join(ROOT, "node_modules", ".bin", "tsc");

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    strict: true, noEmit: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext",
    lib: ["es2022", "dom"], types: [], skipLibCheck: false, noUncheckedIndexedAccess: true,
  },
  files: ["usage.ts"],
});

const USAGE = `
import init, { decode, verify, sign, generateKey, importKey, version, JwtLensError } from "jwt-lens";
import type { Algorithm, Decoded, DiagnosticCode, KeyHandle, VerifyReport, JsonValue } from "jwt-lens";
import { JwtLensElement } from "jwt-lens/element";
import type { JwtLensChangeDetail, JwtLensVerifyDetail, VerifyState } from "jwt-lens/element";

type IsAny<T> = 0 extends 1 & T ? true : false;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectTrue<T extends true>(): T | void {}

await init();
await init(new Uint8Array(0));
const v: string = version;

const decoded = decode("a.b.c");
expectTrue<Equal<typeof decoded, Decoded>>();
expectTrue<Equal<typeof decoded.kind, "jws" | "jwe" | "unsecured" | "invalid">>();
expectTrue<Equal<IsAny<typeof decoded.payload>, false>>();
expectTrue<Equal<typeof decoded.payload, JsonValue | null>>();

expectTrue<Equal<typeof decoded.serialization, "compact" | "json-flattened" | "json-general">>();
const firstKid: string | null | undefined = decoded.signatures?.[0]?.kid;
const revealed: (string | null)[] | undefined = decoded.sdJwt?.disclosures.map((d) => d.path);
const ivLength: number | null | undefined = decoded.jwe?.parts[2]?.length;
const inner: Decoded | null = decoded.nested;
const unencoded: false | null = decoded.b64;
const fromObject: Decoded = decode({ payload: "e30", signatures: [{ protected: "e30", signature: "" }] });
const detached = verify("a..c", "secret", { supportsB64: true, detachedPayload: "content" });
expectTrue<Equal<typeof detached.signatureIndex, number | null>>();

const report = verify("a.b.c", "secret", { algorithms: ["HS256"], leeway: 30, secretEncoding: "hex" });
expectTrue<Equal<typeof report, VerifyReport>>();
expectTrue<Equal<typeof report.valid, boolean>>();
expectTrue<Equal<IsAny<typeof report.header>, false>>();
const firstCode: DiagnosticCode | undefined = report.errors[0]?.code;

const key = generateKey("HS512", { size: 64 });
const handle: KeyHandle = importKey(key.secret ?? "", { secretEncoding: "base64url" });
const keyCount: number = handle.keyCount;
verify("a.b.c", handle, { issuer: ["https://issuer"], audience: "api", subject: "42", typ: "JWT", requiredClaims: ["exp"], maxTokenAge: 60 });
expectTrue<Equal<typeof handle.algorithms, Algorithm[]>>();
const token: string = sign({ alg: "HS512" }, { sub: "x" }, handle);
verify(token, { keys: [key.privateJwk] });

try {
  sign({}, {}, "k");
} catch (error) {
  if (error instanceof JwtLensError) {
    const code: DiagnosticCode = error.code;
    expectTrue<Equal<IsAny<typeof error.hint>, false>>();
  }
}

const element = document.createElement("jwt-lens");
expectTrue<Equal<typeof element, JwtLensElement>>();
element.mode = "verify";
element.theme = "dark";
element.readOnly = true;
element.key = handle;
element.addEventListener("jwt-lens-verify", (event) => {
  expectTrue<Equal<typeof event.detail, JwtLensVerifyDetail>>();
  const state: VerifyState = event.detail.state;
  const valid: boolean = event.detail.valid;
});
element.addEventListener("jwt-lens-change", (event) => {
  expectTrue<Equal<typeof event.detail, JwtLensChangeDetail>>();
});
const maybeReport: VerifyReport | null = element.report;

// ---- misuse: every line below must be a compile error ----
// @ts-expect-error a token is a string (or a JWS JSON serialization object)
decode(1);
// @ts-expect-error valid is a boolean
const notString: string = report.valid;
// @ts-expect-error the payload is JSON, not any: it has no methods to call blindly
report.payload.toFixed();
// @ts-expect-error misspelt option
verify("t", "k", { algorithm: ["HS256"] });
// @ts-expect-error unknown algorithm
verify("t", "k", { algorithms: ["HS257"] });
// @ts-expect-error unknown secret encoding
verify("t", "k", { secretEncoding: "latin1" });
// @ts-expect-error sign needs a key
sign({ alg: "HS256" }, {});
// @ts-expect-error generateKey only knows this build's algorithms
generateKey("XS256");
// @ts-expect-error a key handle is read-only
handle.kind = "secret";
// @ts-expect-error not a mode
element.mode = "explain";
// @ts-expect-error not a theme
element.theme = "sepia";
// @ts-expect-error the report is read-only
element.report = null;
// @ts-expect-error a key is not a number
element.key = 42;
// @ts-expect-error an unknown diagnostic code
const badCode: DiagnosticCode = "oops";
// @ts-expect-error not a serialization
const badSerialization: Decoded["serialization"] = "compact-json";
// @ts-expect-error a detached payload is text
verify("a..c", "k", { detachedPayload: new Uint8Array(1) });
`;

let project;
before(() => {
  project = installedProject("types", {
    "tsconfig.json": TSCONFIG,
    "usage.ts": USAGE,
    "misuse.ts": 'import { decode } from "jwt-lens";\ndecode(1);\n',
    "tsconfig.misuse.json": TSCONFIG.replace('"usage.ts"', '"misuse.ts"'),
  });
});
after(() => project?.cleanup());

const tsc = (args) => execFileSync(TSC, args, { cwd: project.dir, encoding: "utf8", stdio: "pipe" });

test("types: tsc --strict --noEmit accepts correct use, rejects each misuse, and no any leaks", () => {
  try {
    tsc(["-p", "tsconfig.json"]);
  } catch (error) {
    assert.fail(`tsc reported errors:\n${error.stdout}${error.stderr}`);
  }
});

test("types: a misuse without @ts-expect-error fails to compile (the check is live)", () => {
  let output = null;
  try {
    tsc(["-p", "tsconfig.misuse.json"]);
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  assert.notEqual(output, null, "tsc accepted decode(1)");
  assert.match(output, /misuse\.ts\(2,8\): error TS2345/);
});

test("types: every export of the shipped .d.ts files has a JSDoc comment, and none says any", () => {
  for (const file of ["jwt-lens.d.ts", "element.d.ts"]) {
    const lines = readFileSync(join(PKG_DIR, file), "utf8").split("\n");
    let exports = 0;
    lines.forEach((line, index) => {
      if (!/^export (declare |default |type |interface )/.test(line)) return;
      exports += 1;
      const previous = lines.slice(0, index).reverse().find((l) => l.trim() !== "");
      assert.match(previous ?? "", /\*\/\s*$/, `${file}:${index + 1} "${line.trim()}" has no JSDoc`);
    });
    // Members of exported interfaces and classes are documented too.
    lines.forEach((line, index) => {
      if (!/^ +(readonly |static readonly )?[\w"-]+\??:/.test(line)) return;
      const previous = lines.slice(0, index).reverse().find((l) => l.trim() !== "");
      assert.match(previous ?? "", /\*\/\s*$/, `${file}:${index + 1} "${line.trim()}" has no JSDoc`);
    });
    assert.ok(exports >= (file === "element.d.ts" ? 5 : 25), `${file}: ${exports} exports found`);
    assert.doesNotMatch(lines.join("\n").replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ""), /\bany\b/, `${file} mentions any`);
  }
});
