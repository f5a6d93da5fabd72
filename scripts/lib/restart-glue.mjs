// Gives wasm-bindgen's generated glue a way to start a fresh engine instance after a trap.
//
// Why: a panic in wasm (`panic = "abort"` in the release profile) is a `RuntimeError:
// unreachable` trap that leaves the instance's memory in whatever state it was in (a lock held,
// a half-written allocator). js/api.js turns the trap into `JwtLensError { code: "internal" }`
// and then calls `__jwtLensRestart()` so the next call runs on a new instance of the same
// compiled module. The glue keeps its instance in module-private `let` bindings and does not
// export its import object, so the restart has to live inside the glue: this appends one
// function to it. The build fails if the glue no longer has the bindings the function uses,
// rather than shipping a restart that cannot work.

/** The name js/api.js looks for on the raw exports. */
export const RESTART_EXPORT = "__jwtLensRestart";

function requireAll(glue, patterns, what) {
  for (const pattern of patterns) {
    if (!pattern.test(glue)) throw new Error(`restart-glue: the ${what} glue lacks ${pattern}; update scripts/lib/restart-glue.mjs`);
  }
}

/** The `let cached…Memory…` views of the old memory; each must be dropped with the instance. */
function memoryCaches(glue) {
  return [...glue.matchAll(/^let (cached\w*Memory\d*) = null;$/gm)].map((m) => m[1]);
}

/** The nodejs (CommonJS) glue: instantiated at require time from `wasmModule`. */
export function addNodeRestart(glue) {
  if (glue.includes(RESTART_EXPORT)) return glue;
  requireAll(glue, [/^const wasmModule = /m, /^let wasmInstance = /m, /^let wasm = /m, /^function __wbg_get_imports\(/m], "nodejs");
  const resets = memoryCaches(glue).map((name) => `    ${name} = null;`).join("\n");
  return `${glue}
/** jwt-lens: replaces the instance with a fresh one of the same module (after a trap). */
exports.${RESTART_EXPORT} = function () {
    wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    wasm = wasmInstance.exports;
${resets}
    wasm.__wbindgen_start();
};
`;
}

/** The web (ES module) glue: `__wbg_finalize_init` already resets the memory views. */
export function addWebRestart(glue) {
  if (glue.includes(RESTART_EXPORT)) return glue;
  requireAll(glue, [/^let wasmModule, wasmInstance, wasm;$/m, /^function __wbg_finalize_init\(instance, module\)/m, /^function __wbg_get_imports\(/m], "web");
  return `${glue}
/** jwt-lens: replaces the instance with a fresh one of the same module (after a trap). */
export function ${RESTART_EXPORT}() {
    if (wasmModule === undefined) return;
    __wbg_finalize_init(new WebAssembly.Instance(wasmModule, __wbg_get_imports()), wasmModule);
}
`;
}
