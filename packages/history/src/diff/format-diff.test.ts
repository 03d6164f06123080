import { describe, expect, it } from "vitest";
import type { BuildDiff } from "./diff-builds.js";
import { diffToText } from "./format-diff.js";

const diff = (unchanged: number): BuildDiff => ({
  from: { label: "a", image: undefined, buildTimestamp: undefined },
  to: { label: "b", image: undefined, buildTimestamp: undefined },
  tags: { added: [], removed: [], changed: [] },
  ecosystems: [{ ecosystem: "os", added: [], removed: [], changed: [], unchanged }],
});

describe("diffToText", () => {
  it("counts unchanged packages in words that agree with the number", () => {
    expect(diffToText(diff(1))).toContain("os: no change (1 package)\n");
    expect(diffToText(diff(2))).toContain("os: no change (2 packages)\n");
  });
});
