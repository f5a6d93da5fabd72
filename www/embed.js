// The embed demo's own script (a file, not inline, so the page's CSP needs no 'unsafe-inline').
// It gives the verify and encode elements their secret through the `key` property, the only way
// a secret reaches an element, and shows the elements' events on the page.

/** The demo's HMAC secret. A real page would use a public key, which may go in the attribute. */
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
verifyDemo.key = DEMO_SECRET;
encodeDemo.key = DEMO_SECRET;
