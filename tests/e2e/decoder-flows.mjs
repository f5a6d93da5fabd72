// Flows of the decode side (issue #5 / #4): the claims table and dictionary, time badges, the
// claim-check inputs (issuer, audience, "verify as of", leeway) and the list of checks.

import assert from "node:assert/strict";
import { SECRET, expectDiagnostic, expectState, tokenFor } from "./support.mjs";

const check = (page, name) => page.getByTestId("checks").locator(`> [data-check="${name}"]`);

/** Waits until the check `name` is listed with `ok`. */
export async function expectCheck(page, name, ok) {
  try {
    await page.locator(`[data-testid="checks"] > [data-check="${name}"][data-ok="${ok}"]`).waitFor({ state: "attached" });
  } catch {
    const checks = await page.getByTestId("checks").locator("> [data-check]").evaluateAll((nodes) => nodes.map((n) => `${n.dataset.check}:${n.dataset.ok}`));
    assert.fail(`checks: expected ${name}:${ok}, found [${checks.join(", ")}]`);
  }
}

/** The claims table names and explains each claim, and shows time claims three ways. */
export async function claimsTableFlow(page) {
  const exp = 4102444800; // 2100-01-01T00:00:00Z
  const payload = { iss: "https://issuer.example", sub: "alice", aud: "api", iat: 1516239022, exp, email: "a@example.com", tenant: "t1" };
  await page.getByTestId("token-input").fill(tokenFor(payload));
  await page.getByTestId("secret-input").fill(SECRET);
  await expectState(page, "verified");

  await page.getByTestId("view-table").click();
  assert.equal(await page.getByTestId("view-table").getAttribute("aria-pressed"), "true");
  assert.equal(await page.getByTestId("payload-json").isHidden(), true);
  const table = page.getByTestId("claims-table");
  await table.waitFor({ state: "visible" });
  const row = (name) => table.locator(`tr[data-claim="${name}"]`);
  assert.match(await row("iss").textContent(), /Issuer.*RFC 7519 §4\.1\.1/);
  assert.match(await row("email").textContent(), /e-mail.*OpenID Connect Core 1\.0 §5\.1/);
  assert.equal(await row("tenant").getAttribute("data-registered"), "false");
  assert.match(await row("tenant").textContent(), /not registered/);
  const expText = await row("exp").textContent();
  assert.ok(expText.includes("2100-01-01T00:00:00Z"), `exp in UTC: ${expText}`);
  assert.match(expText, /2100-01-01 00:00:00 UTC\+00:00|UTC[+-]\d\d:\d\d/, "exp in local time with its offset");
  assert.match(expText, /in \d+ y/, "exp relative to now");
  assert.equal(await row("exp").locator("[data-badge]").count(), 0, "a future exp has no badge");
  assert.match(await page.getByTestId("header-table").locator('tr[data-claim="alg"]').textContent(), /RFC 7515 §4\.1\.1/);

  // Markup in a claim is text in the table too.
  await page.getByTestId("token-input").fill(tokenFor({ sub: '<img src=x onerror="window.__pwned=1">', exp: 1516239022 }));
  await expectState(page, "verified");
  assert.match(await row("sub").textContent(), /<img src=x/);
  assert.equal(await row("exp").locator('[data-badge="expired"]').textContent(), "expired");
  assert.equal(await page.evaluate(() => document.querySelectorAll("img").length), 0);

  await page.getByTestId("view-json").click();
  await page.getByTestId("payload-json").waitFor({ state: "visible" });
  assert.equal(await table.isHidden(), true);
  // The summary under the payload shows the expired badge in the JSON view as well, with no key.
  await page.getByTestId("secret-input").fill("");
  await expectState(page, "unverified");
  assert.equal(await page.getByTestId("claim-times").locator('[data-claim="exp"] [data-badge="expired"]').count(), 1);
}

/** Expected issuer and audience, "verify as of" and leeway reach the engine; each check is listed. */
export async function claimChecksFlow(page) {
  const payload = { iss: "https://issuer.example", aud: ["api", "web"], nbf: 1700000000, exp: 1700003600 };
  await page.getByTestId("token-input").fill(tokenFor(payload));
  await page.getByTestId("secret-input").fill(SECRET);
  await expectState(page, "verified");
  await expectCheck(page, "exp", false); // expired long ago by the wall clock
  await expectDiagnostic(page, "expired");

  // As of a moment inside the validity window: valid.
  await page.getByTestId("verify-as-of").fill("2023-11-14T23:00:00");
  await expectCheck(page, "exp", true);
  await expectCheck(page, "nbf", true);
  assert.equal(await page.getByTestId("status-detail").getAttribute("data-valid"), "true");

  await page.getByTestId("expect-issuer").fill("https://other.example");
  await expectCheck(page, "iss", false);
  await expectDiagnostic(page, "issuer_mismatch");
  assert.match(await check(page, "iss").textContent(), /https:\/\/other\.example/);
  await page.getByTestId("expect-issuer").fill("https://issuer.example");
  await expectCheck(page, "iss", true);

  await page.getByTestId("expect-audience").fill("admin");
  await expectCheck(page, "aud", false);
  await expectDiagnostic(page, "audience_mismatch");
  await page.getByTestId("expect-audience").fill("other, web");
  await expectCheck(page, "aud", true);

  // Just after exp: expired, unless the leeway covers it.
  await page.getByTestId("verify-as-of").fill("");
  await page.getByTestId("verify-as-of").fill(localInput(1700003600 + 30));
  await expectCheck(page, "exp", false);
  await page.getByTestId("verify-leeway").fill("60");
  await expectCheck(page, "exp", true);
  await page.getByTestId("verify-leeway").fill("-1");
  assert.match(await page.getByTestId("options-problem").textContent(), /Leeway/);

  for (const id of ["expect-issuer", "expect-audience", "verify-as-of", "verify-leeway"]) await page.getByTestId(id).fill("");
  await expectCheck(page, "exp", false);
}

/** `seconds` as a datetime-local value in the page's (the test process's) local time. */
function localInput(seconds) {
  const date = new Date(seconds * 1000);
  const two = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** Share warns first, then puts only the token in the fragment: never the key or the claim inputs. */
export async function shareFlow(page) {
  const token = tokenFor({ sub: "shared", iss: "https://issuer.example" });
  await page.getByTestId("token-input").fill(token);
  await page.getByTestId("secret-input").fill(SECRET);
  await page.getByTestId("expect-issuer").fill("https://issuer.example");
  await expectState(page, "verified");
  const before = page.url();

  await page.getByTestId("share-button").click();
  const dialog = page.getByTestId("share-dialog");
  await dialog.waitFor({ state: "visible" });
  assert.match(await dialog.textContent(), /Anyone with the link can read every claim/);
  assert.equal(page.url(), before, "nothing is put in the address before the user confirms");
  await page.getByTestId("share-cancel").click();
  await dialog.waitFor({ state: "hidden" });
  assert.equal(page.url(), before);

  await page.getByTestId("share-button").click();
  await page.getByTestId("share-confirm").click();
  await page.waitForFunction(() => window.location.hash.startsWith("#token="));
  const url = page.url();
  assert.equal(new URL(url).hash, `#token=${token}`, "the fragment is the token and nothing else");
  assert.equal(await page.getByTestId("share-url").inputValue(), url);
  for (const secret of [SECRET, encodeURIComponent(SECRET), "issuer.example"]) {
    assert.ok(!url.includes(secret), `the URL carries ${secret}`);
  }
  await page.getByTestId("share-cancel").click();
  assert.equal(await page.getByTestId("secret-input").inputValue(), SECRET, "sharing leaves the key box alone");
}

/** Copy redacted shows (and copies) the token's shape without its values or signature. */
export async function redactFlow(page) {
  const token = tokenFor({ sub: "alice@example.com", iss: "https://issuer.example", exp: 1700000000, roles: ["admin"] });
  await page.getByTestId("token-input").fill(token);
  await page.getByTestId("copy-redacted").click();
  await page.getByTestId("redacted-dialog").waitFor({ state: "visible" });
  const text = await page.getByTestId("redacted-output").inputValue();
  assert.match(text, /"alg":"HS256"/);
  assert.match(text, /"iss":"https:\/\/issuer\.example"/);
  assert.match(text, /"exp":1700000000/);
  assert.match(text, /"sub":"<string, 17 chars>"/);
  for (const secret of ["alice@example.com", "admin", token.split(".")[2]]) assert.ok(!text.includes(secret), secret);
  await page.getByTestId("redacted-close").click();
  await page.getByTestId("redacted-dialog").waitFor({ state: "hidden" });
}

/** The theme menu: dark and light apply and are the only thing stored; "System" stores nothing. */
export async function themeFlow(page) {
  const stored = () => page.evaluate(() => ({ ...localStorage }));
  assert.deepEqual(await stored(), {}, "nothing stored before the user picks a theme");
  await page.getByTestId("theme-select").selectOption("dark");
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  assert.deepEqual(await stored(), { "jwt-lens-theme": "dark" });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await page.locator("html[data-ready]").waitFor({ state: "attached" });
  assert.equal(await page.getByTestId("theme-select").inputValue(), "dark", "the choice survives a reload");
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), background);
  await page.getByTestId("theme-select").selectOption("light");
  assert.equal(await page.locator("html").getAttribute("data-theme"), "light");
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), background);
  await page.getByTestId("theme-select").selectOption("system");
  assert.equal(await page.locator("html").getAttribute("data-theme"), null);
  assert.deepEqual(await stored(), {}, "System leaves nothing stored");
}

/** The diagnostics hook holds one child per diagnostic and nothing else, grouped by severity. */
export async function diagnosticsGroupsFlow(page) {
  await page.getByTestId("secret-input").fill("");
  await page.getByTestId("token-input").fill(`Bearer ${tokenFor({ sub: "groups", email: "alice@example.com" })}`); // missing_exp, personal_data
  await expectDiagnostic(page, "bearer_prefix");
  await expectDiagnostic(page, "missing_exp");
  const children = await page.getByTestId("diagnostics").evaluate((list) =>
    [...list.children].map((child) => ({ code: child.dataset.code ?? null, severity: child.dataset.severity, label: child.dataset.groupLabel ?? null })));
  assert.ok(children.length >= 2, JSON.stringify(children));
  assert.ok(children.every((child) => child.code !== null), "every child carries data-code");
  const labels = children.filter((child) => child.label !== null);
  assert.equal(labels.length, new Set(children.map((child) => child.severity)).size, "one heading per severity present");
  assert.match(labels[0].label, /^Warnings \(\d+\)$/, "warnings before notes");
  assert.match(labels.at(-1).label, /^Notes \(\d+\)$/);
}
