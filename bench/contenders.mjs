// The contenders shared by bench/algorithms.mjs and bench/table.mjs: fresh key pairs, and per
// algorithm one sign and one verify row per library (jwt-lens, jose, fast-jwt, jsonwebtoken), each
// with its key imported once and its output checked before any timing. Not a test.

import { constants, generateKeyPairSync, verify as nodeVerify } from "node:crypto";
import { createSigner, createVerifier } from "fast-jwt";
import jsonwebtoken from "jsonwebtoken";
import * as jose from "jose";
import { fail } from "./lib.mjs";

/** The peers, in table order. */
export const PEERS = ["jose", "fast-jwt", "jsonwebtoken"];

/** A fresh key pair of `type` as KeyObjects and PEM (SPKI / PKCS#8). */
export function pair(type, opts) {
  const { publicKey, privateKey } = generateKeyPairSync(type, opts);
  return {
    publicKey, // KeyObject (jsonwebtoken, node:crypto cross-check)
    privateKey,
    publicPem: publicKey.export({ type: "spki", format: "pem" }),
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }),
  };
}

/** Independent check with node:crypto that `token` is a valid `alg` signature under `key.publicKey`. */
export function nodeCheck(token, alg, key) {
  const dot = token.lastIndexOf(".");
  const data = Buffer.from(token.slice(0, dot));
  const sig = Buffer.from(token.slice(dot + 1), "base64url");
  const hash = alg === "EdDSA" ? null : `sha${alg.slice(2, 5)}`;
  const opts = { key: key.publicKey };
  if (alg.startsWith("PS")) Object.assign(opts, { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
  if (alg.startsWith("ES")) opts.dsaEncoding = "ieee-p1363";
  return nodeVerify(hash, data, opts, sig);
}

/**
 * Sign and verify rows for one case `c` = { label, alg, key, peers }: `sign` and `verify` are
 * arrays of { lib, name, sync | async } for lib.mjs's bench(). Every signer's output is checked with
 * node:crypto and jwt-lens first; a rejection aborts the run (exit code 1).
 */
export async function contenders(lens, c, claims) {
  const { alg, key } = c;
  const header = { alg, typ: "JWT" };
  const lensPriv = lens.importKey(key.privatePem);
  const lensPub = lens.importKey(key.publicPem);
  const lensOpts = { algorithms: [alg] };
  const sign = [];
  const verify = [];

  sign.push({ lib: "jwt-lens", sync: (n) => { for (let i = 0; i < n; i++) lens.sign(header, claims, lensPriv); }, once: () => lens.sign(header, claims, lensPriv) });

  let token; // the reference token every verifier checks: signed by jose where it can, else by jwt-lens
  let josePub;
  if (c.peers.includes("jose")) {
    const josePriv = await jose.importPKCS8(key.privatePem, alg);
    josePub = await jose.importSPKI(key.publicPem, alg);
    const joseSign = () => new jose.SignJWT(claims).setProtectedHeader(header).sign(josePriv);
    sign.push({ lib: "jose", async: async (n) => { for (let i = 0; i < n; i++) await joseSign(); }, once: joseSign });
    token = await joseSign();
  } else {
    token = lens.sign(header, claims, lensPriv);
  }
  if (!nodeCheck(token, alg, key)) fail(`reference ${alg} token`, "node:crypto does not verify it");

  verify.push({
    lib: "jwt-lens",
    sync(n) {
      for (let i = 0; i < n; i++) {
        const r = lens.verify(token, lensPub, lensOpts);
        if (!r.valid) fail(`jwt-lens ${c.label}`, JSON.stringify(r.errors));
      }
    },
  });
  if (josePub) {
    const opts = { algorithms: [alg] };
    verify.push({
      lib: "jose",
      async async(n) {
        for (let i = 0; i < n; i++) {
          const { payload } = await jose.jwtVerify(token, josePub, opts);
          if (payload.sub !== claims.sub) fail(`jose ${c.label}`, "payload mismatch");
        }
      },
    });
  }
  if (c.peers.includes("fast-jwt")) {
    const fastSign = createSigner({ key: key.privatePem, algorithm: alg });
    const fastVerify = createVerifier({ key: key.publicPem, algorithms: [alg] }); // result cache off (default)
    sign.push({ lib: "fast-jwt", sync: (n) => { for (let i = 0; i < n; i++) fastSign(claims); }, once: () => fastSign(claims) });
    verify.push({
      lib: "fast-jwt",
      sync(n) {
        for (let i = 0; i < n; i++) if (fastVerify(token).sub !== claims.sub) fail(`fast-jwt ${c.label}`, "payload mismatch");
      },
    });
  }
  if (c.peers.includes("jsonwebtoken")) {
    const signOpts = { algorithm: alg };
    const verifyOpts = { algorithms: [alg] };
    sign.push({ lib: "jsonwebtoken", sync: (n) => { for (let i = 0; i < n; i++) jsonwebtoken.sign(claims, key.privateKey, signOpts); }, once: () => jsonwebtoken.sign(claims, key.privateKey, signOpts) });
    verify.push({
      lib: "jsonwebtoken",
      sync(n) {
        for (let i = 0; i < n; i++) {
          if (jsonwebtoken.verify(token, key.publicKey, verifyOpts).sub !== claims.sub) fail(`jsonwebtoken ${c.label}`, "payload mismatch");
        }
      },
    });
  }

  // Every signer's output must verify, with node:crypto and with jwt-lens.
  for (const s of sign) {
    const t = await s.once();
    if (!nodeCheck(t, alg, key)) fail(`${s.lib} ${c.label} sign`, "node:crypto does not verify its token");
    const r = lens.verify(t, lensPub, lensOpts);
    if (!r.valid) fail(`${s.lib} ${c.label} sign`, `jwt-lens does not verify its token: ${JSON.stringify(r.errors)}`);
  }
  for (const r of [...sign, ...verify]) r.name = `${r.lib} ${c.label}`;
  return { sign, verify, token, lensPub, lensPriv, lensOpts, header };
}
