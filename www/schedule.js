// Keeps heavy work off the keystroke path. A normal token is decoded on every keystroke (the
// engine takes well under a millisecond); a large input (a 1 MB token takes the engine about a
// hundred milliseconds) is decoded in a task after the edit is painted, and while the user is
// typing into it, only once typing pauses, so each keystroke stays instant.

/** Inputs longer than this many characters are decoded after a pause, not per keystroke. */
export const LARGE_INPUT_CHARS = 64 * 1024;
const PAUSE_MS = 180;

/**
 * Returns `schedule(size, typing)`: runs `work()` now when `size` is small. A large input is
 * worked on in a task of its own, after the edit has been painted: at once for a paste or any
 * one-off change, or once typing pauses when `typing` (a keystroke in a long run of them).
 * `onDeferred(true)` says a run is waiting, `onDeferred(false)` that it ran.
 */
export function createScheduler(work, onDeferred) {
  let timer = null;
  return function schedule(size, typing = false) {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (size < LARGE_INPUT_CHARS) {
      work();
      return;
    }
    onDeferred(true);
    timer = setTimeout(() => {
      timer = null;
      work();
      onDeferred(false);
    }, typing ? PAUSE_MS : 0);
  };
}

/** Whether an `input` event is a keystroke of typing (not a paste, drop or scripted change). */
export function isTyping(event) {
  const type = typeof event?.inputType === "string" ? event.inputType : "";
  return type === "insertText" || type.startsWith("delete") || type === "insertLineBreak";
}
