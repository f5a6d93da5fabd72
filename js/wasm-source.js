// Where the element's WebAssembly comes from. In the package this exports `undefined`, so init()
// loads jwt_lens_bg.wasm next to its glue; the standalone jwt-lens-element.js build swaps this
// module for one that exports the wasm bytes, so a docs page needs no .wasm file and no connect-src.
export default undefined;
