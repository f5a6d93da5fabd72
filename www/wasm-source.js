// Where the page's WebAssembly comes from. On the served site this exports `undefined`, so the
// engine's `init` loads `jwt_lens_bg.wasm` next to its own glue. The single-file build
// (scripts/lib/site.mjs) swaps this module for one whose default export is the wasm bytes,
// because Chromium refuses to load .wasm (or module scripts) from file://.
export default undefined;
