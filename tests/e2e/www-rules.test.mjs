// Static checks of www/ that need no browser and no build, so they always run: the house rules
// (DESIGN §4 rule 10, §6) and the page's pure decision logic (status rules, diagnostics merge).

import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT } from "./support.mjs";

const WWW = join(ROOT, "www");
const wwwModule = (name) => import(pathToFileURL(join(WWW, name)).href);

async function wwwFiles(extension) {
  const entries = await readdir(WWW, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

const FORBIDDEN = [
  /innerHTML/, /outerHTML/, /insertAdjacentHTML/, /document\.write/, /DOMParser/, /createContextualFragment/,
  /localStorage/, /sessionStorage/, /indexedDB/, /document\.cookie/, /caches\./,
  /fetch\(/, /XMLHttpRequest/, /sendBeacon/, /WebSocket/, /EventSource/, /\beval\(/, /new Function/,
  /\batob\(/, /\bbtoa\(/, // base64 of token parts is the engine's job (DESIGN §2)
];

test("the <jwt-lens> element's modules follow the same rules as www/, and inject no <style>", async () => {
  const files = (await readdir(join(ROOT, "js"))).filter((name) => /^(element.*|wasm-source)\.js$/.test(name));
  assert.deepEqual(files.sort(), ["element-style.js", "element-view.js", "element.js", "wasm-source.js"]);
  for (const name of files) {
    const text = await readFile(join(ROOT, "js", name), "utf8");
    for (const pattern of [...FORBIDDEN, /createElement\("style"\)/, /setAttribute\("style"/]) {
      assert.doesNotMatch(text, pattern, `js/${name} uses ${pattern}`);
    }
  }
});

test("www/ never hands strings to the HTML parser, stores nothing and opens no connection", async () => {
  const forbidden = FORBIDDEN;
  const files = [...(await wwwFiles(".js")), ...(await wwwFiles(".html"))].filter((file) => file !== THEME_MODULE);
  assert.ok(files.length > 5, "www/ has the page's files");
  for (const file of files) {
    if (file === SERVICE_WORKER) continue;
    const text = await readFile(file, "utf8");
    for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${file} uses ${pattern}`);
  }
});

const SERVICE_WORKER = join(WWW, "sw.js");

test("the service worker is the one file that fetches and caches, and only this site's files", async () => {
  const text = await readFile(SERVICE_WORKER, "utf8");
  for (const pattern of FORBIDDEN.filter((p) => !["caches\\.", "fetch\\("].includes(p.source))) {
    assert.doesNotMatch(text, pattern, `www/sw.js uses ${pattern}`);
  }
  // It answers only for same-origin GETs; everything else is left to the browser (and the CSP).
  assert.match(text, /request\.method !== "GET" \|\| new URL\(request\.url\)\.origin !== self\.location\.origin\) return;/);
  assert.equal(text.match(/fetch\(/g).length, 1, "one fetch: the page's own request, passed on");
});

test("index.html: CSP and referrer metas, no inline script, style or handler, every stable hook", async () => {
  const html = await readFile(join(WWW, "index.html"), "utf8");
  assert.ok(html.includes(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ` +
    `style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'">`,
  ));
  assert.ok(html.includes('<meta name="referrer" content="no-referrer">'));
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, "inline script");
  assert.doesNotMatch(html, /<style|\sstyle=/, "inline style");
  assert.doesNotMatch(html, /\son[a-z]+=/i, "inline event handler");
  assert.doesNotMatch(html, /(?:src|href)="(?:https?:)?\/\//, "third-party resource");
  for (const id of ["token-input", "secret-input", "signature-status", "header-json", "payload-json", "diagnostics"]) {
    assert.ok(html.includes(`data-testid="${id}"`), `missing data-testid="${id}"`);
  }
  assert.match(html, /Runs entirely in your browser: no token, key or claim leaves this page/);
});

test("wasm-source.js exports undefined, so init loads the wasm next to its glue", async () => {
  assert.equal((await wwwModule("wasm-source.js")).default, undefined);
});

test("the signature status follows the page's rules", async () => {
  const { assessSignature, STATUS_TEXT } = await wwwModule("signature-status.js");
  const calls = [];
  const report = (signatureValid, valid = signatureValid) => ({
    valid, signatureValid, checks: [{ name: "exp", ok: valid, message: "expired" }], errors: [], warnings: [],
  });
  const verifyReturning = (result) => (...args) => {
    calls.push(args);
    return result;
  };
  const jws = { kind: "jws" };
  const state = (input) => assessSignature({ secretEncoding: "hex", verify: verifyReturning(report(true)), ...input }).state;

  assert.equal(state({ token: "  ", decoded: { kind: "invalid" }, secret: "s" }), "unverified");
  assert.equal(state({ token: "x", decoded: { kind: "invalid" }, secret: "s" }), "malformed");
  assert.equal(state({ token: "a.b.c", decoded: jws, secret: "" }), "unverified");
  assert.equal(state({ token: "a..b.c.d", decoded: { kind: "jwe" }, secret: "s" }), "unverified");
  assert.equal(calls.length, 0, "verify is not called without a token or a secret");
  assert.equal(state({ token: "a.b.c", decoded: jws, secret: "s" }), "verified");
  assert.deepEqual(calls.at(-1), ["a.b.c", "s", { secretEncoding: "hex" }]);
  assert.equal(assessSignature({ token: "a.b.c", decoded: jws, secret: "s", secretEncoding: "utf8", verify: verifyReturning(report(false)) }).state, "invalid");
  const expired = assessSignature({ token: "a.b.c", decoded: jws, secret: "s", secretEncoding: "utf8", verify: verifyReturning(report(true, false)) });
  assert.equal(expired.state, "verified");
  assert.match(expired.detail, /not valid: expired/);
  assert.deepEqual(Object.keys(STATUS_TEXT).sort(), ["invalid", "malformed", "unverified", "verified"]);
});

test("diagnostics are merged one per code, errors first", async () => {
  const { mergeDiagnostics } = await wwwModule("diagnostics.js");
  const merged = mergeDiagnostics(
    [{ code: "bearer_prefix", severity: "info", message: "a" }, { code: "expired", severity: "error", message: "b" }],
    [{ code: "expired", severity: "error", message: "duplicate" }],
    undefined,
    [{ code: "weak_key", severity: "warning", message: "c" }],
  );
  assert.deepEqual(merged.map((d) => `${d.code}:${d.message}`), ["expired:b", "weak_key:c", "bearer_prefix:a"]);
});

test("#token=, #id_token= and #access_token= fragments are read, percent-decoded, with other params", async () => {
  const { tokenFromFragment, shareUrl } = await wwwModule("fragment.js");
  const token = (hash) => tokenFromFragment(hash)?.token ?? null;
  assert.equal(token(""), null);
  assert.equal(token("#secret=abc"), null);
  assert.equal(token("#token=a.b.c"), "a.b.c");
  assert.equal(token("#token=Bearer%20a.b.c"), "Bearer a.b.c");
  assert.equal(token("#token=a%ZZ"), "a%ZZ");
  assert.deepEqual(tokenFromFragment("#state=xyz&id_token=h.p.s&token_type=Bearer"), { token: "h.p.s", param: "id_token", others: [] });
  assert.deepEqual(tokenFromFragment("#access_token=a.b.c&state=1&id_token=h.p.s&expires_in=3600"), { token: "h.p.s", param: "id_token", others: ["access_token"] });
  assert.equal(token("#access_token=a.b.c&state=1"), "a.b.c");
  assert.equal(token("#id_token=&state=1"), null);
  const url = shareUrl({ origin: "https://x.example", protocol: "https:", pathname: "/d/", search: "" }, "a.b c");
  assert.equal(url, "https://x.example/d/#token=a.b%20c");
  assert.equal(shareUrl({ origin: "null", protocol: "file:", pathname: "/tmp/jwt-lens.html", search: "" }, "t"), "file:///tmp/jwt-lens.html#token=t");
});

test("the full engine is asked for only when the engine's own answer says 'not in this build'", async () => {
  const { needsFullEngine } = await wwwModule("engine.js");
  const diag = (code) => ({ code, severity: "warning", message: "m" });
  assert.equal(needsFullEngine({ value: { kind: "jws", diagnostics: [] } }), false);
  assert.equal(needsFullEngine({ value: { kind: "jws", diagnostics: [diag("unsupported_alg")] } }), true);
  assert.equal(needsFullEngine({ value: { kind: "jws", diagnostics: [diag("expired")] } }), false);
  assert.equal(needsFullEngine({ value: { errors: [diag("invalid_key")], checks: [] } }), true);
  assert.equal(needsFullEngine({ value: { errors: [], checks: [{ name: "alg", ok: false, code: "unsupported_alg" }] } }), true);
  assert.equal(needsFullEngine({ value: { errors: [], checks: [{ name: "alg", ok: true, code: "unsupported_alg" }] } }), false);
  assert.equal(needsFullEngine({ value: { kind: "unsupported", diagnostics: [] } }), true);
  assert.equal(needsFullEngine({ value: { kind: "secret", diagnostics: [] } }), false);
  assert.equal(needsFullEngine({ error: { code: "invalid_key" } }), true);
  assert.equal(needsFullEngine({ error: { code: "weak_key" } }), false);
  assert.equal(needsFullEngine({ error: new TypeError("a bug") }), false);
  assert.equal(needsFullEngine({ value: "eyJ.x.y" }), false);
});

test("the key facts shown are the engine's, and a set shows no single key's kid or thumbprint", async () => {
  const { keyInfoRows } = await wwwModule("key-info.js");
  const info = {
    kind: "public", kty: "EC", curve: "P-256", format: "pem", bits: 256, algorithms: ["ES256"],
    thumbprint: "tp", kid: null, keyCount: 1, diagnostics: [],
  };
  const fields = (rows) => Object.fromEntries(rows.map(([field, , text]) => [field, text]));
  assert.deepEqual(fields(keyInfoRows(info)), {
    kind: "public key", format: "PEM", kty: "EC", curve: "P-256", bits: "256 bits", thumbprint: "tp", algorithms: "ES256",
  });
  const set = fields(keyInfoRows({ ...info, format: "jwks", kid: "first", keyCount: 3 }));
  assert.equal(set["key-count"], "3");
  assert.equal(set.kid, undefined);
  assert.equal(set.thumbprint, undefined);
  // Facts the engine adds later are listed under its own names, without a page change.
  const certificate = fields(keyInfoRows({
    ...info, suggestedKid: "tp", certificate: { subject: "CN=example", notAfter: 1800000000, chain: ["a", "b"] },
    publicJwk: { kty: "EC" }, publicPem: "-----BEGIN PUBLIC KEY-----",
  }));
  assert.equal(certificate.suggestedKid, "tp");
  assert.equal(certificate["certificate.subject"], "CN=example");
  assert.equal(certificate["certificate.notAfter"], "1800000000");
  assert.equal(certificate["certificate.chain"], "a, b");
  assert.equal(certificate.publicJwk, undefined);
  assert.equal(certificate.publicPem, undefined);
});

const THEME_MODULE = join(WWW, "theme.js");

test("theme.js alone stores, one key (jwt-lens-theme), and removes it for 'system'", async () => {
  const text = await readFile(THEME_MODULE, "utf8");
  for (const pattern of FORBIDDEN.filter((p) => p.source !== "localStorage")) {
    assert.doesNotMatch(text, pattern, `www/theme.js uses ${pattern}`);
  }
  assert.deepEqual([...text.matchAll(/(?:getItem|setItem|removeItem)\((\w+)/g)].map((m) => m[1]), ["STORAGE_KEY", "STORAGE_KEY", "STORAGE_KEY"]);
  assert.match(text, /const STORAGE_KEY = "jwt-lens-theme";/);
});
