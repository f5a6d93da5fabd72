// Keeps heavy work off the keystroke path. A normal token is decoded on every keystroke (the
// engine takes well under a millisecond); a large input (a 1 MB token takes the engine tens of
// milliseconds or more) is decoded once typing pauses, so each keystroke stays instant.

/** Inputs longer than this many characters are decoded after a pause, not per keystroke. */
export const LARGE_INPUT_CHARS = 64 * 1024;
const PAUSE_MS = 180;

/**
 * Returns `schedule(size)`: runs `work()` now when `size` is small, else once no further call has
 * come for a short pause; `onDeferred(true)` says a run is waiting, `onDeferred(false)` that it ran.
 */
export function createScheduler(work, onDeferred) {
  let timer = null;
  return function schedule(size) {
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
    }, PAUSE_MS);
  };
}
