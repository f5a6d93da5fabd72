// Differential tests (issue 7): jwt-lens, panva/jose and PyJWT (with cryptography) judge the
// same tokens — made from seeded random keys, claims and tamperings (cases.mjs) — and every
// disagreement with a strict verifier's verdict must be a documented policy difference
// (policy.mjs, mirrored in README.md here). Tokens signed by each library must verify in the
// others with the same claims, and deterministic signatures must be byte-identical.
//
//   node --test tests/diff/                      # needs pkg/ (scripts/build) and .venv-diff/
//   JWT_LENS_DIFF_SEED=x JWT_LENS_DIFF_CASES=8 node --test tests/diff/   # another seed, more cases

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { TAMPERINGS, randomClaims } from "./cases.mjs";
import { PYTHON_MISSING, joseSign, joseVerify, keyForms, lens, lensVerify, nodeSignature, pyjwt } from "./peers.mjs";
import { POLICY } from "./policy.mjs";
import { ecKey, ed25519Key, rng, rsaKey } from "./seeded.mjs";

const SEED = process.env.JWT_LENS_DIFF_SEED ?? "jwt-lens-diff-1";
const CASES = Number(process.env.JWT_LENS_DIFF_CASES ?? 3);
if (PYTHON_MISSING && process.env.JWT_LENS_REQUIRE_DIFF === "1") throw new Error(PYTHON_MISSING);
const skip = PYTHON_MISSING ?? false;

/** alg → [signature bytes, the peers that support it]. jose 6 has no ES256K. */
const ALGS = {
  HS256: [32], HS384: [48], HS512: [64],
  RS256: [256], RS384: [256], RS512: [256], PS256: [256], PS384: [256], PS512: [256],
  ES256: [64], ES384: [96], ES512: [132], ES256K: [64, ["jwt-lens", "pyjwt"]],
  EdDSA: [64],
};
const VERIFIERS = ["jwt-lens", "jose", "pyjwt"];
const CURVE = { ES256: "P-256", ES384: "P-384", ES512: "P-521", ES256K: "secp256k1" };
const DETERMINISTIC = (alg) => alg.startsWith("HS") || alg.startsWith("RS") || alg === "EdDSA";

const rows = []; // { alg, index, what, token, verifyAlg, forms, expect, verifiers, claims? }
const signedBy = []; // { alg, index, signer, token, forms, claims, verifiers }
const deterministic = []; // { alg, input, node, lens, pyIndex }

if (!skip) {
  console.log(`differential seed: ${SEED} (${CASES} cases per algorithm); replay with JWT_LENS_DIFF_SEED=${SEED}`);
  const r = rng(SEED);
  const now = Math.floor(Date.now() / 1000);
  const rsa = [rsaKey(r), rsaKey(r), rsaKey(r)];
  const pyRequests = [];
  for (const [alg, [sigBytes, supported = VERIFIERS]] of Object.entries(ALGS)) {
    for (let index = 0; index < CASES; index++) {
      let material;
      let wrong;
      if (alg.startsWith("HS")) {
        material = { secret: r.bytes(sigBytes + r.int(33)) };
        wrong = { secret: r.bytes(sigBytes) };
      } else if (alg.startsWith("RS") || alg.startsWith("PS")) {
        [material, wrong] = [rsa[index % 3], rsa[(index + 1) % 3]];
      } else if (alg === "EdDSA") {
        [material, wrong] = [ed25519Key(r), ed25519Key(r)];
      } else {
        [material, wrong] = [ecKey(r, CURVE[alg]), ecKey(r, CURVE[alg])];
      }
      const forms = keyForms(material);
      const header = { alg, typ: "JWT", ...(r.chance(0.5) ? { kid: `k${r.int(1000)}` } : {}) };
      const claims = randomClaims(r, now);
      const ctx = { r, alg, forms, wrongForms: keyForms(wrong), header, claims, now, publicPem: material.publicPem };
      for (const tampering of TAMPERINGS) {
        if (tampering.applies && !tampering.applies(alg, sigBytes)) continue;
        const made = tampering.make(ctx);
        const { token, asHs256 } = typeof made === "string" ? { token: made, asHs256: false } : made;
        rows.push({ alg, index, what: tampering.name, token, verifyAlg: asHs256 ? "HS256" : alg, forms, expect: tampering.expect, verifiers: supported, claims: tampering.name === "untouched" ? claims : undefined });
      }
      // Each library signs the same header and claims; every other library must accept the token.
      const [lensKey, lensOptions] = forms.lensSign;
      signedBy.push({ alg, index, signer: "jwt-lens", token: lens.sign(header, claims, lensKey, lensOptions), forms, claims, verifiers: supported });
      if (supported.includes("jose")) signedBy.push({ alg, index, signer: "jose", token: await joseSign(header, claims, material, alg), forms, claims, verifiers: supported });
      signedBy.push({ alg, index, signer: "pyjwt", pyIndex: pyRequests.push({ op: "sign", header, payload: claims, key: forms.pySign, alg }) - 1, forms, claims, verifiers: supported });
      if (DETERMINISTIC(alg)) {
        const headerText = JSON.stringify(header);
        const payloadText = JSON.stringify(claims);
        const input = `${Buffer.from(headerText).toString("base64url")}.${Buffer.from(payloadText).toString("base64url")}`;
        const lensToken = lens.sign(headerText, payloadText, lensKey, lensOptions);
        deterministic.push({
          alg,
          input,
          node: nodeSignature(alg, forms, input),
          lens: lensToken.slice(lensToken.lastIndexOf(".") + 1),
          pyIndex: pyRequests.push({ op: "sign_raw", input, key: forms.pySign, alg }) - 1,
          sameInput: lensToken.startsWith(`${input}.`),
        });
      }
    }
  }
  const signAnswers = pyjwt(pyRequests);
  for (const s of signedBy) {
    if (s.signer !== "pyjwt") continue;
    const answer = signAnswers[s.pyIndex];
    if (!answer.ok) throw new Error(`PyJWT could not sign ${s.alg}: ${answer.error}`);
    s.token = answer.token;
  }
  for (const d of deterministic) d.py = signAnswers[d.pyIndex].signature;

  // Every verifier judges every token: PyJWT in one batch, jwt-lens and jose here.
  const judged = [...rows, ...signedBy.map((s) => ({ ...s, what: `signed by ${s.signer}`, verifyAlg: s.alg, expect: "accept" }))];
  const pyAnswers = pyjwt(judged.map((row) => ({ op: "verify", token: row.token, key: row.forms.pyVerify, alg: row.verifyAlg })));
  for (const [i, row] of judged.entries()) {
    row.verdicts = { "jwt-lens": lensVerify(row.token, row.forms, row.verifyAlg), pyjwt: pyAnswers[i] };
    if (row.verifiers.includes("jose")) row.verdicts.jose = await joseVerify(row.token, row.forms, row.verifyAlg);
  }
  rows.splice(0, rows.length, ...judged);
}

const verdictOf = (answer) => (answer.ok ? "accept" : "reject");
const policyFor = (what, verifier) => POLICY.find((p) => p.tampering === what && p.verifier === verifier);
const describe = (row, verifier) =>
  `${row.alg} case ${row.index}, "${row.what}": ${verifier} says ${verdictOf(row.verdicts[verifier])}` +
  `${row.verdicts[verifier].error ? ` (${row.verdicts[verifier].error})` : ""}, expected ${row.expect}`;

test("every verifier gives a strict verdict, or one the policy table documents", { skip }, () => {
  // Grouped by tampering and verifier, with the algorithms and one example error each.
  const unexplained = new Map();
  for (const row of rows) {
    for (const verifier of Object.keys(row.verdicts)) {
      const actual = verdictOf(row.verdicts[verifier]);
      const documented = policyFor(row.what, verifier);
      const wanted = documented?.verdict ?? row.expect;
      if (actual === wanted) continue;
      const key = `"${row.what}": ${verifier} says ${actual}, expected ${wanted}${documented ? " (policy.mjs)" : ""}`;
      const entry = unexplained.get(key) ?? { algs: new Set(), example: row.verdicts[verifier].error ?? "" };
      entry.algs.add(row.alg);
      unexplained.set(key, entry);
    }
  }
  const lines = [...unexplained].map(([key, { algs, example }]) => `${key} — ${[...algs].join(" ")}${example ? ` — e.g. ${example}` : ""}`);
  assert.deepEqual(lines, [], `verdicts differ (seed ${SEED})`);
});

test("jwt-lens never accepts a token a strict verifier rejects, beyond its documented policy", { skip }, () => {
  const accepted = rows
    .filter((row) => row.expect === "reject" && row.verdicts["jwt-lens"].ok && !policyFor(row.what, "jwt-lens"))
    .map((row) => describe(row, "jwt-lens"));
  assert.deepEqual(accepted, []);
});

test("every documented policy difference is observed with this seed (the table stays true)", { skip }, () => {
  for (const entry of POLICY) {
    const seen = rows.filter((row) => row.what === entry.tampering && row.verdicts[entry.verifier] !== undefined);
    assert.ok(seen.length > 0, `policy.mjs names "${entry.tampering}", which no case produced`);
    assert.ok(seen.every((row) => verdictOf(row.verdicts[entry.verifier]) === entry.verdict), `${entry.verifier} on "${entry.tampering}"`);
  }
});

test("the policy table in tests/diff/README.md lists every entry of policy.mjs", { skip }, () => {
  const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
  for (const entry of POLICY) assert.ok(readme.includes(`| ${entry.tampering} | ${entry.verifier} | ${entry.verdict} |`), `README row for ${entry.tampering} / ${entry.verifier}`);
});

test("a token signed by any library verifies in every library, with the same claims", { skip }, () => {
  const signed = rows.filter((row) => row.what.startsWith("signed by ") || row.what === "untouched");
  assert.ok(signed.length >= Object.keys(ALGS).length * CASES * 3);
  for (const row of signed) {
    const expected = JSON.parse(JSON.stringify(row.claims));
    for (const [verifier, answer] of Object.entries(row.verdicts)) {
      assert.ok(answer.ok, describe(row, verifier));
      assert.deepEqual(answer.payload, expected, `${row.alg} "${row.what}": ${verifier}'s claims differ`);
    }
  }
});

test("deterministic signatures (HS*, RS*, EdDSA) are byte-identical in jwt-lens, PyJWT and node:crypto", { skip }, () => {
  assert.ok(deterministic.length > 0);
  for (const d of deterministic) {
    assert.ok(d.sameInput, `${d.alg}: jwt-lens signed the header and payload texts verbatim`);
    assert.equal(d.lens, d.node, `${d.alg}: jwt-lens vs node:crypto`);
    assert.equal(d.py, d.node, `${d.alg}: PyJWT vs node:crypto`);
  }
});

after(() => {
  if (!skip) console.log(`differential: ${rows.length} tokens judged by jwt-lens, jose and PyJWT`);
});
