// The embed demo's own script (a file, not inline, so the page's CSP needs no 'unsafe-inline').
// It gives the encoder its secret through the `key` property, the only way a secret reaches an
// element (the verify element's public key is in its attribute), and shows the elements' events.

/** The encoder's HMAC secret: signing needs a secret or private key, which markup must not hold. */
const DEMO_SECRET = "embed-demo-secret-embed-demo-secret!";

const verifyDemo = document.getElementById("verify-demo");
const encodeDemo = document.getElementById("encode-demo");
const verifyLog = document.querySelector('[data-testid="verify-log"]');
const changeLog = document.querySelector('[data-testid="change-log"]');

verifyDemo.addEventListener("jwt-lens-verify", (event) => {
  const { state, valid } = event.detail;
  verifyLog.textContent = `state ${state}, valid ${valid}`;
  verifyLog.dataset.state = state;
});
encodeDemo.addEventListener("jwt-lens-change", (event) => {
  const { token } = event.detail;
  changeLog.textContent = token === "" ? "no token (see the element's message)" : `${token.length} characters`;
  changeLog.dataset.token = token;
});

// Properties, not attributes: a secret in an attribute would be in the page's markup.
encodeDemo.key = DEMO_SECRET;
