// Token kinds through the package (issue #4): JWS JSON serialization (text or object), RFC 7797
// b64:false, detached content, compact JWE explained, nested JWT, SD-JWT. Tokens are made with
// node:crypto or taken from the public vectors, never with jwt-lens itself.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lens, b64u, hmacB64u, hsToken, vectorsDir, assertDiagnostic } from "./helpers.mjs";

const { decode, verify } = lens;
const SECRET_A = "token-kinds secret A, 32 bytes..";
const SECRET_B = "token-kinds secret B is sixty-four bytes long for HS512 .........";

function vectorFile(relative) {
  const path = join(vectorsDir, relative);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, "utf8"));
}

/** One signature object of a JSON serialization, signed with node:crypto. */
function signature(alg, secret, protectedHeader, unprotected, payloadB64) {
  const protectedB64 = b64u(JSON.stringify(protectedHeader));
  return { protected: protectedB64, header: unprotected, signature: hmacB64u(alg, secret, `${protectedB64}.${payloadB64}`) };
}

const CLAIMS = { sub: "json-serialization", iat: 1700000000 };
const PAYLOAD = b64u(JSON.stringify(CLAIMS));
const GENERAL = {
  payload: PAYLOAD,
  signatures: [
    signature("HS256", SECRET_A, { alg: "HS256" }, { kid: "a" }, PAYLOAD),
    signature("HS512", SECRET_B, { alg: "HS512" }, { kid: "b" }, PAYLOAD),
  ],
};
const OPTIONS = { now: 1700000100 };

function slice(input, decoded, part) {
  return decoded.segments.filter((s) => s.part === part).map((s) => input.slice(s.start, s.end));
}

describe("JWS JSON serialization", () => {
  test("general: decoded from its text or the object, every signature listed", () => {
    const text = JSON.stringify(GENERAL);
    for (const input of [text, GENERAL]) {
      const d = decode(input);
      assert.equal(d.kind, "jws");
      assert.equal(d.serialization, "json-general");
      assert.deepEqual(d.payload, CLAIMS);
      assert.deepEqual(d.header, { alg: "HS256", kid: "a" }, "header is signature 0's, merged");
      assert.equal(d.signatures.length, 2);
      const [first, second] = d.signatures;
      assert.deepEqual([first.index, first.alg, first.kid, first.protectedJson], [0, "HS256", "a", '{"alg":"HS256"}']);
      assert.deepEqual(first.unprotected, { kid: "a" });
      assert.deepEqual([second.index, second.alg, second.kid, second.signature], [1, "HS512", "b", GENERAL.signatures[1].signature]);
    }
    const d = decode(text);
    assert.deepEqual(slice(text, d, "payload"), [PAYLOAD]);
    assert.deepEqual(slice(text, d, "signature"), GENERAL.signatures.map((s) => s.signature));
    assert.deepEqual(slice(text, d, "header"), GENERAL.signatures.map((s) => s.protected));
  });

  test("general: the signature that verifies with the caller's key is reported", () => {
    const r = verify(GENERAL, SECRET_B, OPTIONS);
    assert.equal(r.valid, true, JSON.stringify(r.errors));
    assert.equal(r.signatureIndex, 1);
    assert.equal(r.alg, "HS512");
    const attempts = Object.fromEntries(r.checks.filter((c) => c.name.startsWith("signature[")).map((c) => [c.name, c.ok]));
    assert.deepEqual(attempts, { "signature[0]": false, "signature[1]": true });
    assert.equal(verify(JSON.stringify(GENERAL), SECRET_A, OPTIONS).signatureIndex, 0);

    const wrong = verify(GENERAL, "another secret of thirty-two bytes!!", OPTIONS);
    assert.equal(wrong.valid, false);
    assert.equal(wrong.signatureIndex, null);
    const tampered = { ...GENERAL, payload: b64u(JSON.stringify({ ...CLAIMS, sub: "someone else" })) };
    assert.equal(verify(tampered, SECRET_B, OPTIONS).valid, false);
  });

  test("flattened: one signature at the top level", () => {
    const flattened = { payload: PAYLOAD, ...signature("HS256", SECRET_A, { alg: "HS256", kid: "a" }, undefined, PAYLOAD) };
    delete flattened.header;
    const d = decode(flattened);
    assert.equal(d.serialization, "json-flattened");
    assert.equal(d.signatures[0].unprotected, null);
    const r = verify(flattened, SECRET_A, OPTIONS);
    assert.equal(r.valid, true, JSON.stringify(r.errors));
    assert.equal(r.signatureIndex, 0);
  });

  test("a compact token has the new fields empty", () => {
    const token = hsToken({ alg: "HS256" }, CLAIMS, SECRET_A);
    const d = decode(token);
    assert.equal(d.serialization, "compact");
    for (const field of ["signatures", "b64", "nested", "jwe", "sdJwt"]) assert.equal(d[field], null, field);
    assert.equal(d.detached, false);
    assert.equal(verify(token, SECRET_A, OPTIONS).signatureIndex, null);
  });
});

describe("RFC 7797 b64:false and detached content", () => {
  test("b64:false verifies only with crit and supportsB64", () => {
    const header = b64u(JSON.stringify({ alg: "HS256", b64: false, crit: ["b64"] }));
    const payload = "raw payload, not base64url";
    const token = `${header}.${payload}.${hmacB64u("HS256", SECRET_A, `${header}.${payload}`)}`;
    const d = decode(token);
    assert.equal(d.b64, false);
    assert.equal(d.payload, payload);
    assert.equal(verify(token, SECRET_A, { supportsB64: true }).valid, true);
    const refused = verify(token, SECRET_A);
    assert.equal(refused.valid, false);
    assert.ok(refused.errors.some((e) => e.code === "b64_invalid"), JSON.stringify(refused.errors));
    const noCrit = b64u(JSON.stringify({ alg: "HS256", b64: false }));
    const withoutCrit = `${noCrit}.${payload}.${hmacB64u("HS256", SECRET_A, `${noCrit}.${payload}`)}`;
    assert.ok(verify(withoutCrit, SECRET_A, { supportsB64: true }).errors.some((e) => e.code === "b64_invalid"));
  });

  test("RFC 7797 §4.2 flattened example, from the vectors", (t) => {
    const file = vectorFile("rfc/rfc7797_unencoded_payload.json");
    if (!file) return t.skip("vectors absent");
    const example = file.cases.find((c) => c.id === "4.2");
    const key = example.jwk;
    assert.equal(verify(example.json_flattened, key, { supportsB64: true }).valid, true);
    const r = verify(example.compact_detached, key, { supportsB64: true, detachedPayload: example.payload });
    assert.equal(r.valid, true, JSON.stringify(r.errors));
  });

  test("detached content (RFC 7515 Appendix F) with detachedPayload", () => {
    const content = "detached content ✓";
    const header = b64u(JSON.stringify({ alg: "HS256" }));
    const token = `${header}..${hmacB64u("HS256", SECRET_A, `${header}.${b64u(content)}`)}`;
    const d = decode(token);
    assert.equal(d.detached, true);
    assert.equal(d.payload, null);
    assert.equal(verify(token, SECRET_A, { detachedPayload: content }).valid, true);
    assert.equal(verify(token, SECRET_A, { detachedPayload: `${content}!` }).valid, false);
    const missing = verify(token, SECRET_A);
    assert.equal(missing.valid, false);
    assert.ok(missing.checks.some((c) => c.name === "payload" && /detachedPayload/.test(c.message)));
  });
});

describe("JWE, nested JWT and SD-JWT", () => {
  test("a cookbook JWE is explained, never decrypted", (t) => {
    const example = vectorFile("ietf-jose-cookbook/jwe/5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json");
    if (!example) return t.skip("vectors absent");
    const token = example.output.compact;
    const d = decode(token);
    assert.equal(d.kind, "jwe");
    assert.deepEqual([d.jwe.alg, d.jwe.enc, d.jwe.zip], ["RSA-OAEP", "A256GCM", null]);
    assert.deepEqual(d.jwe.parts.map((p) => p.part), ["header", "encrypted_key", "iv", "ciphertext", "tag"]);
    const lengths = Object.fromEntries(d.jwe.parts.map((p) => [p.part, p.length]));
    assert.deepEqual([lengths.encrypted_key, lengths.iv, lengths.tag], [512, 12, 16], "RSA-4096 key, GCM iv and tag");
    const note = d.diagnostics.find((x) => x.code === "jwe_not_decrypted");
    assertDiagnostic(note);
    assert.equal(note.severity, "info");
    assert.match(note.message, /AES-256-GCM/);
    assert.equal(verify(token, SECRET_A).valid, false);
  });

  test("cty JWT: the inner token is decoded too", () => {
    const inner = hsToken({ alg: "HS256" }, { sub: "inner" }, SECRET_A);
    const header = b64u(JSON.stringify({ alg: "HS256", cty: "JWT" }));
    const body = b64u(inner);
    const outer = `${header}.${body}.${hmacB64u("HS256", SECRET_A, `${header}.${body}`)}`;
    const d = decode(outer);
    assert.equal(d.nested.kind, "jws");
    assert.deepEqual(d.nested.payload, { sub: "inner" });
    assert.equal(verify(outer, SECRET_A).valid, true);
  });

  test("SD-JWT: disclosures decoded and placed, a changed one refused", () => {
    const digest = (disclosure) => createHash("sha256").update(disclosure).digest("base64url");
    const name = b64u(JSON.stringify(["salt-1", "given_name", "Ada"]));
    const street = b64u(JSON.stringify(["salt-2", "street", "Main St"]));
    const claims = { iss: "https://issuer.example", _sd: [digest(name)], address: { _sd: [digest(street)] }, iat: 1700000000 };
    const issuer = hsToken({ alg: "HS256" }, claims, SECRET_A);
    const kb = hsToken({ alg: "HS256" }, { nonce: "n" }, SECRET_A);
    const token = `${issuer}~${name}~${street}~${kb}`;
    const d = decode(token);
    assert.equal(d.sdJwt.hashAlg, "sha-256");
    assert.equal(d.sdJwt.keyBindingJwt, kb);
    assert.deepEqual(d.sdJwt.disclosures.map((x) => [x.name, x.value, x.path, x.salt]), [
      ["given_name", "Ada", "given_name", "salt-1"],
      ["street", "Main St", "address.street", "salt-2"],
    ]);
    assert.equal(d.sdJwt.disclosures[0].digest, digest(name));
    assert.deepEqual(slice(token, d, "disclosure"), [name, street]);
    assert.deepEqual(slice(token, d, "kb_jwt"), [kb]);
    assert.equal(verify(token, SECRET_A, OPTIONS).valid, true);

    const altered = b64u(JSON.stringify(["salt-2", "street", "Main Sr"]));
    const tampered = token.replace(street, altered);
    const mismatch = decode(tampered).diagnostics.find((x) => x.code === "sd_digest_mismatch");
    assert.equal(mismatch?.severity, "warning");
    assert.equal(verify(tampered, SECRET_A, OPTIONS).valid, false);
  });
});
