// Where the full engine comes from. On the served site it is loaded on demand from the site's
// own ./jwt-lens-full/ folder (scripts/lib/site.mjs copies pkg/web there), by a dynamic import
// of our own path: no other request is made, and the CSP's 'self' covers it. The single-file
// build swaps this module for one exporting null, because its first engine is the full one.

/** Imports and initialises the full engine; resolves to its API. */
export default async function loadFullEngine() {
  const full = await import("./jwt-lens-full/index.js");
  await full.default(); // its glue fetches jwt_lens_bg.wasm beside itself
  return full;
}
