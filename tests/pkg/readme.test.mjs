// The package README's examples, run as a user would: every ```js block as an ES module and
// every ```cjs block as CommonJS, in a fresh project with the packed package installed.
// Blocks tagged ```js browser or ```html need a page; the browser tests cover those uses.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { PKG_DIR, installedProject } from "./project.mjs";

const README = readFileSync(join(PKG_DIR, "README.md"), "utf8");
const BLOCKS = [...README.matchAll(/^```(js|cjs)\n([\s\S]*?)^```$/gm)].map((match, index) => ({
  name: `example-${index + 1}.${match[1] === "cjs" ? "cjs" : "mjs"}`,
  code: match[2],
  line: README.slice(0, match.index).split("\n").length,
}));

let project;
before(() => {
  project = installedProject("readme", Object.fromEntries(BLOCKS.map((block) => [block.name, block.code])));
});
after(() => project?.cleanup());

test("the README has runnable examples for ESM and CommonJS", () => {
  assert.ok(BLOCKS.filter((block) => block.name.endsWith(".mjs")).length >= 6, `${BLOCKS.length} blocks`);
  assert.ok(BLOCKS.some((block) => block.name.endsWith(".cjs")));
});

for (const block of BLOCKS) {
  test(`README example at line ${block.line} runs (${block.name})`, () => {
    try {
      execFileSync(process.execPath, [block.name], { cwd: project.dir, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      assert.fail(`README.md:${block.line} failed:\n${error.stderr}`);
    }
  });
}

test("the README documents every error code, option, attribute, event, part and custom property", () => {
  const read = (path) => readFileSync(join(PKG_DIR, "..", path), "utf8");
  const types = read("js/jwt-lens.d.ts");
  const codes = [...types.match(/export type DiagnosticCode =([^;]+);/)[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
  const optionBlocks = [...types.matchAll(/^export interface \w+Options \{([^}]+)\}/gm)].map((m) => m[1]).join("\n");
  const options = [...optionBlocks.matchAll(/^ {2}(\w+)\?:/gm)].map((m) => m[1]);
  const element = read("js/element.js");
  const attributes = [...element.match(/observedAttributes = \[([^\]]+)\]/)[1].matchAll(/"([\w-]+)"/g)].map((m) => m[1]);
  const events = [...new Set([...element.matchAll(/"(jwt-lens-[a-z]+)"/g)].map((m) => m[1]))];
  const properties = [...read("js/element-style.js").matchAll(/var\((--jwt-lens-[\w-]+)/g)].map((m) => m[1]);
  const parts = [...read("js/element-view.js").matchAll(/(?:named\("\w+", |textInput\()"([\w-]+)"/g)].map((m) => m[1]);
  assert.ok(codes.length >= 30 && options.length >= 12 && attributes.length === 6 && events.length === 2, "the sources were read");
  assert.ok(properties.length >= 15 && parts.length >= 10, "the element's styles and parts were read");
  for (const name of [...codes, ...options, ...attributes, ...events, ...new Set(properties), ...parts, "frame"]) {
    assert.ok(README.includes(`\`${name}\``), `README.md does not document \`${name}\``);
  }
});
