import { describe, expect, it } from "vitest";
import { compareRuns } from "./_run-comparison.js";

const files = (mamba: string): Map<string, string> => new Map([["tags/a.txt", `r/o/a:x86_64-latest\nr/o/a:x86_64-mamba-${mamba}`], ["m/a.md", "same"]]);

describe("compareRuns", () => {
  it("counts every file of every run, and identical ones", () => {
    const result = compareRuns([{ dockerStacks: files("2.0.5"), imgs: files("2.0.5") }, { dockerStacks: files("2.0.5"), imgs: files("2.0.5") }], (t) => t);
    expect(result).toEqual({ compared: 4, identical: 4, differences: [], dockerStacksUnstable: [] });
  });

  it("puts a difference down to docker-stacks when another of its runs wrote imgs' file", () => {
    const result = compareRuns([{ dockerStacks: files("2.0.5"), imgs: files("2.0.5") }, { dockerStacks: files(""), imgs: files("2.0.5") }], (t) => t);
    expect(result.identical).toBe(3);
    expect(result.differences).toEqual([]);
    expect(result.dockerStacksUnstable).toEqual(['run 1: tags/a.txt: line 2 is "r/o/a:x86_64-mamba-2.0.5", expected "r/o/a:x86_64-mamba-"']);
  });

  it("keeps a difference imgs is answerable for: docker-stacks never wrote imgs' file", () => {
    const result = compareRuns([{ dockerStacks: files("2.0.5"), imgs: files("2.0.6") }, { dockerStacks: files("2.0.5"), imgs: new Map([["m/a.md", "same"]]) }], (t) => t);
    expect(result.differences).toEqual(['run 0: tags/a.txt: line 2 is "r/o/a:x86_64-mamba-2.0.6", expected "r/o/a:x86_64-mamba-2.0.5"', "run 1: tags/a.txt: missing"]);
    expect(result.identical).toBe(2);
  });
});
