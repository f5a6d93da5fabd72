// The three verifiers and signers the differential tests compare — jwt-lens (the built package),
// panva/jose (npm) and PyJWT with cryptography (PyPI, in .venv-diff/) — each behind the same small
// interface, plus node:crypto as the independent signer of exact texts.

import { spawnSync } from "node:child_process";
import { constants, createHmac, sign as nodeSign } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as jose from "jose";
import { lens, repoRoot } from "../js/helpers.mjs";

export { lens };

/** The venv scripts/lib/tools.sh (ensure_diff_venv) makes from tests/diff/requirements.txt. */
export const PYTHON = join(repoRoot, ".venv-diff", "bin", "python");
export const PYTHON_MISSING = existsSync(PYTHON)
  ? null
  : `${PYTHON} is missing (scripts/test makes it from tests/diff/requirements.txt); differential tests skipped`;

const ORACLE = join(repoRoot, "tests", "diff", "pyjwt_oracle.py");

/** Runs a batch of PyJWT requests (see pyjwt_oracle.py) in one Python process. */
export function pyjwt(requests) {
  const run = spawnSync(PYTHON, [ORACLE], { input: JSON.stringify(requests), encoding: "utf8", maxBuffer: 256 << 20 });
  if (run.status !== 0) throw new Error(`pyjwt_oracle.py failed (${run.status}): ${run.stderr}`);
  const answers = JSON.parse(run.stdout);
  if (answers.length !== requests.length) throw new Error("pyjwt_oracle.py answered a different number of requests");
  return answers;
}

/**
 * A key as each library takes it. `material` is { secret: Buffer } for HMAC or the seeded key
 * pair ({ privateKey, publicKey, privatePem, publicPem }).
 */
export function keyForms(material) {
  if (material.secret !== undefined) {
    const hex = material.secret.toString("hex");
    return {
      lensVerify: [hex, { secretEncoding: "hex" }],
      lensSign: [hex, { secretEncoding: "hex" }],
      joseVerify: new Uint8Array(material.secret),
      pyVerify: { secret_hex: hex },
      pySign: { secret_hex: hex },
      node: material.secret,
    };
  }
  return {
    lensVerify: [material.publicPem, {}],
    lensSign: [material.privatePem, {}],
    joseVerify: material.publicKey,
    pyVerify: { pem: material.publicPem },
    pySign: { pem: material.privatePem },
    node: material.privateKey,
  };
}

/** jwt-lens's verdict: { ok, payload?, error? } (error: the codes of the failed checks and errors). */
export function lensVerify(token, forms, alg) {
  const [key, options] = forms.lensVerify;
  const report = lens.verify(token, key, { ...options, algorithms: [alg] });
  if (report.valid) return { ok: true, payload: report.payload };
  const codes = [...report.errors.map((e) => e.code), ...report.checks.filter((c) => !c.ok).map((c) => c.code)];
  return { ok: false, error: [...new Set(codes)].join(",") };
}

/** jose's verdict with `jwtVerify` (algorithm pinned). */
export async function joseVerify(token, forms, alg) {
  try {
    const { payload } = await jose.jwtVerify(token, forms.joseVerify, { algorithms: [alg] });
    return { ok: true, payload };
  } catch (error) {
    return { ok: false, error: `${error.code ?? error.name}: ${error.message}` };
  }
}

/** jose's token for `header` and `claims` (its own JSON text). */
export async function joseSign(header, claims, material, alg) {
  const key = material.secret !== undefined ? new Uint8Array(material.secret) : material.privateKey;
  return new jose.SignJWT(claims).setProtectedHeader({ ...header, alg }).sign(key);
}

const NODE_HASH = { 256: "sha256", 384: "sha384", 512: "sha512" };

/**
 * The signature (base64url) over exactly `signingInput`, made with node:crypto alone: the
 * independent signer for tokens with hand-made header and payload texts.
 */
export function nodeSignature(alg, forms, signingInput) {
  const data = Buffer.from(signingInput);
  if (alg.startsWith("HS")) return createHmac(NODE_HASH[alg.slice(2)], forms.node).update(data).digest("base64url");
  if (alg === "EdDSA") return nodeSign(null, data, forms.node).toString("base64url");
  const hash = NODE_HASH[alg.slice(2, 5)];
  const options = { key: forms.node };
  if (alg.startsWith("PS")) Object.assign(options, { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
  if (alg.startsWith("ES")) options.dsaEncoding = "ieee-p1363";
  return nodeSign(hash, data, options).toString("base64url");
}
