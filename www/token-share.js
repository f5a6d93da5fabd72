// The signed token as the texts people paste elsewhere: the token itself, an HTTP
// `Authorization: Bearer` header line, or a ready `curl` command. Pure string building.

/** `Authorization: Bearer <token>` (RFC 6750 §2.1). */
export function bearerHeader(token) {
  return `Authorization: Bearer ${token}`;
}

/**
 * A curl command calling `url` with the token as a Bearer header, quoted for POSIX shells: the
 * URL is the user's text, so it goes in single quotes with any single quote written as '\''.
 */
export function curlCommand(token, url) {
  const target = url.trim() === "" ? "https://api.example.com/" : url.trim();
  return `curl -H ${shellQuote(bearerHeader(token))} ${shellQuote(target)}`;
}

/** Single-quotes `text` for sh, bash and zsh. */
export function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** The text for a share kind: "token", "bearer" or "curl". */
export function shareText(kind, token, url) {
  if (kind === "bearer") return bearerHeader(token);
  if (kind === "curl") return curlCommand(token, url);
  return token;
}
