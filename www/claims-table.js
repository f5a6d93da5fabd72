// The table view of a header or a claims set: one row per member with its value, what the name
// means (claim-dictionary.js) and, for time claims, UTC / local / relative times and badges.
// Values come from the engine's parsed JSON and are rendered as text only.

import { el } from "./dom.js";
import { describeClaim, describeHeaderParameter } from "./claim-dictionary.js";
import { isTimeClaim, timeDetails } from "./claim-times.js";

/** Rows shown at most (a payload may hold thousands of members; the JSON view has them all). */
const MAX_ROWS = 300;

/** Longest value shown in a cell before it is cut (the JSON view always has all of it). */
const MAX_VALUE_CHARS = 400;

/** A member's value as one line of text: strings as they are, everything else as JSON. */
export function valueText(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length} characters)` : text;
}

/**
 * Renders `object` (a decoded header or payload) into `table` (a `<table>` with a caption).
 * `which` is "header" or "payload"; `clock` is `{ now, leeway, live }` for time claims.
 * A payload that is not a JSON object gets a single explanatory row.
 */
export function renderClaimsTable(table, object, which, clock) {
  const describe = which === "header" ? describeHeaderParameter : describeClaim;
  const body = el("tbody");
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    body.append(el("tr", {}, [el("td", { colspan: "3", class: "muted", text: "Not a JSON object: see the JSON view." })]));
  } else {
    const members = Object.entries(object);
    for (const [name, value] of members.slice(0, MAX_ROWS)) body.append(row(name, value, describe(name), clock));
    if (members.length > MAX_ROWS) {
      const more = `${members.length - MAX_ROWS} more members: see the JSON view.`;
      body.append(el("tr", {}, [el("td", { colspan: "3", class: "muted", text: more })]));
    }
  }
  const head = el("thead", {}, [
    el("tr", {}, [
      el("th", { scope: "col", text: which === "header" ? "Parameter" : "Claim" }),
      el("th", { scope: "col", text: "Value" }),
      el("th", { scope: "col", text: "Meaning" }),
    ]),
  ]);
  table.querySelector("thead")?.remove();
  table.querySelector("tbody")?.remove();
  table.append(head, body);
}

function row(name, value, description, clock) {
  const valueCell = el("td", { class: "claim-value" }, [el("span", { class: "value-text", text: valueText(value) })]);
  if (isTimeClaim(name, value)) valueCell.append(...timeDetails(name, value, clock));
  const meaning = description === null
    ? [el("span", { class: "muted", text: "not registered (a private or application-specific name)" })]
    : [el("span", { text: description[0] }), " ", el("cite", { text: description[1] })];
  return el("tr", { "data-claim": name, "data-registered": String(description !== null) }, [
    el("th", { scope: "row" }, [el("code", { text: name })]),
    valueCell,
    el("td", { class: "claim-meaning" }, meaning),
  ]);
}
