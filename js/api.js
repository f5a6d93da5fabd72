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

/** Builds the public API over one set of wasm-bindgen exports (`raw`). */
export function createApi(raw, version) {
  function decode(token) {
    return JSON.parse(raw.decodeJson(tokenText(token)));
  }

  function verify(token, key, options) {
    token = tokenText(token);
    const opts = optionsText(options);
    const now = Date.now() / 1000;
    const handle = key !== null && typeof key === "object" ? key[HANDLE] : undefined;
    const text = handle !== undefined
      ? raw.verifyWithHandle(token, handle, opts, now)
      : raw.verifyJson(token, keyText(key), opts, now);
    return JSON.parse(checked(text));
  }

  function sign(header, payload, key, options) {
    const headerText = jsonText(header, "header");
    const payloadText = jsonText(payload, "payload");
    const handle = key !== null && typeof key === "object" ? key[HANDLE] : undefined;
    if (handle !== undefined) return checked(raw.signWithHandle(headerText, payloadText, handle));
    return checked(raw.signJson(headerText, payloadText, keyText(key), optionsText(options)));
  }

  function generateKey(alg, options) {
    return JSON.parse(checked(raw.generateKeyJson(requireString(alg, "alg"), optionsText(options))));
  }

  function importKey(input, options) {
    let handle;
    try {
      handle = raw.importKeyHandle(keyText(input), optionsText(options));
    } catch (error) {
      if (typeof error === "string") raise(error.slice(1));
      throw error;
    }
    const info = JSON.parse(handle.info());
    Object.defineProperty(info, HANDLE, { value: handle, enumerable: false });
    return Object.freeze(info);
  }

  return { decode, verify, sign, generateKey, importKey, version };
}
