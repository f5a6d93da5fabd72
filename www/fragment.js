// Tokens in the URL fragment: `#token=`, and the OAuth 2.0 / OpenID Connect redirect forms
// `#id_token=` and `#access_token=` (the implicit flow returns them in the fragment together with
// `state`, `token_type`, `expires_in`…), so the page works as a redirect target. The fragment
// never reaches a server. Only a token is ever read from it, and only a token is put in it.

/** Fragment parameters that carry a token, in the order one is picked when several are there. */
export const TOKEN_PARAMS = ["token", "id_token", "access_token"];

/** The fragment's parameters (`#a=1&b=2`) as [name, value] pairs, values percent-decoded. */
export function fragmentParams(hash) {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  if (text === "") return [];
  return text.split("&").map((pair) => {
    const equals = pair.indexOf("=");
    const name = equals === -1 ? pair : pair.slice(0, equals);
    const raw = equals === -1 ? "" : pair.slice(equals + 1);
    return [name, decode(raw)];
  });
}

function decode(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a stray "%" is not worth refusing the token over
  }
}

/**
 * `{ token, param, others }` for the first token parameter present (see TOKEN_PARAMS), where
 * `others` names the other token parameters the fragment also carries; null when there is none.
 */
export function tokenFromFragment(hash) {
  const params = fragmentParams(hash).filter(([name, value]) => TOKEN_PARAMS.includes(name) && value !== "");
  if (params.length === 0) return null;
  params.sort(([a], [b]) => TOKEN_PARAMS.indexOf(a) - TOKEN_PARAMS.indexOf(b));
  const [[param, token], ...rest] = params;
  return { token, param, others: rest.map(([name]) => name) };
}

/** The page's address with `#token=<token>` as its only fragment (nothing else, never a key). */
export function shareUrl(location, token) {
  const base = `${location.origin === "null" ? location.protocol + "//" : location.origin}${location.pathname}${location.search}`;
  return `${base}#token=${encodeURIComponent(token)}`;
}
