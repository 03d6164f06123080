import { describe, expect, it } from "vitest";
import { dockerfileInRepository, historyLine } from "./history-line.js";

const base = {
  buildTimestamp: "2024-01-02T03:04:05Z",
  fullImage: "quay.io/jupyter/base-notebook",
  image: "base-notebook",
  prefix: "x86_64",
  values: ["0123456789ab", "2024-01-02"],
  commit: "0123456789abcdef0123456789abcdef01234567",
  repository: "jupyter/docker-stacks",
  manifestName: "x86_64-default-base-notebook-0123456789ab",
};

describe("historyLine", () => {
  it("writes the date, tag and link columns with <br /> between lines and no final newline", () => {
    expect(historyLine(base)).toMatchInlineSnapshot(
      `"| \`2024-01-02T03:04:05Z\` | \`quay.io/jupyter/base-notebook:x86_64-0123456789ab\`<br />\`quay.io/jupyter/base-notebook:x86_64-2024-01-02\` | [Git diff](https://github.com/jupyter/docker-stacks/commit/0123456789abcdef0123456789abcdef01234567)<br />[Dockerfile](https://github.com/jupyter/docker-stacks/blob/0123456789abcdef0123456789abcdef01234567/images/base-notebook/Dockerfile)<br />[Build manifest](./x86_64-default-base-notebook-0123456789ab) |"`,
    );
  });

  it("takes another server, Dockerfile path and a final newline when asked", () => {
    const line = historyLine({ ...base, values: ["v"], serverUrl: "https://gitlab.example", dockerfilePath: "stack/base/Dockerfile", finalNewline: true });
    expect(line).toMatchInlineSnapshot(`
      "| \`2024-01-02T03:04:05Z\` | \`quay.io/jupyter/base-notebook:x86_64-v\` | [Git diff](https://gitlab.example/jupyter/docker-stacks/commit/0123456789abcdef0123456789abcdef01234567)<br />[Dockerfile](https://gitlab.example/jupyter/docker-stacks/blob/0123456789abcdef0123456789abcdef01234567/stack/base/Dockerfile)<br />[Build manifest](./x86_64-default-base-notebook-0123456789ab) |
      "
    `);
  });
});

describe("dockerfileInRepository", () => {
  it.each([
    ["/repo/examples/s/images/python/Dockerfile", "examples/s/images/python/Dockerfile"],
    ["/elsewhere/Dockerfile", undefined],
    ["/repo-sibling/Dockerfile", undefined],
    [undefined, undefined],
  ])("turns %j into the repository path %j", (dockerfile, expected) => {
    expect(dockerfileInRepository(dockerfile, "/repo")).toBe(expected);
  });
});
