// Explains the time claims of a payload (iat, nbf, exp) as dates a person can read. This is
// display only: whether the token is expired is decided by the engine's `verify` checks.

import { el } from "./dom.js";

const TIME_CLAIMS = [
  ["iat", "issued"],
  ["nbf", "not before"],
  ["exp", "expires"],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** Renders one line per numeric time claim of `payload` (an object from `decode`) into `list`. */
export function renderClaimTimes(list, payload, nowSeconds) {
  const items = [];
  if (payload !== null && typeof payload === "object" && !Array.isArray(payload)) {
    for (const [claim, label] of TIME_CLAIMS) {
      const seconds = payload[claim];
      if (typeof seconds !== "number" || !Number.isFinite(seconds)) continue;
      items.push(
        el("li", { "data-claim": claim }, [
          el("code", { text: claim }),
          ` ${label} ${describeDate(seconds)} (${describeDistance(seconds - nowSeconds)})`,
        ]),
      );
    }
  }
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}

function describeDate(seconds) {
  const date = new Date(seconds * 1000);
  // Dates past ±8.64e15 ms are invalid in JS; say so rather than print "Invalid Date".
  return Number.isNaN(date.getTime()) ? "at an unrepresentable date" : date.toISOString().replace(".000Z", "Z");
}

function describeDistance(deltaSeconds) {
  const units = [
    ["year", 365 * 24 * 3600],
    ["month", 30 * 24 * 3600],
    ["day", 24 * 3600],
    ["hour", 3600],
    ["minute", 60],
    ["second", 1],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(deltaSeconds) >= size || unit === "second") {
      return relative.format(Math.round(deltaSeconds / size), unit);
    }
  }
  return "";
}
