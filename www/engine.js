// The page's one door to the JOSE engine, which comes in two builds (README "Two engines"):
// the served site starts on the small HMAC-only core so the first visit stays light, and
// switches, once, to the full engine when the core's own answer says it lacks what a token or
// key needs. The page never decides that from the token itself: it reads the engine's codes
// (`unsupported_alg`, `invalid_key`, a key of kind "unsupported") and asks the full engine again.
// The single file carries the full engine from the start, so there is nothing to load there.

/** Codes with which the core says "not in this build"; the full engine may know better. */
const NOT_IN_THIS_BUILD = new Set(["unsupported_alg", "invalid_key"]);

/**
 * Wraps the first engine's API (`first`: { decode, verify, sign, generateKey, importKey }).
 * `loadFull()` resolves to the full engine's initialised API, or is null when `first` already is
 * the full engine. Reports its state on `<html data-engine>` ("core", "loading", "full" or
 * "unavailable") for the tests and for the small engine note in the page.
 */
export function createEngine({ first, loadFull }) {
  let api = first;
  let full = loadFull === null;
  let upgrading = null;
  let unavailable = false; // the full engine failed to load: keep the core's answers
  const listeners = new Set();
  const retries = new Set(); // one re-render per panel, however many of its calls asked

  function announce(state) {
    document.documentElement.dataset.engine = state;
    for (const listener of listeners) listener(state);
  }

  /** Loads the full engine once; resolves true when it is in use afterwards. */
  function upgrade() {
    if (full) return Promise.resolve(true);
    upgrading ??= (async () => {
      announce("loading");
      try {
        api = await loadFull();
        full = true;
        announce("full");
        return true;
      } catch (error) {
        // Not console.error: a site hosted without jwt-lens-full/ is a choice, not a page bug.
        console.warn("jwt-lens: the full engine could not load", error);
        unavailable = true;
        announce("unavailable");
        return false;
      }
    })();
    return upgrading;
  }

  /**
   * Runs `call(api)` on the engine in use and returns `{ value }` or `{ error }`. When the core
   * answered "not in this build", also starts loading the full engine and calls `retry()` once it
   * is in use; `pending` is then true, so the caller can say "loading" instead of the core's answer.
   */
  function attempt(call, retry) {
    let outcome;
    try {
      outcome = { value: call(api) };
    } catch (error) {
      outcome = { error };
    }
    if (!full && !unavailable && loadFull !== null && needsFullEngine(outcome)) {
      retries.add(retry);
      upgrade().then(() => {
        // Loaded or not, render again: with the full engine's answer, or with the core's.
        const waiting = [...retries];
        retries.clear();
        for (const again of waiting) again();
      });
      return { ...outcome, pending: true };
    }
    return { ...outcome, pending: false };
  }

  announce(full ? "full" : "core");
  return {
    attempt,
    upgrade,
    get isFull() {
      return full;
    },
    /** The engine in use; its answers may still be the core's "not in this build". */
    get api() {
      return api;
    },
    /** Calls `listener(state)` on every change of "core" | "loading" | "full" | "unavailable". */
    onChange(listener) {
      listeners.add(listener);
    },
  };
}

/** Whether an engine answer (a result or a thrown JwtLensError) says "not in this build". */
export function needsFullEngine({ value, error }) {
  if (error !== undefined) return NOT_IN_THIS_BUILD.has(error?.code);
  if (value === null || typeof value !== "object") return false;
  if (value.kind === "unsupported") return true; // a key the core recognised but cannot use
  const findings = [...(value.diagnostics ?? []), ...(value.errors ?? []), ...(value.checks ?? []).filter((c) => !c.ok)];
  return findings.some((finding) => NOT_IN_THIS_BUILD.has(finding.code));
}
