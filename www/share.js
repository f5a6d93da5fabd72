// The token tools above the token: copy it, copy a redacted version for a bug report, or share
// it as a link. Sharing warns first and puts only the token in the URL fragment (never a key,
// never the claim-check inputs); the fragment is not sent to servers by browsers.

import { byTestId } from "./dom.js";
import { copyText } from "./clipboard.js";
import { redactedReport } from "./redact.js";
import { shareUrl } from "./fragment.js";

/** Wires the tools to `decoder` (its `current()` gives `{ token, decoded }`). */
export function wireTokenTools(decoder) {
  const share = {
    dialog: byTestId("share-dialog"),
    open: byTestId("share-button"),
    confirm: byTestId("share-confirm"),
    cancel: byTestId("share-cancel"),
    url: byTestId("share-url"),
    note: byTestId("share-note"),
  };
  const redacted = {
    dialog: byTestId("redacted-dialog"),
    open: byTestId("copy-redacted"),
    output: byTestId("redacted-output"),
    note: byTestId("redacted-note"),
    close: byTestId("redacted-close"),
  };
  const copyToken = byTestId("copy-token");

  copyToken.addEventListener("click", () => copyText(decoder.current().token.trim(), copyToken));

  share.open.addEventListener("click", () => {
    share.url.value = "";
    share.url.hidden = true;
    share.note.textContent = "";
    share.confirm.disabled = decoder.current().token.trim() === "";
    share.dialog.showModal();
  });
  share.cancel.addEventListener("click", () => share.dialog.close());
  share.confirm.addEventListener("click", async () => {
    const url = shareUrl(window.location, decoder.current().token.trim());
    // replaceState: no new history entry and no hashchange (the token is already loaded).
    window.history.replaceState(null, "", url);
    share.url.value = url;
    share.url.hidden = false;
    await copyText(url, share.confirm, share.url);
    share.note.textContent = copied(share.confirm) ? "The link is in the address bar and on your clipboard." : "The link is in the address bar; copy it from the box.";
  });

  redacted.open.addEventListener("click", async () => {
    const { decoded } = decoder.current();
    redacted.output.value = decoded === null ? "" : redactedReport(decoded);
    redacted.note.textContent = "";
    redacted.dialog.showModal();
    await copyText(redacted.output.value, redacted.open, redacted.output);
    redacted.note.textContent = copied(redacted.open) ? "Copied to your clipboard." : "Your browser refused the clipboard: copy it from the box.";
  });
  redacted.close.addEventListener("click", () => redacted.dialog.close());
}

/** Whether copyText just reported success on `button` (it says so on the button for a moment). */
function copied(button) {
  return button.textContent === "Copied";
}
