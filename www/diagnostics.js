// Renders the engine's findings: the diagnostics list (one child per diagnostic, carrying
// `data-code`, DESIGN §6) and the list of verification checks (exp, nbf, signature, ...).

import { el } from "./dom.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/**
 * Merges diagnostic lists (decode's, then verify's errors and warnings), keeping the first
 * diagnostic of each code: decode and verify often report the same problem twice.
 */
export function mergeDiagnostics(...lists) {
  const byCode = new Map();
  for (const list of lists) {
    for (const diagnostic of list ?? []) {
      if (!byCode.has(diagnostic.code)) byCode.set(diagnostic.code, diagnostic);
    }
  }
  // Stable sort: errors first, then warnings, then notes; the engine's order within each.
  return [...byCode.values()].sort(
    (a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3),
  );
}

const GROUP_TITLES = { error: "Errors", warning: "Warnings", info: "Notes" };

/**
 * Replaces `list`'s children with one `<li data-code>` per diagnostic, grouped by severity under
 * headings (plain `<li>`s without `data-code`, so the hook still counts diagnostics only).
 */
export function renderDiagnostics(list, diagnostics) {
  const items = [];
  let group = null;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== group) {
      group = diagnostic.severity;
      const count = diagnostics.filter((other) => other.severity === group).length;
      items.push(el("li", { class: "diagnostic-group", "data-group": group, text: `${GROUP_TITLES[group] ?? group} (${count})` }));
    }
    items.push(
      el("li", { class: "diagnostic", "data-code": diagnostic.code, "data-severity": diagnostic.severity }, [
        el("span", { class: "severity", text: diagnostic.severity }),
        el("span", { class: "message", text: diagnostic.message }),
        el("code", { class: "code", text: diagnostic.code }),
        ...(diagnostic.hint ? [el("span", { class: "hint", text: `Hint: ${diagnostic.hint}` })] : []),
      ]),
    );
  }
  list.replaceChildren(...items);
  // An empty list says so, rather than leaving the reader unsure whether anything ran.
  list.dataset.empty = String(diagnostics.length === 0);
}

/**
 * Replaces `list`'s children with one `<li data-check data-ok>` per verification check. Passed
 * checks are compact chips (their message on hover); failed ones spell out what went wrong.
 */
export function renderChecks(list, checks, { signatureIndex = null } = {}) {
  const items = checks.map((check) => {
    // A JWS JSON token is verified by one of its signatures: the others not matching the key is
    // expected, not a failure (they stay listed, marked "no match").
    const soft = !check.ok && Number.isInteger(signatureIndex) && /^signature\[\d+\]$/.test(check.name);
    return el("li", { class: "check", "data-check": check.name, "data-ok": String(check.ok), "data-soft": soft ? "true" : null, title: check.message }, [
      el("span", { class: "check-mark", text: check.ok ? "pass" : soft ? "no match" : "fail" }),
      el("code", { text: check.name }),
      // A passed check's message is still there for screen readers (and on hover).
      el("span", { class: check.ok ? "message visually-hidden" : "message", text: check.message }),
    ]);
  });
  list.replaceChildren(...items);
  list.dataset.empty = String(items.length === 0);
}
