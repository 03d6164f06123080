import { describe, expect, it } from "vitest";
import { historyLine } from "./history-line.js";
import { parseHistoryLine } from "./parse-history-line.js";

describe("parseHistoryLine", () => {
  it("reads back what historyLine writes", () => {
    const line = historyLine({
      buildTimestamp: "2025-01-13T09:41:27Z",
      fullImage: "quay.io/jupyter/base-notebook",
      image: "base-notebook",
      prefix: "x86_64",
      values: ["3b7e9a1c4f02", "2025-01-13", "python-3.12.8"],
      commit: "3b7e9a1c4f0287d5e6b1a9c0f3d2e4b5a6c7d8e9",
      repository: "jupyter/docker-stacks",
      manifestName: "x86_64-default-base-notebook-3b7e9a1c4f02",
    });
    expect(parseHistoryLine(line)).toEqual({
      buildTimestamp: "2025-01-13T09:41:27Z",
      tags: ["quay.io/jupyter/base-notebook:x86_64-3b7e9a1c4f02", "quay.io/jupyter/base-notebook:x86_64-2025-01-13", "quay.io/jupyter/base-notebook:x86_64-python-3.12.8"],
      links: {
        "Git diff": "https://github.com/jupyter/docker-stacks/commit/3b7e9a1c4f0287d5e6b1a9c0f3d2e4b5a6c7d8e9",
        Dockerfile: "https://github.com/jupyter/docker-stacks/blob/3b7e9a1c4f0287d5e6b1a9c0f3d2e4b5a6c7d8e9/images/base-notebook/Dockerfile",
        "Build manifest": "./x86_64-default-base-notebook-3b7e9a1c4f02",
      },
      manifestName: "x86_64-default-base-notebook-3b7e9a1c4f02",
    });
  });

  it.each(["| Date | Image | Links |", "| - | - | - |", "# Images built during 2025-01", ""])("returns undefined for %j", (line) => {
    expect(parseHistoryLine(line)).toBeUndefined();
  });
});
