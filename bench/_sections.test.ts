import { describe, expect, it } from "vitest";
import { isSectionFile, parseRuns, selectSections } from "./_sections.js";
import type { BenchSection } from "./_types.js";

const section = (name: string): BenchSection => ({ name, run: () => Promise.resolve() });
const all = [section("git"), section("runner"), section("taggers")];

describe("isSectionFile", () => {
  it.each([
    ["runner.ts", true],
    ["tag-images.ts", true],
    ["index.ts", false],
    ["_stats.ts", false],
    ["runner.test.ts", false],
    ["README.md", false],
  ])("%s → %s", (file, expected) => {
    expect(isSectionFile(file)).toBe(expected);
  });
});

describe("selectSections", () => {
  it("keeps every section when none is named, else the named ones", () => {
    expect(selectSections(all, []).map((s) => s.name)).toEqual(["git", "runner", "taggers"]);
    expect(selectSections(all, ["taggers", "git"]).map((s) => s.name)).toEqual(["git", "taggers"]);
  });

  it("throws naming unknown sections and listing the known ones", () => {
    expect(() => selectSections(all, ["runner", "nope"])).toThrow("unknown bench section(s) nope; there are: git, runner, taggers");
  });
});

describe("parseRuns", () => {
  it.each([
    [undefined, 20],
    ["", 20],
    ["5", 5],
  ])("parses %j as %i", (value, runs) => {
    expect(parseRuns(value)).toBe(runs);
  });

  it.each(["0", "-3", "2.5", "many"])("refuses %j", (value) => {
    expect(() => parseRuns(value)).toThrow(/BENCH_RUNS must be a positive integer/);
  });
});
