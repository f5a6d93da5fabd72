#!/usr/bin/env node
// Builds the fuzz seed corpora from the shared vectors, at run time (the vectors are never
// copied into the repository; fuzz/corpus/ is ignored by git):
//   node fuzz/seed.mjs [vectors-dir]     (default: $JWT_LENS_VECTORS, else ../shared/vectors)
// Writes fuzz/corpus/<target>/<sha1 of the input>, libFuzzer's own naming, so reruns add nothing
// twice and inputs the fuzzer found are kept. What each target's input looks like is in README.md.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vectors = resolve(process.argv[2] ?? process.env.JWT_LENS_VECTORS ?? join(here, "../../shared/vectors"));
const fixtures = join(here, "../tests/fixtures");

// The fixed keys of fuzz/src/lib.rs, in order: which one a token's alg needs.
const KEY_INDEX = { HS: 0, RS: 1, PS: 1, ES256: 2, ES384: 3, ES512: 4, ES256K: 5, EdDSA: 6, Ed25519: 6, "ML-DSA-44": 7, "ML-DSA-65": 8, "ML-DSA-87": 9 };
// key_import's mode byte (fuzz_targets/key_import.rs): low 3 bits = presentation, bits 3-5 = PEM label, bits 6-7 = secret encoding.
const PEM_LABELS = ["PUBLIC KEY", "PRIVATE KEY", "RSA PUBLIC KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "CERTIFICATE"];
const AS_TEXT = 0, AS_HEX_SECRET = 3 | (3 << 6), AS_BASE64_DER = 4, AS_HEX_DER = 5, AS_PEM = 6;

const counts = {};
function emit(target, bytes) {
  const dir = join(here, "corpus", target);
  mkdirSync(dir, { recursive: true });
  const data = Buffer.from(bytes);
  writeFileSync(join(dir, createHash("sha1").update(data).digest("hex")), data);
  counts[target] = (counts[target] ?? 0) + 1;
}
const withPrefix = (prefix, text) => Buffer.concat([Buffer.from(prefix), Buffer.from(text)]);

const TOKEN = /^[A-Za-z0-9_\-=+/]*(\.[A-Za-z0-9_\-=+/]*){2}(\.[A-Za-z0-9_\-=+/]*){0,2}$/;
const TOKEN_FIELDS = new Set(["jws", "jwe", "jwt", "compact", "token"]);
const DER_FIELDS = new Set(["publicKeyDer", "keyDer", "privateKeyPkcs8"]);

function b64urlText(segment) {
  try {
    const bytes = Buffer.from(segment, "base64url");
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text;
  } catch {
    return undefined;
  }
}

function token(text) {
  emit("decode", text);
  const [header, payload] = text.split(".");
  for (const part of [header, payload]) {
    const json = b64urlText(part ?? "");
    if (json !== undefined && /^\s*[[{]/.test(json)) emit("json", json);
  }
  let alg = "";
  try {
    alg = JSON.parse(b64urlText(header) ?? "").alg ?? "";
  } catch {}
  const index = KEY_INDEX[alg] ?? KEY_INDEX[alg.slice(0, 2)] ?? 0;
  emit("verify", withPrefix([index, 0], text));
  emit("verify", withPrefix([index | 0x80, 3], text));
}

function pem(text) {
  emit("key_import", withPrefix([AS_TEXT], text));
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END/.exec(text);
  if (!match) return;
  const der = Buffer.from(match[2].replace(/\s+/g, ""), "base64");
  const label = Math.max(0, PEM_LABELS.indexOf(match[1]));
  emit("key_import", Buffer.concat([Buffer.from([AS_PEM | (label << 3)]), der]));
  der_(der);
}

function der_(der) {
  emit("key_import", Buffer.concat([Buffer.from([AS_BASE64_DER]), der]));
  emit("key_import", Buffer.concat([Buffer.from([AS_HEX_DER]), der]));
}

function walk(value, field) {
  if (typeof value === "string") {
    if (value.startsWith("-----BEGIN")) pem(value);
    else if (TOKEN_FIELDS.has(field) || (value.length < 65536 && TOKEN.test(value))) token(value);
    else if (DER_FIELDS.has(field) && /^[0-9a-f]+$/i.test(value)) der_(Buffer.from(value, "hex"));
    else if (field === "key" && /^[0-9a-f]*$/i.test(value)) emit("key_import", withPrefix([AS_HEX_SECRET], value));
  } else if (Array.isArray(value)) {
    for (const item of value) walk(item, field);
  } else if (value && typeof value === "object") {
    if (typeof value.kty === "string" || Array.isArray(value.keys)) {
      const text = JSON.stringify(value);
      emit("key_import", withPrefix([AS_TEXT], text));
      emit("json", text);
    }
    for (const [name, item] of Object.entries(value)) walk(item, name);
  }
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === "schemas" ? [] : files(path)) : [path];
  });
}

let read = 0;
try {
  for (const path of files(vectors).filter((p) => p.endsWith(".json") && !p.endsWith("MANIFEST.json"))) {
    walk(JSON.parse(readFileSync(path, "utf8")), "");
    read++;
  }
} catch (e) {
  console.error(`cannot read the vectors at ${vectors} (${e.message}); set JWT_LENS_VECTORS`);
  process.exit(1);
}
for (const name of readdirSync(fixtures).filter((n) => n.endsWith(".pem"))) pem(readFileSync(join(fixtures, name), "utf8"));
// Hand-picked shapes the vectors lack: a Bearer line, whitespace, deep nesting, big numbers.
const extras = ["Bearer eyJhbGciOiJIUzI1NiJ9.e30.", "Authorization: Bearer a.b.c", "  a.b.c\n", "[[[[[[[[[[]]]]]]]]]]", '{"a":1e400,"b":-0.0e-7,"c":"\\ud83d\\ude00"}'];
for (const text of extras) (text.startsWith("[") || text.startsWith("{") ? emit("json", text) : token(text));

console.log(`read ${read} vector files from ${vectors}`);
for (const [target, n] of Object.entries(counts)) console.log(`${target}: ${n} seeds written (before de-duplication)`);
