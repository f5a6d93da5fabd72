// Lets a key be given as a file: dropped onto the key box or picked with the file button. The
// file is read inside the page and put in the box as text; it is never uploaded and never kept
// anywhere else. A binary file (a .der key) is put in the box as hex, which the engine reads as
// DER: this only carries the bytes into a text box, the engine still decides what they are.

/** Keys, certificates and key sets are small; a bigger file is almost surely the wrong one. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

/**
 * Wires `box` (the key textarea) as a drop target and `picker` (an `<input type=file>`) as a
 * chooser. On a readable file, puts its text in `box` and calls `onText()`; on a problem,
 * calls `onProblem(message)`.
 */
export function wireKeyFile({ box, picker, onText, onProblem }) {
  async function take(file) {
    if (file === undefined) return;
    if (file.size > MAX_KEY_FILE_BYTES) {
      onProblem(`${file.name} is ${file.size} bytes: too big to be a key (the limit is 1 MiB).`);
      return;
    }
    try {
      box.value = asText(new Uint8Array(await file.arrayBuffer()));
      onText();
    } catch (error) {
      onProblem(`${file.name} could not be read: ${error?.message ?? String(error)}`);
    }
  }

  box.addEventListener("dragover", (event) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault(); // without this the browser would open the file instead
    event.dataTransfer.dropEffect = "copy";
    box.dataset.dropping = "true";
  });
  box.addEventListener("dragleave", () => {
    delete box.dataset.dropping;
  });
  box.addEventListener("drop", (event) => {
    delete box.dataset.dropping;
    const file = event.dataTransfer?.files?.[0];
    if (file === undefined) return; // dropped text: let the textarea insert it as usual
    event.preventDefault();
    take(file);
  });
  picker.addEventListener("change", () => {
    take(picker.files?.[0]);
    picker.value = ""; // picking the same file again still reads it again
  });
}

/** The file's text when it is UTF-8 (PEM, JSON, base64, hex), else its bytes as hex. */
function asText(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  }
}
