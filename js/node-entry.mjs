// Entry for Node's import: the same instance as require("jwt-lens"), so ESM and CJS code in
// one process share one engine and one JwtLensError class.
import { createRequire } from "node:module";

const engine = createRequire(import.meta.url)("./index.cjs");

export default engine.init;
export const { decode, verify, sign, generateKey, importKey, exportKey, version, init, JwtLensError } = engine;
