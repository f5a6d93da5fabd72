// Entry point of the debugger: loads the engine, wires the panels, shows the first token.
//
// The page has no network code of its own: `init` loads the wasm next to the engine's glue on
// the served site, or gets the bytes inlined by the single-file build (see wasm-source.js). On
// the served site that first engine is the HMAC-only core; engine.js switches to the full engine
// (full-engine.js) only when a token or key needs it.

import init, * as firstEngine from "./jwt-lens/index.js";
import wasmSource from "./wasm-source.js";
import loadFullEngine from "./full-engine.js";
import { byTestId } from "./dom.js";
import { createEngine } from "./engine.js";
import { createTabs } from "./tabs.js";
import { tokenFromFragment } from "./fragment.js";
import { wireTokenTools } from "./share.js";
import { wireThemeMenu } from "./theme.js";
import { createDecoder } from "./decoder.js";
import { createEncoder } from "./encoder.js";
import { createKeyGenerator } from "./key-generator.js";
import { makeExample } from "./example.js";
import { wireEditToken } from "./edit-token.js";
import { createExamplePicker } from "./example-picker.js";
import { createKeyConverter } from "./key-converter.js";
import { registerOffline } from "./offline.js";

const ENGINE_NOTES = {
  core: "Engine: HMAC core. Other algorithms and keys load from this site when a token or key needs them.",
  loading: "Loading the full engine (ECDSA, EdDSA and every key format) from this site…",
  full: "",
  unavailable: "Engine: HMAC core only. The full engine could not be loaded from this site, so other algorithms and keys are reported as not supported.",
};

async function main() {
  const root = document.documentElement;
  wireThemeMenu(byTestId("theme-select")); // first, so the page does not flash the other theme
  try {
    await init(wasmSource);
  } catch (error) {
    showFatal(`The jwt-lens engine could not load: ${error?.message ?? String(error)}`);
    root.dataset.ready = "error";
    return;
  }

  const engine = createEngine({ first: firstEngine, loadFull: loadFullEngine });
  const note = byTestId("engine-note");
  note.textContent = ENGINE_NOTES[engine.isFull ? "full" : "core"];
  engine.onChange((state) => {
    note.textContent = ENGINE_NOTES[state];
  });

  const tabs = createTabs(byTestId("tabs"));
  const decoder = createDecoder(engine);
  wireTokenTools(decoder);
  const encoder = createEncoder(engine, {
    onOpen(key) {
      decoder.load(key);
      tabs.select("decode");
      byTestId("token-input").focus();
    },
  });
  createKeyGenerator(engine, {
    onUseInEncoder(key) {
      encoder.useKey(key);
      tabs.select("encode");
    },
    onUseInVerifier(key) {
      decoder.useKey(key);
      tabs.select("decode");
    },
  });

  createKeyConverter(engine);
  wireEditToken(engine, { encoder, showEncoder: () => tabs.select("encode") });
  createExamplePicker(engine, {
    onExample({ token, headerText, payloadText, verifyKey, signKey }) {
      decoder.load({ token, secret: verifyKey.key, secretEncoding: verifyKey.secretEncoding });
      encoder.load({ headerText, payloadText, secret: signKey.key, secretEncoding: signKey.secretEncoding });
      tabs.select("decode");
    },
  });

  const example = makeExample(firstEngine.sign);
  encoder.load(example);
  loadFromFragmentOr(decoder, example);
  // A link with another #token= opened in this tab changes only the fragment: follow it.
  window.addEventListener("hashchange", () => loadFromFragmentOr(decoder, null));

  root.dataset.ready = "true"; // the engine answered and the first render is done
  performance.mark("jwt-lens:ready"); // "interactive", as bench/page.mjs measures it
  registerOffline();
}

/**
 * Loads the fragment's token (`#token=`, `#id_token=` or `#access_token=`; without a key: the URL
 * never carries one), else `fallback`.
 */
function loadFromFragmentOr(decoder, fallback) {
  const found = tokenFromFragment(window.location.hash);
  if (found !== null) decoder.load({ token: found.token, source: found });
  else if (fallback !== null) decoder.load(fallback);
}

function showFatal(message) {
  const banner = byTestId("engine-error");
  banner.textContent = message;
  banner.hidden = false;
}

main().catch((error) => {
  // A bug in the page itself: say so on the page rather than leave a half-wired UI.
  showFatal(`jwt-lens failed to start: ${error?.message ?? String(error)}`);
  document.documentElement.dataset.ready = "error";
});
