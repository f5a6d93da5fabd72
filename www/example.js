// The token the page starts with, and the optional `#token=` in the URL fragment.
//
// The example is signed at start-up by the engine with a fixed, public demo secret, so the page
// opens on a verified token without shipping a hard-coded one that could drift from the engine.
// Only a token is ever read from the URL; keys never go there (DESIGN §4 rule 10).

/** Public and for demonstration only: anyone reading this source knows it. */
export const DEMO_SECRET = "your-256-bit-secret-for-demo-only!!";

const EXAMPLE_HEADER = { alg: "HS256", typ: "JWT" };
const EXAMPLE_PAYLOAD = { sub: "1234567890", name: "John Doe", admin: true, iat: 1516239022 };

/** Signs the example with `sign` (the engine's); returns what the decoder and encoder load. */
export function makeExample(sign) {
  // The engine signs JSON text byte for byte, so compact text gives a token that reads like
  // tokens in the wild (eyJhbGciOi...), and the encoder starts on the decoder's very token.
  const headerText = JSON.stringify(EXAMPLE_HEADER);
  const payloadText = JSON.stringify(EXAMPLE_PAYLOAD);
  const token = sign(headerText, payloadText, DEMO_SECRET, { secretEncoding: "utf8" });
  return { token, secret: DEMO_SECRET, secretEncoding: "utf8", headerText, payloadText };
}
