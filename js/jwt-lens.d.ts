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
  | "bearer_prefix" | "too_large"
  // Issue 4: the token lint and the "probably meant" findings.
  | "missing_exp" | "long_lifetime" | "suspicious_kid" | "big_number" | "personal_data"
  | "known_secret" | "trailing_characters" | "pem_armour_missing"
  | "jwe_not_decrypted" | "sd_digest_mismatch" | "known_secret_not_tried"
  | "invalid_option" | "internal";

/** One finding about a token, key or call. */
export interface Diagnostic {
  /** Stable machine-readable code. */
  code: DiagnosticCode;
  /** How serious it is; only `"error"` makes a verification fail. */
  severity: Severity;
  /** One sentence for a person. */
  message: string;
  /** What to try next, when there is something to try. */
  hint?: string;
}

/** What kind of token the input is. */
export type TokenKind = "jws" | "jwe" | "unsecured" | "invalid";

/** The name of one part of a token: a compact token's dot-separated parts, the base64url values of a
 * JWS JSON serialization (`header` = a `protected` value), and an SD-JWT's disclosures and key-binding JWT. */
export type SegmentPart =
  | "header" | "payload" | "signature"
  | "encrypted_key" | "iv" | "ciphertext" | "tag"
  | "disclosure" | "kb_jwt"
  | "extra";

/** Where one part sits in the input, as UTF-16 offsets (`input.slice(start, end)`). */
export interface Segment {
  /** Which part this is. */
  part: SegmentPart;
  /** UTF-16 offset of the part's first character in the input. */
  start: number;
  /** UTF-16 offset just past the part's last character. */
  end: number;
}

/** The result of `decode`: everything that could be decoded, plus what was wrong. Nothing here is verified. */
export interface Decoded {
  /** The token's shape: a JWS, a JWE (header only), an unsecured JWT, or not a token. */
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
  /** Everything notable about the input, including why it could not be decoded. */
  diagnostics: Diagnostic[];
  /** How the token is written: compact, or JWS JSON serialization (RFC 7515 §7.2). For JSON, `header`/`headerJson` are signature 0's. */
  serialization: Serialization;
  /** Each signature of a JWS JSON serialization; `null` for a compact token. */
  signatures: SignatureInfo[] | null;
  /** `false` when the header says `"b64": false` (RFC 7797): `payload` is then the raw payload text. Otherwise `null`. */
  b64: false | null;
  /** True when the payload is detached (RFC 7515 Appendix F): verify it with the `detachedPayload` option. */
  detached: boolean;
  /** The inner token, decoded, when the header's `cty` is `JWT` (RFC 7519 §5.2); decoded at most 4 levels deep. Its `segments` index into this token's `payloadJson`. */
  nested: Decoded | null;
  /** What a compact JWE shows without its key (`kind: "jwe"`); it is never decrypted. */
  jwe: JweInfo | null;
  /** The disclosures of an SD-JWT (`<jwt>~<disclosure>~…~[<kb-jwt>]`); `header`/`payload` are the issuer JWT's. */
  sdJwt: SdJwtInfo | null;
}

/** How a JWS is serialized. */
export type Serialization = "compact" | "json-flattened" | "json-general";

/** One signature of a JWS JSON serialization. */
export interface SignatureInfo {
  /** Its position in `signatures` (0 for the flattened form). */
  index: number;
  /** The protected and unprotected headers merged (they must not share a name). */
  header: JsonObject | null;
  /** The protected header's exact decoded text, or `null` when there is none. */
  protectedJson: string | null;
  /** The unprotected `header` member, or `null`. */
  unprotected: JsonObject | null;
  /** The merged header's `alg`. */
  alg: string | null;
  /** The merged header's `kid`. */
  kid: string | null;
  /** The signature, base64url as written. */
  signature: string;
}

/** One part of a compact JWE and its decoded length. */
export interface JwePart {
  /** Which part. */
  part: "header" | "encrypted_key" | "iv" | "ciphertext" | "tag";
  /** Its decoded length in bytes, or `null` when it is not base64url. */
  length: number | null;
}

/** A compact JWE (RFC 7516 §7.1), explained but not decrypted. */
export interface JweInfo {
  /** The protected header. */
  header: JsonObject | null;
  /** Its exact decoded text. */
  headerJson: string | null;
  /** Key management algorithm (RFC 7518 §4), e.g. `"RSA-OAEP"`, `"dir"`. */
  alg: string | null;
  /** Content encryption algorithm (RFC 7518 §5), e.g. `"A256GCM"`. */
  enc: string | null;
  /** `"DEF"` when the content was compressed before encryption (RFC 7516 §4.1.3). */
  zip: string | null;
  /** The five parts and their lengths. */
  parts: JwePart[];
}

/** One SD-JWT disclosure and the claim it reveals. */
export interface SdDisclosure {
  /** The disclosure as written (base64url). */
  encoded: string;
  /** Its digest with `hashAlg`, base64url; `null` when jwt-lens does not compute that hash. */
  digest: string | null;
  /** The salt. */
  salt: string | null;
  /** The claim name; `null` for an array element. */
  name: string | null;
  /** The disclosed value. */
  value: JsonValue;
  /** Where its digest was found (`"address.street"`, `"nationalities[0]"`), or `null` (then `sd_digest_mismatch`). */
  path: string | null;
}

/** The parts of an SD-JWT after the issuer-signed JWT. */
export interface SdJwtInfo {
  /** Each disclosure, in order. */
  disclosures: SdDisclosure[];
  /** The key-binding JWT, or `null` (the SD-JWT then ends in `~`). */
  keyBindingJwt: string | null;
  /** The payload's `_sd_alg`; `"sha-256"` when absent. */
  hashAlg: string;
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
  /** Key type (RFC 7517 §4.1): `"oct"`, `"RSA"`, `"EC"`, `"OKP"` or `"AKP"` (ML-DSA). */
  kty: string;
  /** The curve of an EC or OKP key (`"P-256"`, `"Ed25519"`…). */
  crv?: string;
  /** Public coordinates / key of an EC or OKP key, base64url. */
  x?: string;
  /** EC y coordinate, base64url. */
  y?: string;
  /** The private scalar or seed of an EC or OKP key, base64url. */
  d?: string;
  /** RSA modulus, base64url. */
  n?: string;
  /** RSA public exponent, base64url. */
  e?: string;
  /** Key ID (RFC 7517 §4.5); `verify` picks the key of a set by the token's `kid`. */
  kid?: string;
  /** The one algorithm this key is for (RFC 7517 §4.4). */
  alg?: string;
  /** `"sig"` or `"enc"` (RFC 7517 §4.2); an `"enc"` key is never used to verify. */
  use?: string;
  /** Permitted operations (RFC 7517 §4.3), e.g. `["verify"]`. */
  key_ops?: string[];
  /** The secret of an `oct` key, base64url (RFC 7518 §6.4.1). */
  k?: string;
  [member: string]: JsonValue | undefined;
}

/** A JSON Web Key Set (RFC 7517 §5). */
export interface Jwks {
  /** The keys; `verify` picks by `kid`, else tries each key that fits the algorithm. */
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
  /** The key's `kid` (of the first key of a set), or `null`. */
  readonly kid: string | null;
  /** The public key as a JWK (derived from a private key), `null` for a secret. */
  readonly publicJwk: Jwk | null;
  /** The public key as a PEM `PUBLIC KEY` block (SPKI), `null` for a secret. Never the private key. */
  readonly publicPem: string | null;
  /** For an X.509 certificate: what it says about itself. Unverified: no chain is checked. */
  readonly certificate: CertificateInfo | null;
  /** How many usable keys the input held (a JWK Set may hold several). */
  readonly keyCount: number;
  /** Notes from parsing, e.g. keys of a set that were skipped. */
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
  /** Seconds of clock skew tolerated for `exp`, `nbf` and `iat`. Default `0`. */
  leeway?: number;
  /** Expected `iss`, or a list of accepted issuers (exact match). Default: not checked. */
  issuer?: string | string[];
  /** Expected audience(s): the token's `aud` (string or array) must contain one. Default: not checked. */
  audience?: string | string[];
  /** Expected `sub` (exact match). Default: not checked. */
  subject?: string;
  /** Expected `typ` header, compared as RFC 8725 §3.11 says (case-insensitive, `application/` optional). Default: not checked. */
  typ?: string;
  /** Claims that must be present. Default `[]`. */
  requiredClaims?: string[];
  /** Maximum seconds since `iat`; makes `iat` required and a future `iat` fail. Default: not checked. */
  maxTokenAge?: number;
  /** Whether `"b64": false` (RFC 7797 unencoded payload) is accepted; it also needs `crit: ["b64"]`. Default `false`: refused with `b64_invalid`. */
  supportsB64?: boolean;
  /** The content of a detached payload (RFC 7515 Appendix F), as text, not base64url. Default: none. */
  detachedPayload?: string;
}

/** One validation step and its outcome. */
export interface Check {
  /** What was checked: `"format"`, `"payload"`, `"alg"`, `"key"`, `"crit"`, `"b64"`, `"signature"`, `"signature[i]"` (one per signature of a JSON serialization), `"exp"`, `"nbf"`, `"claims"`. */
  name: string;
  /** Whether it passed. */
  ok: boolean;
  /** Set when the check failed. */
  code?: DiagnosticCode;
  /** What was found, for a person. */
  message: string;
}

/** The result of `verify`. `valid` is true only when the signature verified with the caller's key and every check passed. */
export interface VerifyReport {
  /** True only when the signature verified with a key the caller supplied and every check passed. */
  valid: boolean;
  /** True when the signature verified, whatever the claims say (an expired token can have a valid signature). */
  signatureValid: boolean;
  /** The header's `alg` (untrusted, as the token states it). */
  alg: string | null;
  /** The header's `kid` (untrusted). */
  kid: string | null;
  /** RFC 7638 thumbprint of the key that was used, or `null`. */
  keyThumbprint: string | null;
  /** The decoded header. */
  header: JsonObject | null;
  /** The decoded payload (claims), trustworthy only when `valid` is true. */
  payload: JsonValue | null;
  /** Every step, in order: format, alg, key, crit, signature, then the claims. */
  checks: Check[];
  /** Why the token is not valid (empty when `valid`). */
  errors: Diagnostic[];
  /** What is worth knowing but does not fail verification, e.g. `weak_key`, `embedded_key_ignored`. */
  warnings: Diagnostic[];
  /** For a JWS JSON serialization, the index of the signature that verified; otherwise `null`. */
  signatureIndex: number | null;
  /** For a JWK Set, the `kid` of the key that verified (`null` when it has none, or no set key verified). */
  matchedKid: string | null;
  /** For a JWK Set, the position in the set of the key that verified; otherwise `null`. */
  matchedIndex: number | null;
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
  /** The algorithm the key is for. */
  alg: Algorithm;
  /** The RFC 7638 thumbprint, suggested as `kid`. */
  kid: string;
  /** The whole key as a JWK (for HS*: an `oct` JWK with `k`, `alg` and `kid`). */
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

/** Options of `exportKey`. */
export interface ExportKeyOptions {
  /** `"jwk"` (default): one JWK; `"jwks"`: a JWK Set, each key with a `kid` (its RFC 7638 thumbprint when it had none); `"pem"`: PEM blocks (SPKI public, PKCS#8 private). */
  format?: "jwk" | "jwks" | "pem";
  /** Export the private key (or an HMAC secret, as an `oct` JWK). Default `false`: the public key. */
  private?: boolean;
  /** How a string secret becomes bytes. Default `"utf8"`. */
  secretEncoding?: SecretEncoding;
}

/** Thrown for caller mistakes (an unusable key or algorithm, a bad argument). Bad tokens never throw. */
export declare class JwtLensError extends Error {
  /** Always `"JwtLensError"`. */
  readonly name: "JwtLensError";
  /** Stable machine-readable code (see the README's table). */
  readonly code: DiagnosticCode;
  /** What to try next, when there is something to try. */
  readonly hint?: string;
}

/** Loads the WebAssembly engine where needed; a resolved no-op where it is already loaded. */
export default function init(source?: BufferSource | URL | string | Response | WebAssembly.Module): Promise<void>;

/** Decodes a token without verifying it. Never throws on bad input. A JWS JSON serialization may be given as its text or as the object. */
export declare function decode(token: string | JsonObject): Decoded;

/** Verifies a token's signature with the caller's key and validates its claims. Never throws on a bad token or key. */
export declare function verify(token: string | JsonObject, key: KeyInput, options?: VerifyOptions): VerifyReport;

/** Signs a JWS. `header.alg` is required and must fit the key. Throws `JwtLensError` on an unusable key or alg. */
export declare function sign(header: JsonObject | string, payload: JsonObject | string, key: KeyInput, options?: SignOptions): string;

/** Generates a fresh key for `alg`. */
export declare function generateKey(alg: Algorithm, options?: GenerateKeyOptions): GeneratedKey;

/** Parses a key once; the handle makes repeated `verify` calls faster. Throws `JwtLensError` on an unusable key. */
export declare function importKey(input: string | Jwk | Jwks, options?: ImportKeyOptions): KeyHandle;

/** Converts a key (any format `importKey` reads) to JWK, JWK Set or PEM text. Throws `JwtLensError` when the key cannot take that form. */
export declare function exportKey(input: string | Jwk | Jwks, options?: ExportKeyOptions): string;

/** The package version, the same as its package.json `version` (e.g. `"0.1.0"`). */
export declare const version: string;
