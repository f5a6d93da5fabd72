// What each registered name means: the JWT claims of the IANA "JSON Web Token Claims" registry
// (incl. OpenID Connect's) and the parameters of the IANA "JSON Web Signature and Encryption
// Header Parameters" registry, each with one line of description and where it is defined.
//
// A reference names a section only where we are sure of it; otherwise it names the document.
// Names a token uses that are in neither table are shown as "not registered" (private claims
// are allowed, RFC 7519 §4.3), never guessed at.

const RFC7519 = (section) => `RFC 7519 §${section}`;
const OIDC = (section) => `OpenID Connect Core 1.0 §${section}`;
const RFC7515 = (section) => `RFC 7515 §${section}`;
const RFC7516 = (section) => `RFC 7516 §${section}`;
const RFC7518 = (section) => `RFC 7518 §${section}`;

/** Time claims: NumericDate values (seconds since the epoch, RFC 7519 §2). */
export const TIME_CLAIMS = new Set(["exp", "nbf", "iat", "auth_time", "updated_at", "toe"]);

/** Registered JWT claims: name → [description, reference]. */
export const CLAIMS = {
  iss: ["Issuer: who made and signed the token", RFC7519("4.1.1")],
  sub: ["Subject: whom the token is about", RFC7519("4.1.2")],
  aud: ["Audience: the recipients the token is meant for", RFC7519("4.1.3")],
  exp: ["Expiration time: the token must not be accepted on or after it", RFC7519("4.1.4")],
  nbf: ["Not before: the token must not be accepted before it", RFC7519("4.1.5")],
  iat: ["Issued at: when the token was made", RFC7519("4.1.6")],
  jti: ["JWT ID: a unique identifier, used to prevent replay", RFC7519("4.1.7")],

  name: ["Full name", OIDC("5.1")],
  given_name: ["Given (first) name(s)", OIDC("5.1")],
  family_name: ["Surname(s) or family name", OIDC("5.1")],
  middle_name: ["Middle name(s)", OIDC("5.1")],
  nickname: ["Casual name", OIDC("5.1")],
  preferred_username: ["Shorthand name the user wishes to be referred to by", OIDC("5.1")],
  profile: ["URL of the user's profile page", OIDC("5.1")],
  picture: ["URL of the user's profile picture", OIDC("5.1")],
  website: ["URL of the user's web page or blog", OIDC("5.1")],
  email: ["Preferred e-mail address", OIDC("5.1")],
  email_verified: ["Whether the e-mail address was verified", OIDC("5.1")],
  gender: ["Gender", OIDC("5.1")],
  birthdate: ["Birthday (YYYY-MM-DD or YYYY)", OIDC("5.1")],
  zoneinfo: ["Time zone (IANA tz database name)", OIDC("5.1")],
  locale: ["Locale (BCP 47 language tag)", OIDC("5.1")],
  phone_number: ["Preferred telephone number", OIDC("5.1")],
  phone_number_verified: ["Whether the phone number was verified", OIDC("5.1")],
  address: ["Preferred postal address (JSON object)", OIDC("5.1")],
  updated_at: ["When the user's information was last updated", OIDC("5.1")],
  auth_time: ["When the user authenticated", OIDC("2")],
  nonce: ["Value binding the ID token to the client's request, against replay", OIDC("2")],
  acr: ["Authentication context class reference", OIDC("2")],
  amr: ["Authentication methods used (values in RFC 8176)", OIDC("2")],
  azp: ["Authorized party: the client the ID token was issued to", OIDC("2")],
  at_hash: ["Hash of the access token issued with this ID token", "OpenID Connect Core 1.0"],
  c_hash: ["Hash of the authorization code issued with this ID token", "OpenID Connect Core 1.0"],
  sub_jwk: ["Public key that signed a self-issued ID token", "OpenID Connect Core 1.0"],
  _claim_names: ["Which claims are aggregated or distributed", "OpenID Connect Core 1.0"],
  _claim_sources: ["Where aggregated or distributed claims come from", "OpenID Connect Core 1.0"],
  sid: ["Session ID at the OpenID provider", "OpenID Connect Front-Channel Logout 1.0"],
  events: ["Security events this token reports (a SET)", "RFC 8417 §2.2"],
  toe: ["Time of the security event", "RFC 8417 §2.2"],
  txn: ["Transaction identifier linking related events", "RFC 8417 §2.2"],

  act: ["Actor: who acts on behalf of the subject (delegation)", "RFC 8693 §4.1"],
  scope: ["Space-separated scopes granted", "RFC 8693 §4.2"],
  client_id: ["The OAuth client that requested the token", "RFC 8693 §4.3"],
  may_act: ["Who is allowed to act on behalf of the subject", "RFC 8693 §4.4"],
  cnf: ["Confirmation: the key the presenter must prove possession of", "RFC 7800 §3.1"],
  roles: ["Roles of the subject", "RFC 9068 §2.2.3.1"],
  groups: ["Groups the subject belongs to", "RFC 9068 §2.2.3.1"],
  entitlements: ["Entitlements of the subject", "RFC 9068 §2.2.3.1"],
  htm: ["DPoP: HTTP method of the request the proof is for", "RFC 9449 §4.2"],
  htu: ["DPoP: HTTP URI of the request the proof is for", "RFC 9449 §4.2"],
  ath: ["DPoP: hash of the access token the proof is sent with", "RFC 9449 §4.2"],
  sub_id: ["Subject identifier in a structured format", "RFC 9493"],
  vot: ["Vector of trust value", "RFC 8485"],
  vtm: ["Vector of trust trustmark URL", "RFC 8485"],
  orig: ["PASSporT: originating identity", "RFC 8225"],
  dest: ["PASSporT: destination identities", "RFC 8225"],
  mky: ["PASSporT: media key fingerprints", "RFC 8225"],
  _sd: ["SD-JWT: digests of selectively disclosable claims", "SD-JWT (IETF OAuth WG)"],
  _sd_alg: ["SD-JWT: hash algorithm of the disclosure digests", "SD-JWT (IETF OAuth WG)"],
  sd_hash: ["SD-JWT key binding: hash of the presented SD-JWT", "SD-JWT (IETF OAuth WG)"],
};

/** Registered JOSE header parameters: name → [description, reference]. */
export const HEADER_PARAMETERS = {
  alg: ["Algorithm that secures the token; a verifier pins it, never the token", RFC7515("4.1.1")],
  jku: ["URL of a JWK Set holding the key (never fetched here)", RFC7515("4.1.2")],
  jwk: ["The public key, embedded (never trusted here)", RFC7515("4.1.3")],
  kid: ["Key ID: hint for which key verifies the token", RFC7515("4.1.4")],
  x5u: ["URL of an X.509 certificate chain (never fetched here)", RFC7515("4.1.5")],
  x5c: ["X.509 certificate chain, embedded (never trusted here)", RFC7515("4.1.6")],
  x5t: ["SHA-1 thumbprint of the X.509 certificate", RFC7515("4.1.7")],
  "x5t#S256": ["SHA-256 thumbprint of the X.509 certificate", RFC7515("4.1.8")],
  typ: ["Media type of the whole token (e.g. JWT, at+jwt)", RFC7515("4.1.9")],
  cty: ["Media type of the payload; JWT means a nested token", RFC7515("4.1.10")],
  crit: ["Extensions the verifier must understand, or reject the token", RFC7515("4.1.11")],
  enc: ["JWE: content encryption algorithm", RFC7516("4.1.2")],
  zip: ["JWE: compression applied before encryption", RFC7516("4.1.3")],
  epk: ["ECDH-ES: ephemeral public key", RFC7518("4.6.1.1")],
  apu: ["ECDH-ES: agreement PartyUInfo", RFC7518("4.6.1.2")],
  apv: ["ECDH-ES: agreement PartyVInfo", RFC7518("4.6.1.3")],
  iv: ["AES-GCM key wrap: initialization vector", RFC7518("4.7.1.1")],
  tag: ["AES-GCM key wrap: authentication tag", RFC7518("4.7.1.2")],
  p2s: ["PBES2: salt input", RFC7518("4.8.1.1")],
  p2c: ["PBES2: iteration count", RFC7518("4.8.1.2")],
  b64: ["false: the payload is not base64url-encoded", "RFC 7797 §3"],
  url: ["ACME: the URL the request is for", "RFC 8555 §6.4.1"],
  nonce: ["ACME: anti-replay nonce from the server", "RFC 8555 §6.5.2"],
  ppt: ["PASSporT extension type", "RFC 8225"],
  svt: ["Signature validation token", "RFC 9321"],
  iss: ["Issuer, replicated from the claims", RFC7519("5.3")],
  sub: ["Subject, replicated from the claims", RFC7519("5.3")],
  aud: ["Audience, replicated from the claims", RFC7519("5.3")],
};

/** `[description, reference]` for a claim, or null when it is not registered. */
export function describeClaim(name) {
  return Object.hasOwn(CLAIMS, name) ? CLAIMS[name] : null;
}

/** `[description, reference]` for a header parameter, or null when it is not registered. */
export function describeHeaderParameter(name) {
  return Object.hasOwn(HEADER_PARAMETERS, name) ? HEADER_PARAMETERS[name] : null;
}
