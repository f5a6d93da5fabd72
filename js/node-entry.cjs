// Entry for Node's require(): the wasm-bindgen nodejs glue loads the wasm synchronously,
// so init() is a resolved no-op kept for code shared with browsers.
"use strict";
const raw = require("./jwt_lens.js");
const { createApi, JwtLensError } = require("./api.cjs");

const init = () => Promise.resolve();
module.exports = { ...createApi(raw, "__JWT_LENS_VERSION__"), JwtLensError, init, default: init };
