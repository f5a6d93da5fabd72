// Public types of the jwt-lens npm package. Every export is documented; no `any` appears here.

/** Any value JSON can hold, as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [member: string]: JsonValue };

/** A JSON object, e.g. a JOSE header or a JWT claims set. */
export type JsonObject = { [member: string]: JsonValue };

/** How serious a diagnostic is. `error` makes `verify` fail; `warning` and `info` never do. */
export type Severity = "error" | "warning" | "info";

/** Stable diagnostic codes shared by the Rust core and the JS API (see the README's table). */
export type DiagnosticCode =
  | "malformed" | "invalid_base64" | "invalid_utf8" | "invalid_json" | "header_not_object"
  | "duplicate_member" | "unsupported_alg" | "alg_none" | "alg_not_allowed" | "key_alg_mismatch"
  | "invalid_key" | "weak_key" | "key_not_found" | "signature_invalid" | "signature_der_encoded"
  | "crit_unsupported" | "b64_invalid" | "expired" | "not_yet_valid" | "iat_in_future"
  | "token_too_old" | "claim_type" | "missing_claim" | "issuer_mismatch" | "audience_mismatch"
  | "subject_mismatch" | "typ_mismatch" | "embedded_key_ignored" | "secret_encoding_hint"
  | "bearer_prefix" | "too_large" | "invalid_option" | "internal";

/** One finding about a token, key or call. */
export interface Diagnostic {
  /** Stable machine-readable code. */
  code: DiagnosticCode;
  severity: Severity;
  /** One sentence for a person. */
  message: string;
  /** What to try next, when there is something to try. */
  hint?: string;
}

/** What kind of token the input is. */
export type TokenKind = "jws" | "jwe" | "unsecured" | "invalid";

/** The name of one dot-separated part of a compact token. */
export type SegmentPart =
  | "header" | "payload" | "signature"
  | "encrypted_key" | "iv" | "ciphertext" | "tag"
  | "extra";

/** Where one part sits in the input, as UTF-16 offsets (`input.slice(start, end)`). */
export interface Segment {
  part: SegmentPart;
  start: number;
  end: number;
}

/** The result of `decode`: everything that could be decoded, plus what was wrong. Nothing here is verified. */
export interface Decoded {
  kind: TokenKind;
  /** The parsed protected header, or `null` when it could not be decoded as a JSON object. */
  header: JsonObject | null;
  /** The header's exact decoded text (key order, big numbers and duplicate members preserved). */
  headerJson: string | null;
  /** The parsed payload when it is JSON, its text when it is not, `null` when undecodable (or JWE). */
  payload: JsonValue | null;
  /** The payload's exact decoded text. */
  payloadJson: string | null;
  /** The signature segment as it appears in the token (base64url), or `null`. */
  signature: string | null;
  /** The token's parts, in order, for colouring the input. */
  segments: Segment[];
  diagnostics: Diagnostic[];
}

/** How a string secret is turned into bytes. Default `"utf8"`. */
export type SecretEncoding = "utf8" | "base64" | "base64url" | "hex";

/** JWS algorithms the npm package can verify and sign. */
export type Algorithm =
  | "HS256" | "HS384" | "HS512"
  | "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512"
  | "ES256" | "ES384" | "ES512" | "ES256K"
  | "EdDSA" | "Ed25519"
  | "ML-DSA-44" | "ML-DSA-65" | "ML-DSA-87";

/** A JSON Web Key (RFC 7517) as a plain object. */
export interface Jwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  n?: string;
  e?: string;
  kid?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  k?: string;
  [member: string]: JsonValue | undefined;
}

/** A JSON Web Key Set (RFC 7517 §5). */
export interface Jwks {
  keys: Jwk[];
}

/** What an X.509 certificate says about itself (nothing here is verified). */
export interface CertificateInfo {
  /** The subject's distinguished name (RFC 4514). */
  subject: string;
  /** The issuer's distinguished name. */
  issuer: string;
  /** The serial number, hex. */
  serialNumber: string;
  /** notBefore, NumericDate seconds. */
  notBefore: number;
  /** notAfter, NumericDate seconds. */
  notAfter: number;
}

/** A key parsed once by `importKey` and reused by `verify` and `sign`. */
export interface KeyHandle {
  /** An HMAC secret, or the public or private half of an asymmetric key. */
  readonly kind: "secret" | "public" | "private" | "unsupported";
  /** The JWK key type. */
  readonly kty: "oct" | "RSA" | "EC" | "OKP" | "AKP" | string;
  /** The curve (`"P-256"`, `"Ed25519"`…) of an EC or OKP key, else `null`. */
  readonly curve: string | null;
  /** What the input was. */
  readonly format: "secret" | "pem" | "der" | "certificate" | "jwk" | "jwks";
  /** Key size in bits. */
  readonly bits: number;
  /** The algorithms this key can be used with. */
  readonly algorithms: Algorithm[];
  /** RFC 7638 JWK thumbprint (SHA-256, base64url). */
  readonly thumbprint: string;
  readonly kid: string | null;
  /** The public key as a JWK (derived from a private key), `null` for a secret. */
  readonly publicJwk: Jwk | null;
  /** The public key as a PEM `PUBLIC KEY` block (SPKI), `null` for a secret. Never the private key. */
  readonly publicPem: string | null;
  /** For an X.509 certificate: what it says about itself. Unverified: no chain is checked. */
  readonly certificate: CertificateInfo | null;
  /** How many keys the input held (a JWK Set may hold several). */
  readonly keyCount: number;
  readonly diagnostics: Diagnostic[];
}

/** What `verify` and `sign` accept as a key. */
export type KeyInput = string | Jwk | Jwks | KeyHandle;

/** Options of `verify`. Every member is optional. */
export interface VerifyOptions {
  /** Algorithms accepted. Default: every algorithm the key is for. */
  algorithms?: Algorithm[];
  /** How a string secret becomes bytes. Default `"utf8"`. */
  secretEncoding?: SecretEncoding;
  /** The time to validate at, in NumericDate seconds. Default: the current time. */
  now?: number;
  /** Seconds of clock skew tolerated for `exp` and `nbf`. Default `0`. */
  leeway?: number;
}

/** One validation step and its outcome. */
export interface Check {
  /** What was checked: `"format"`, `"alg"`, `"key"`, `"crit"`, `"signature"`, `"exp"`, `"nbf"`, `"claims"`. */
  name: string;
  ok: boolean;
  /** Set when the check failed. */
  code?: DiagnosticCode;
  message: string;
}

/** The result of `verify`. `valid` is true only when the signature verified with the caller's key and every check passed. */
export interface VerifyReport {
  valid: boolean;
  signatureValid: boolean;
  /** The header's `alg` (untrusted, as the token states it). */
  alg: string | null;
  /** The header's `kid` (untrusted). */
  kid: string | null;
  /** RFC 7638 thumbprint of the key that was used, or `null`. */
  keyThumbprint: string | null;
  header: JsonObject | null;
  payload: JsonValue | null;
  checks: Check[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** Options of `sign`. */
export interface SignOptions {
  /** How a string secret becomes bytes. Default `"utf8"`. */
  secretEncoding?: SecretEncoding;
}

/** Options of `generateKey`. */
export interface GenerateKeyOptions {
  /** Secret length in bytes for HS*; default and minimum: the hash output length. */
  size?: number;
  /** RSA modulus length in bits for RS* and PS*: 2048 (default), 3072 or 4096. */
  modulusLength?: 2048 | 3072 | 4096;
}

/** A freshly generated key. */
export interface GeneratedKey {
  alg: Algorithm;
  /** The RFC 7638 thumbprint, suggested as `kid`. */
  kid: string;
  privateJwk: Jwk;
  /** `null` for symmetric keys: an HMAC secret has no public half. */
  publicJwk: Jwk | null;
  /** The private key as a PEM `PRIVATE KEY` block (PKCS#8); asymmetric keys only. */
  privatePem?: string;
  /** The public key as a PEM `PUBLIC KEY` block (SPKI); asymmetric keys only. */
  publicPem?: string;
  /** The HMAC secret, base64url-encoded (use `secretEncoding: "base64url"`). */
  secret?: string;
}

/** Options of `importKey`. */
export interface ImportKeyOptions {
  /** How a string secret becomes bytes. Default `"utf8"`. */
  secretEncoding?: SecretEncoding;
}

/** Thrown for caller mistakes (an unusable key or algorithm, a bad argument). Bad tokens never throw. */
export declare class JwtLensError extends Error {
  readonly name: "JwtLensError";
  readonly code: DiagnosticCode;
  readonly hint?: string;
}

/** Loads the WebAssembly engine where needed; a resolved no-op where it is already loaded. */
export default function init(source?: BufferSource | URL | string | Response | WebAssembly.Module): Promise<void>;

/** Decodes a token without verifying it. Never throws on bad input. */
export declare function decode(token: string): Decoded;

/** Verifies a token's signature with the caller's key and validates its claims. Never throws on a bad token or key. */
export declare function verify(token: string, key: KeyInput, options?: VerifyOptions): VerifyReport;

/** Signs a JWS. `header.alg` is required and must fit the key. Throws `JwtLensError` on an unusable key or alg. */
export declare function sign(header: JsonObject | string, payload: JsonObject | string, key: KeyInput, options?: SignOptions): string;

/** Generates a fresh key for `alg`. */
export declare function generateKey(alg: Algorithm, options?: GenerateKeyOptions): GeneratedKey;

/** Parses a key once; the handle makes repeated `verify` calls faster. Throws `JwtLensError` on an unusable key. */
export declare function importKey(input: string | Jwk | Jwks, options?: ImportKeyOptions): KeyHandle;

/** The package version. */
export declare const version: string;
