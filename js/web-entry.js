// Entry for browsers, bundlers and workers: `await init()` fetches and compiles the wasm once.
import initWasm, * as raw from "./jwt_lens.js";
import { createApi, JwtLensError } from "./api.js";

let loading;

/** Loads the engine; later calls return the same promise. `source` may be bytes, a URL or a Response. */
export default function init(source) {
  loading ??= initWasm(source === undefined ? undefined : { module_or_path: source }).then(() => undefined);
  return loading;
}

export const { decode, verify, sign, generateKey, importKey, exportKey, version } = createApi(raw, "__JWT_LENS_VERSION__");
export { init, JwtLensError };
