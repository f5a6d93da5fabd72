// The JS face of the engine, shared by every entry (browser, bundler, Node ESM, Node CJS).
// It only moves text across the boundary: options and keys go in as strings, reports come
// back as JSON text and are parsed once here. No JOSE logic lives in this file.
// This file must stay import-free: scripts/build/package.mjs derives the CommonJS copy from it.

/** Thrown for caller mistakes; bad tokens and keys are reported, never thrown. */
export class JwtLensError extends Error {
  constructor(code, message, hint) {
    super(message);
    this.name = "JwtLensError";
    this.code = code;
    if (hint !== undefined) this.hint = hint;
  }
}

const HANDLE = Symbol("jwt-lens.keyHandle");
const ERROR_MARK = 69; // "E": the engine's prefix for a caller error

function raise(text) {
  const { code, message, hint } = JSON.parse(text);
  throw new JwtLensError(code, message, hint);
}

function checked(text) {
  return text.charCodeAt(0) === ERROR_MARK ? raise(text.slice(1)) : text;
}

function optionsText(options) {
  if (options === undefined || options === null) return "";
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new JwtLensError("invalid_option", "options must be an object");
  }
  // JSON.stringify would turn NaN and Infinity into null, silently meaning "use the default".
  // Only a text with a null in it can hide one, so only then is it written again with the
  // (slower) replacer that finds it.
  const text = JSON.stringify(options);
  if (!text.includes("null")) return text;
  return JSON.stringify(options, (name, value) => {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new JwtLensError("invalid_option", `option "${name}" must be a finite number`);
    }
    return value;
  });
}

function jsonText(value, what) {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    try {
      return JSON.stringify(value);
    } catch (error) {
      throw new JwtLensError("invalid_json", `${what} cannot be written as JSON: ${error.message}`);
    }
  }
  throw new JwtLensError("invalid_option", `${what} must be a JSON object or its text`);
}

function keyText(key) {
  if (typeof key === "string") return key;
  if (key !== null && typeof key === "object") return JSON.stringify(key);
  return "";
}

// A JWS JSON serialization (RFC 7515 §7.2) may arrive as the parsed object; the engine reads its text.
function tokenText(token) {
  if (token !== null && typeof token === "object" && !Array.isArray(token)) return jsonText(token, "token");
  return requireString(token, "token");
}

function requireString(value, what) {
  if (typeof value !== "string") throw new JwtLensError("invalid_option", `${what} must be a string`);
  return value;
}

/**
 * The `Decoded` object from the engine's text. Where the exact header or payload text appears
 * verbatim in that text (as the parsed `header` / `payload`), the engine sends `headerJson` /
 * `payloadJson` as its `[start, end]` offsets instead of a second, escaped copy
 * (src/report/mod.rs `Texts::Offsets`): slicing is cheaper than writing and parsing it twice.
 */
function decodedFrom(text) {
  const decoded = JSON.parse(text);
  const { headerJson, payloadJson } = decoded;
  if (Array.isArray(headerJson)) decoded.headerJson = text.slice(headerJson[0], headerJson[1]);
  if (Array.isArray(payloadJson)) decoded.payloadJson = text.slice(payloadJson[0], payloadJson[1]);
  return decoded;
}

/** The restart function scripts/lib/restart-glue.mjs adds to the wasm-bindgen glue. */
const RESTART = "__jwtLensRestart";

/** Builds the public API over one set of wasm-bindgen exports (`raw`). */
export function createApi(raw, version) {
  // Panic containment. The engine never panics by design, but if it ever does (in wasm a panic
  // is a `RuntimeError: unreachable` trap; a stack overflow a RangeError), the instance's memory
  // is left mid-operation. Whatever the engine call throws that is not a JwtLensError becomes
  // `JwtLensError { code: "internal" }`, and the instance is replaced by a fresh one, so the
  // page and later calls keep working.
  let generation = 0; // bumped by every restart; key handles remember the one they belong to
  const liveHandles = new Set(); // WeakRefs to this instance's raw key handles
  const forget = new FinalizationRegistry((ref) => liveHandles.delete(ref));
  // What each importKey handle was made from, so it can be made again on a fresh instance. A
  // WeakMap keyed by the handle's slot: out of reach of anyone holding the KeyInfo object.
  const keySources = new WeakMap();

  function restart() {
    // Detach the old instance's handles from the glue's finaliser, which would otherwise free
    // their (old) pointers in the new instance's memory.
    for (const ref of liveHandles) ref.deref()?.__destroy_into_raw?.();
    liveHandles.clear();
    generation += 1;
    raw[RESTART]();
  }

  function contained(error) {
    if (error instanceof JwtLensError) return error;
    let restarted = "it was restarted, so later calls work";
    try {
      restart();
    } catch (restartError) {
      restarted = `restarting it failed too (${restartError?.message ?? restartError})`;
    }
    const cause = error?.message ?? String(error);
    return new JwtLensError("internal", `the jwt-lens engine failed (${cause}); ${restarted}. This is a bug: please report the input.`);
  }

  function newHandle(text, opts) {
    let handle;
    try {
      handle = raw.importKeyHandle(text, opts);
    } catch (error) {
      if (typeof error === "string") raise(error.slice(1));
      throw error;
    }
    const ref = new WeakRef(handle);
    liveHandles.add(ref);
    forget.register(handle, ref);
    return handle;
  }

  /** The slot's raw handle on the current instance, re-imported if a restart came in between. */
  function current(slot) {
    if (slot.generation !== generation) {
      const [text, opts] = keySources.get(slot);
      slot.handle = newHandle(text, opts);
      slot.generation = generation;
    }
    return slot.handle;
  }

  function decode(token) {
    try {
      // The clock is read here, never in the core: only decode's long_lifetime (no iat) needs it.
      return decodedFrom(raw.decodeJson(tokenText(token), Date.now() / 1000));
    } catch (error) {
      throw contained(error);
    }
  }

  function verify(token, key, options) {
    token = tokenText(token);
    const opts = optionsText(options);
    const now = Date.now() / 1000;
    const slot = key !== null && typeof key === "object" ? key[HANDLE] : undefined;
    try {
      const text = slot !== undefined
        ? raw.verifyWithHandle(token, current(slot), opts, now)
        : raw.verifyJson(token, keyText(key), opts, now);
      return JSON.parse(checked(text));
    } catch (error) {
      throw contained(error);
    }
  }

  function sign(header, payload, key, options) {
    const headerText = jsonText(header, "header");
    const payloadText = jsonText(payload, "payload");
    const slot = key !== null && typeof key === "object" ? key[HANDLE] : undefined;
    const opts = slot === undefined ? optionsText(options) : "";
    try {
      if (slot !== undefined) return checked(raw.signWithHandle(headerText, payloadText, current(slot)));
      return checked(raw.signJson(headerText, payloadText, keyText(key), opts));
    } catch (error) {
      throw contained(error);
    }
  }

  function generateKey(alg, options) {
    requireString(alg, "alg");
    const opts = optionsText(options);
    try {
      return JSON.parse(checked(raw.generateKeyJson(alg, opts)));
    } catch (error) {
      throw contained(error);
    }
  }

  function importKey(input, options) {
    const text = keyText(input);
    const opts = optionsText(options);
    let info;
    const slot = { handle: undefined, generation };
    try {
      slot.handle = newHandle(text, opts);
      info = JSON.parse(slot.handle.info());
    } catch (error) {
      throw contained(error);
    }
    keySources.set(slot, [text, opts]);
    Object.defineProperty(info, HANDLE, { value: slot, enumerable: false });
    return Object.freeze(info);
  }

  function exportKey(input, options) {
    if (input !== null && typeof input === "object" && input[HANDLE] !== undefined) {
      throw new JwtLensError("invalid_option", "exportKey takes the key's text or JWK object, not a key handle");
    }
    const text = keyText(input);
    const opts = optionsText(options);
    try {
      return checked(raw.exportKeyText(text, opts));
    } catch (error) {
      throw contained(error);
    }
  }

  return { decode, verify, sign, generateKey, importKey, exportKey, version };
}
