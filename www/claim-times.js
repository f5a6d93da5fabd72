// Time claims (exp, nbf, iat, auth_time...) as a person reads them: UTC ISO 8601, local time with
// its offset, and a relative time that counts down live. Display only: whether the token is
// expired is decided by the engine's `verify` checks; the badges here say what the clock says
// even when no key was given (jwt.io's expiry warning never shows; this one always does).

import { el } from "./dom.js";
import { TIME_CLAIMS } from "./claim-dictionary.js";

/** `2018-01-18T01:30:22Z`, or null for a date JS cannot represent. */
export function formatUtc(seconds) {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(/\.(\d{3})Z$/, (_, ms) => (ms === "000" ? "Z" : `.${ms}Z`));
}

/** `2018-01-18 02:30:22 UTC+01:00` in the browser's time zone, or null. */
export function formatLocal(seconds) {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return null;
  const two = (n) => String(n).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const zone = `UTC${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  const day = `${String(date.getFullYear()).padStart(4, "0")}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `${day} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())} ${zone}`;
}

const UNITS = [
  ["year", 365 * 24 * 3600, "y"],
  ["day", 24 * 3600, "d"],
  ["hour", 3600, "h"],
  ["minute", 60, "min"],
  ["second", 1, "s"],
];

/** "in 4 min 12 s", "3 d 2 h ago", "now": the two largest units, so a countdown moves visibly. */
export function formatRelative(deltaSeconds) {
  const whole = Math.round(Math.abs(deltaSeconds));
  if (whole === 0) return "now";
  const parts = [];
  let rest = whole;
  for (const [, size, short] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0 || parts.length > 0) parts.push(`${count} ${short}`);
    rest -= count * size;
    if (parts.length === 2) break;
  }
  const text = parts.filter((part) => !part.startsWith("0 ")).join(" ");
  return deltaSeconds > 0 ? `in ${text}` : `${text} ago`;
}

/**
 * What the clock says about one time claim at `now` (seconds) with `leeway`: "expired",
 * "not_yet_valid" (nbf in the future), "issued_in_future" (iat), or null when nothing is wrong.
 */
export function timeBadge(claim, seconds, now, leeway = 0) {
  if (claim === "exp" && now >= seconds + leeway) return "expired";
  if (claim === "nbf" && now + leeway < seconds) return "not_yet_valid";
  if (claim === "iat" && now + leeway < seconds) return "issued_in_future";
  return null;
}

export const BADGE_TEXT = {
  expired: "expired",
  not_yet_valid: "not yet valid",
  issued_in_future: "issued in the future",
};

/** Whether `name: value` is a time claim this page explains. */
export function isTimeClaim(name, value) {
  return TIME_CLAIMS.has(name) && typeof value === "number" && Number.isFinite(value);
}

/**
 * The explanation of one time value: UTC, local, a live relative time (`data-seconds` lets the
 * clock below refresh it) and a badge. `clock` is `{ now, leeway, live }`.
 */
export function timeDetails(claim, seconds, clock) {
  const utc = formatUtc(seconds);
  if (utc === null) return [el("span", { class: "time-bad", text: "a date JavaScript cannot represent" })];
  const badge = timeBadge(claim, seconds, clock.now, clock.leeway);
  return [
    el("span", { class: "time-utc", text: utc }),
    el("span", { class: "time-local", text: formatLocal(seconds) }),
    el("span", {
      class: "time-relative",
      "data-seconds": String(seconds),
      "data-live": String(clock.live),
      "data-future": String(seconds - clock.now > 0),
      text: formatRelative(seconds - clock.now),
    }),
    ...(badge === null ? [] : [el("span", { class: "badge", "data-badge": badge, text: BADGE_TEXT[badge] })]),
  ];
}

/** Renders one line per time claim of `payload` into `list` (the summary under the payload). */
export function renderClaimTimes(list, payload, clock) {
  const items = [];
  if (payload !== null && typeof payload === "object" && !Array.isArray(payload)) {
    for (const [claim, value] of Object.entries(payload)) {
      if (!isTimeClaim(claim, value)) continue;
      items.push(el("li", { "data-claim": claim }, [el("code", { text: claim }), ...timeDetails(claim, value, clock)]));
    }
  }
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}

/**
 * Refreshes every live relative time under `root` once a second (one timer for the page), and
 * calls `onCrossing()` when one of them passes zero, so the owner re-renders badges and checks.
 */
export function startLiveClock(root, onCrossing) {
  return setInterval(() => {
    if (document.hidden) return;
    const now = Date.now() / 1000;
    let crossed = false;
    for (const node of root.querySelectorAll('.time-relative[data-live="true"]')) {
      const delta = Number(node.dataset.seconds) - now;
      crossed ||= (delta > 0) !== (node.dataset.future === "true") && node.dataset.future !== undefined;
      node.dataset.future = String(delta > 0);
      node.textContent = formatRelative(delta);
    }
    // A countdown reached zero (the token just expired): the badges and checks must say so now.
    if (crossed) onCrossing?.();
  }, 1000);
}
