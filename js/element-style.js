// The <jwt-lens> element's stylesheet, adopted by every shadow root as one constructable
// stylesheet: a host CSP without 'unsafe-inline' blocks <style> and style="" but not
// `adoptedStyleSheets`, so the element needs no CSP exception, and N elements share one sheet.
//
// Theming goes through the public --jwt-lens-* custom properties (documented in README.md);
// the private --_* ones hold the resolved value per theme so each rule names a colour once.

/** The dark palette, used by theme="dark" and by theme="auto" under a dark colour scheme. */
const DARK = `
  --_bg: var(--jwt-lens-background, #0d1117);
  --_fg: var(--jwt-lens-color, #e6edf3);
  --_muted: var(--jwt-lens-muted-color, #8d96a0);
  --_border: var(--jwt-lens-border-color, #30363d);
  --_panel: var(--jwt-lens-panel-background, #161b22);
  --_header: var(--jwt-lens-header-color, #ff7b72);
  --_payload: var(--jwt-lens-payload-color, #d2a8ff);
  --_signature: var(--jwt-lens-signature-color, #79c0ff);
  --_ok: var(--jwt-lens-ok-color, #3fb950);
  --_error: var(--jwt-lens-error-color, #f85149);
  --_warning: var(--jwt-lens-warning-color, #d29922);
`;

const CSS = `
:host {
  display: block;
  --_bg: var(--jwt-lens-background, #ffffff);
  --_fg: var(--jwt-lens-color, #1b1f24);
  --_muted: var(--jwt-lens-muted-color, #57606a);
  --_border: var(--jwt-lens-border-color, #d0d7de);
  --_panel: var(--jwt-lens-panel-background, #f6f8fa);
  --_header: var(--jwt-lens-header-color, #cf222e);
  --_payload: var(--jwt-lens-payload-color, #8250df);
  --_signature: var(--jwt-lens-signature-color, #0969da);
  --_ok: var(--jwt-lens-ok-color, #1a7f37);
  --_error: var(--jwt-lens-error-color, #cf222e);
  --_warning: var(--jwt-lens-warning-color, #9a6700);
  --_font: var(--jwt-lens-font-family, system-ui, sans-serif);
  --_mono: var(--jwt-lens-mono-font-family, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace);
  --_radius: var(--jwt-lens-radius, 6px);
  --_gap: var(--jwt-lens-spacing, 0.75rem);
}
:host([hidden]) { display: none; }
:host([theme="dark"]) {${DARK}}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"]):not([theme="dark"])) {${DARK}}
}
/* Every colour and font is set here, on the frame, so that inherited host styles (even
   "!important" ones on the <jwt-lens> element itself) stop at the shadow boundary. */
.frame {
  all: initial;
  display: grid;
  gap: var(--_gap);
  padding: var(--_gap);
  background: var(--_bg);
  color: var(--_fg);
  font-family: var(--_font);
  font-size: 0.95rem;
  line-height: 1.45;
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
}
:host([compact]) .frame { gap: calc(var(--_gap) / 2); padding: calc(var(--_gap) / 2); font-size: 0.85rem; }
:host([compact]) .label, :host([compact]) .checks { display: none; }
[hidden] { display: none !important; }
.label { margin: 0; font-size: 0.8rem; font-weight: 600; color: var(--_muted); text-transform: uppercase; letter-spacing: 0.04em; }
textarea {
  box-sizing: border-box;
  width: 100%;
  resize: vertical;
  margin: 0;
  padding: 0.5rem;
  font: 0.85rem/1.4 var(--_mono);
  color: var(--_fg);
  background: var(--_panel);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
}
textarea[readonly] { color: var(--_muted); }
.token, pre {
  margin: 0;
  padding: 0.5rem;
  font: 0.85rem/1.4 var(--_mono);
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  background: var(--_panel);
  border-radius: var(--_radius);
}
.token [data-part="header"] { color: var(--_header); }
.token [data-part="payload"] { color: var(--_payload); }
.token [data-part="signature"] { color: var(--_signature); }
.token [data-part] { text-decoration: underline; text-decoration-thickness: 1px; }
.token [data-part="payload"] { text-decoration-style: dashed; }
.token [data-part="signature"] { text-decoration-style: dotted; }
.columns { display: grid; gap: var(--_gap); grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
.columns > div { display: grid; gap: 0.25rem; align-content: start; min-width: 0; }
.status { margin: 0; font-weight: 600; }
.status[data-state="verified"] { color: var(--_ok); }
.status[data-state="invalid"], .status[data-state="malformed"] { color: var(--_error); }
.status[data-state="unverified"] { color: var(--_muted); }
ul { margin: 0; padding-left: 1.2rem; }
li[data-severity="error"], li[data-ok="false"] { color: var(--_error); }
li[data-severity="warning"] { color: var(--_warning); }
li[data-ok="true"] { color: var(--_ok); }
.error { margin: 0; color: var(--_error); }
`;

let shared;

/** The one stylesheet every <jwt-lens> adopts (created on first use, when a document exists). */
export function elementStyleSheet() {
  if (shared === undefined) {
    shared = new CSSStyleSheet();
    shared.replaceSync(CSS);
  }
  return shared;
}
