// Reproducible randomness for the differential tests: every key, secret, claim and tampering is
// drawn from one seed, so a failing case is replayed exactly with JWT_LENS_DIFF_SEED=<seed>.
//
// Bytes come from SHA-256 in counter mode over the seed (not secure, not meant to be: it only has
// to be reproducible). Keys are made from those bytes and handed to node:crypto for encoding:
// Ed25519 from a 32-byte seed, EC from a private scalar (node computes the public point), RSA
// from two primes found here with Miller–Rabin over BigInt.

import { createECDH, createHash, createPrivateKey, createPublicKey } from "node:crypto";

/** A deterministic source of bytes, integers and choices for `seed` (a string). */
export function rng(seed) {
  let counter = 0;
  let pool = Buffer.alloc(0);
  function bytes(n) {
    while (pool.length < n) {
      const block = createHash("sha256").update(`${seed}\u0000${counter++}`).digest();
      pool = Buffer.concat([pool, block]);
    }
    const out = pool.subarray(0, n);
    pool = pool.subarray(n);
    return Buffer.from(out);
  }
  /** An integer in [0, n) for n ≤ 2^32 (modulo bias is irrelevant here). */
  const int = (n) => bytes(4).readUInt32BE(0) % n;
  return { bytes, int, pick: (list) => list[int(list.length)], chance: (p) => int(1_000_000) < p * 1_000_000 };
}

// ---- keys, each returned as { privateKey, publicKey, privatePem, publicPem } (KeyObjects + PEM) ----

function fromPrivate(privateKey) {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }),
    publicPem: publicKey.export({ type: "spki", format: "pem" }),
  };
}

/** RFC 8410 PKCS#8 for an Ed25519 seed: a fixed prefix and the 32 seed bytes. */
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export function ed25519Key(r) {
  const der = Buffer.concat([ED25519_PKCS8_PREFIX, r.bytes(32)]);
  return fromPrivate(createPrivateKey({ key: der, format: "der", type: "pkcs8" }));
}

/** JWK curve name → OpenSSL curve name and scalar bytes; the scalar is one byte shorter than the order, so it is below it. */
const CURVES = {
  "P-256": ["prime256v1", 32],
  "P-384": ["secp384r1", 48],
  "P-521": ["secp521r1", 66],
  secp256k1: ["secp256k1", 32],
};

export function ecKey(r, crv) {
  const [name, size] = CURVES[crv];
  const scalar = Buffer.concat([Buffer.alloc(1), r.bytes(size - 1)]);
  const ecdh = createECDH(name);
  ecdh.setPrivateKey(scalar);
  const point = ecdh.getPublicKey(null, "uncompressed"); // 04 ‖ x ‖ y
  const coord = (point.length - 1) / 2;
  const b64 = (buf) => buf.toString("base64url");
  const jwk = { kty: "EC", crv, d: b64(scalar), x: b64(point.subarray(1, 1 + coord)), y: b64(point.subarray(1 + coord)) };
  return fromPrivate(createPrivateKey({ key: jwk, format: "jwk" }));
}

// ---- RSA over BigInt ----

const SMALL_PRIMES = (() => {
  const primes = [];
  for (let n = 3; primes.length < 300; n += 2) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes;
})();

function modPow(base, exp, mod) {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

function bigFrom(buf) {
  return BigInt(`0x${buf.toString("hex")}`);
}

function isProbablePrime(n, r, rounds) {
  for (const p of SMALL_PRIMES) if (n % BigInt(p) === 0n) return false;
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s += 1;
  }
  witness: for (let i = 0; i < rounds; i++) {
    const a = 2n + (bigFrom(r.bytes(16)) % (n - 4n));
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let j = 1; j < s; j++) {
      x = (x * x) % n;
      if (x === n - 1n) continue witness;
    }
    return false;
  }
  return true;
}

/** A prime of exactly `bits` bits with its top two bits set (so p·q has 2·bits bits), p−1 coprime to 65537. */
function prime(r, bits) {
  const top = 3n << BigInt(bits - 2);
  let candidate = bigFrom(r.bytes(bits / 8)) | top | 1n;
  for (;;) {
    if ((candidate - 1n) % 65537n !== 0n && isProbablePrime(candidate, r, 1) && isProbablePrime(candidate, r, 40)) return candidate;
    candidate += 2n;
  }
}

function modInverse(a, m) {
  let [oldR, rr] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (rr !== 0n) {
    const q = oldR / rr;
    [oldR, rr] = [rr, oldR - q * rr];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

function b64Big(n) {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, "hex").toString("base64url");
}

export function rsaKey(r, bits = 2048) {
  const e = 65537n;
  const p = prime(r, bits / 2);
  let q = prime(r, bits / 2);
  while (q === p) q = prime(r, bits / 2);
  const n = p * q;
  const d = modInverse(e, (p - 1n) * (q - 1n));
  const jwk = {
    kty: "RSA",
    n: b64Big(n),
    e: b64Big(e),
    d: b64Big(d),
    p: b64Big(p),
    q: b64Big(q),
    dp: b64Big(d % (p - 1n)),
    dq: b64Big(d % (q - 1n)),
    qi: b64Big(modInverse(q, p)),
  };
  return fromPrivate(createPrivateKey({ key: jwk, format: "jwk" }));
}
