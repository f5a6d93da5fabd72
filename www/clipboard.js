// Copy buttons. The clipboard API may be refused (a file:// page, a denied permission): then the
// button says so instead of pretending, and the text stays selectable on the page.

const RESET_AFTER_MS = 1600;

/** Copies `text`, then briefly shows on `button` whether it worked (text and `data-copied`). */
export async function copyText(button, text) {
  const label = button.dataset.label ?? button.textContent;
  button.dataset.label = label;
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    ok = false;
  }
  button.dataset.copied = String(ok);
  button.textContent = ok ? "Copied" : "Copy refused: select the text instead";
  setTimeout(() => {
    button.textContent = label;
    delete button.dataset.copied;
  }, RESET_AFTER_MS);
  return ok;
}
