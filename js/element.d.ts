// Public types of `jwt-lens/element`: the <jwt-lens> custom element. Importing the module
// defines the element. No `any` appears here.

import type { Decoded, KeyInput, SecretEncoding, VerifyReport } from "./jwt-lens.js";

/** What the element does: show a token, verify it, or sign an editable header and payload. */
export type JwtLensMode = "decode" | "verify" | "encode";

/** Colour scheme; `"auto"` (the default) follows the reader's `prefers-color-scheme`. */
export type JwtLensTheme = "light" | "dark" | "auto";

/** The verification badge's state, as in the debugger. */
export type VerifyState = "verified" | "invalid" | "unverified" | "malformed";

/** `detail` of the `jwt-lens-change` event. */
export interface JwtLensChangeDetail {
  /** The new token (in encode mode: the newly signed token, `""` when signing failed). */
  token: string;
  /** The engine's decoding of `token`. */
  decoded: Decoded | null;
}

/** `detail` of the `jwt-lens-verify` event. */
export interface JwtLensVerifyDetail {
  /** The badge's new state. */
  state: VerifyState;
  /** True only when the signature verified with the element's key and every claim check passed. */
  valid: boolean;
  /** The engine's report, or `null` when nothing could be verified (no token, no key, malformed). */
  report: VerifyReport | null;
}

/** The `<jwt-lens>` element. */
export declare class JwtLensElement extends HTMLElement {
  /** Attributes whose changes the element follows. */
  static readonly observedAttributes: string[];
  /** The token shown (decode, verify) or produced (encode). The `token` attribute sets it too. Default `""`. */
  token: string;
  /**
   * The key for verify and encode modes: a secret, PEM/JWK/JWKS text, a JWK or JWKS object, or a
   * handle from `importKey`. Takes precedence over the `key` attribute, which accepts public keys
   * only. Never reflected to an attribute. Default `null`.
   */
  key: KeyInput | null;
  /** How a string secret becomes bytes. Default `"utf8"`. */
  secretEncoding: SecretEncoding;
  /** Reflects the `mode` attribute. Default `"decode"`. */
  mode: JwtLensMode;
  /** Reflects the `readonly` attribute: no input can be edited. Default `false`. */
  readOnly: boolean;
  /** Reflects the `compact` attribute: tighter spacing, no labels or check list. Default `false`. */
  compact: boolean;
  /** Reflects the `theme` attribute. Default `"auto"`. */
  theme: JwtLensTheme;
  /** The engine's decoding of the current token; `null` until the engine has loaded. */
  readonly decoded: Decoded | null;
  /** The last verification report (verify mode, with a usable key), else `null`. */
  readonly report: VerifyReport | null;
}

declare global {
  interface HTMLElementTagNameMap {
    /** `document.createElement("jwt-lens")` and `querySelector("jwt-lens")` return a JwtLensElement. */
    "jwt-lens": JwtLensElement;
  }
  interface HTMLElementEventMap {
    /** The element's token changed (typed, set, or newly signed). Bubbles and crosses shadow roots. */
    "jwt-lens-change": CustomEvent<JwtLensChangeDetail>;
    /** The verification state (`state` or `valid`) changed. Bubbles and crosses shadow roots. */
    "jwt-lens-verify": CustomEvent<JwtLensVerifyDetail>;
  }
}
