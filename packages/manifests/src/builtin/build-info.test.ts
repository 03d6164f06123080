import { fakeSession, fakeContext, fakeGit } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { renderPiece } from "../render-piece.js";
import { buildInfoManifest, buildInfoPiece } from "./build-info.js";

describe("buildInfoManifest", () => {
  it("writes timestamp, image:commit-tag, docker-style size, linked SHA and message from the context", async () => {
    const ctx = fakeContext(fakeSession({}), {
      git: fakeGit({ message: "Add the python image\n\nWith pip." }),
      build: { fullImage: "quay.io/owner/img", repository: "owner/stack" },
    });
    expect(buildInfoManifest.name).toBe("build-info");
    expect(renderPiece(await buildInfoManifest(ctx))).toMatchInlineSnapshot(`
      "## Build Info

      - Build timestamp: 2024-01-02T03:04:05Z
      - Docker image: \`quay.io/owner/img:0123456789ab\`
      - Docker image size: 117MB
      - Git commit SHA: [0123456789abcdef0123456789abcdef01234567](https://github.com/owner/stack/commit/0123456789abcdef0123456789abcdef01234567)
      - Git commit message:

      \`\`\`text
      Add the python image

      With pip.
      \`\`\`"
    `);
  });

  it("runs no command in the container", async () => {
    const session = fakeSession({});
    await buildInfoManifest(fakeContext(session));
    expect(session.calls).toEqual([]);
  });

  it("takes R/O/I from the image reference and shows an unlinked SHA without a repository", async () => {
    const piece = await buildInfoManifest(fakeContext(fakeSession({})));
    const text = renderPiece(piece);
    expect(text).toContain("- Docker image: `quay.io/owner/img:0123456789ab`");
    expect(text).toContain("- Git commit SHA: `0123456789abcdef0123456789abcdef01234567`");
  });
});

describe("buildInfoPiece", () => {
  it("uses another server for the commit link", () => {
    const piece = buildInfoPiece({
      buildTimestamp: "t",
      fullImage: "r/o/i",
      commit: "abc",
      message: "m",
      size: 1984230,
      repository: "o/r",
      serverUrl: "https://gitlab.example",
    });
    expect(piece.sections[0]).toContain("- Docker image size: 1.98MB\n- Git commit SHA: [abc](https://gitlab.example/o/r/commit/abc)");
  });
});
