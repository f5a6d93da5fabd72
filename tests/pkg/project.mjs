// Shared set-up of the package-consumer tests: pack pkg/ as `npm publish` would, and install the
// tarball offline into a fresh temporary project, exactly as a user's `npm install jwt-lens`
// would lay it out. Tools the consumer would have (TypeScript, Vite) come from the repository's
// own node_modules, run with the temporary project as their root.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PKG_DIR = join(ROOT, "pkg");

if (!existsSync(join(PKG_DIR, "package.json"))) {
  // Fail loudly, never skip: scripts/test builds pkg/ before running these tests.
  throw new Error(`${PKG_DIR} is not built: run scripts/build first`);
}

const quietNpm = { npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };

/**
 * Packs pkg/ and installs the tarball into a new project under os.tmpdir(). `files` maps paths
 * (relative to the project) to their text. Returns `{ dir, tarball, cleanup }`.
 */
export function installedProject(name, files = {}) {
  const tmp = mkdtempSync(join(tmpdir(), `jwt-lens-${name}-`));
  const env = { ...process.env, ...quietNpm, npm_config_cache: join(tmp, "npm-cache") };
  const [info] = JSON.parse(execFileSync("npm", ["pack", PKG_DIR, "--json", "--pack-destination", tmp], { env, encoding: "utf8" }));
  const tarball = join(tmp, info.filename);
  const dir = join(tmp, "project");
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `jwt-lens-${name}`, version: "1.0.0", private: true, type: "module" }));
  execFileSync("npm", ["install", tarball, "--offline", "--no-package-lock"], { cwd: dir, env, stdio: "pipe" });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, tarball, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** Opens `url` in a fresh context and waits for `html[data-result]`, which the page's script sets. */
export async function pageResult(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  const requests = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("request", (request) => requests.push(request.url()));
  try {
    await page.goto(url);
    try {
      await page.locator("html[data-result]").waitFor({ state: "attached" });
    } catch {
      throw new Error(`the page never reported a result: ${errors.join(" | ") || "no error reported"}`);
    }
    const result = JSON.parse(await page.locator("html").getAttribute("data-result"));
    return { result, errors, requests, page, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}
