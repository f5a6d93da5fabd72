// Copying text for the user: the clipboard API where the page may use it (a click is a user
// gesture), else the text is selected in `fallbackBox` so Ctrl+C works. The button says what
// happened for a moment. Nothing is kept anywhere else.

/** Copies `text`, then shows "Copied" (or "Press Ctrl+C") on `button` for 1.5 s. */
export async function copyText(text, button, fallbackBox = null) {
  if (text === "") return;
  const label = button.dataset.label ?? button.textContent;
  button.dataset.label = label;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch {
    fallbackBox?.select(); // no clipboard permission (e.g. some file:// pages)
    button.textContent = "Press Ctrl+C";
  }
  setTimeout(() => {
    button.textContent = label;
  }, 1500);
}
