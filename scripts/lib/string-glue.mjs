// Passes long strings to the engine with one `TextEncoder.encodeInto` call.
//
// Why: wasm-bindgen's generated `passStringToWasm0` copies a string into wasm memory one
// character at a time while it is ASCII, and only falls back to `encodeInto` at the first
// non-ASCII character. Tokens are ASCII, so a 1 MB token took that loop all the way: ~2.5 ms per
// call in V8, twice per debugger answer (decode, verify), against ~0.1 ms for `encodeInto`.
// Short strings keep the loop, which beats `encodeInto`'s call overhead for a few hundred bytes.
// The build fails if the glue no longer has the function this patches.

/** Strings longer than this many UTF-16 units take the single `encodeInto` path. */
export const LONG_STRING_UNITS = 4096;

const SIGNATURE = "function passStringToWasm0(arg, malloc, realloc) {\n";
const MARK = "jwt-lens: one encodeInto";

/** The glue with the long-string path added at the top of `passStringToWasm0`. */
export function addLongStringPath(glue) {
  if (glue.includes(MARK)) return glue;
  const at = glue.indexOf(SIGNATURE);
  const needs = ["cachedTextEncoder.encodeInto(", "getUint8ArrayMemory0()", "WASM_VECTOR_LEN = "];
  if (at < 0 || needs.some((name) => !glue.includes(name))) {
    throw new Error("string-glue: wasm-bindgen's passStringToWasm0 changed; update scripts/lib/string-glue.mjs");
  }
  const path = `    if (realloc !== undefined && arg.length > ${LONG_STRING_UNITS}) {
        // ${MARK} for a long string (scripts/lib/string-glue.mjs); UTF-8 needs at most
        // three bytes per UTF-16 unit, and the allocation is shrunk to what was written.
        const max = arg.length * 3;
        const start = malloc(max, 1) >>> 0;
        const { written } = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(start, start + max));
        WASM_VECTOR_LEN = written;
        return realloc(start, max, written, 1) >>> 0;
    }
`;
  const bodyStart = at + SIGNATURE.length;
  return `${glue.slice(0, bodyStart)}${path}${glue.slice(bodyStart)}`;
}
