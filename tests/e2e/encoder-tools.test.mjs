// The encoder's editing help and hand-offs (encoder-tools-flow.mjs), on both faces: the single
// file from disk and the served site (where the clipboard is checked too).

import { test } from "node:test";
import { claimHelpersFlow, editTokenFlow, jsonErrorFlow, shareFlow } from "./encoder-tools-flow.mjs";
import { SKIP_REASON, useBothFaces } from "./support.mjs";

if (SKIP_REASON !== null) {
  test("encoder tools", { skip: SKIP_REASON }, () => {});
} else {
  const { site, withFace } = useBothFaces();

  /** `withFace`, with the browser `permissions` granted to the served site first. */
  function withPage(face, flow, permissions = []) {
    return withFace(face, async (page, session) => {
      if (permissions.length > 0) await session.context.grantPermissions(permissions, { origin: new URL(site.server.url).origin });
      await flow(page);
    });
  }

  for (const face of ["single", "served"]) {
    test(`${face}: JSON errors are pointed at by line and column`, () => withPage(face, jsonErrorFlow));
    test(`${face}: claim helpers set iat, nbf and exp`, () => withPage(face, claimHelpersFlow));
    test(`${face}: "edit this token" reproduces it, and encoder edits never touch the decoder's token`, () => withPage(face, editTokenFlow));
  }
  test("single: copy as token, Bearer header and curl", () => withPage("single", shareFlow));
  test("served: copy as token, Bearer header and curl reach the clipboard", () =>
    withPage("served", (page) => shareFlow(page, { clipboard: true }), ["clipboard-read", "clipboard-write"]));
}
