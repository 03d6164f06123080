import { describe, expect, it } from "vitest";
import { countCell, formatPathTable, heavyRuns, ratioLine } from "./_path-report.js";

describe("heavyRuns", () => {
  it.each([
    [20, undefined, 5],
    [20, "", 5],
    [3, undefined, 3],
    [20, "20", 20],
    [1, "1", 1],
  ])("makes %i runs with BENCH_RUNS=%j into %i", (runs, env, expected) => {
    expect(heavyRuns(runs, env)).toBe(expected);
  });

  it("takes another cap for a heavier section", () => {
    expect(heavyRuns(20, undefined, 3)).toBe(3);
    expect(heavyRuns(7, "7", 3)).toBe(7);
  });
});

describe("countCell", () => {
  it.each([
    [[8, 8, 8], "8"],
    [[25, 24, 25], "24–25"],
    [[], "-"],
  ])("shows %j as %s", (values, cell) => {
    expect(countCell(values)).toBe(cell);
  });
});

const imgs = { label: "imgs", ms: [3000, 3500, 4000], containers: [4, 4, 4], execs: [25, 25, 25] };
const sequential = { label: "docker-stacks sequential", ms: [10500, 9000], containers: [8, 8], execs: [50, 50] };

describe("formatPathTable", () => {
  it("aligns labels left and numbers right, times in seconds", () => {
    expect(formatPathTable([imgs, sequential])).toEqual([
      "path                      runs  median s  min s  max s  containers  execs",
      "imgs                         3      3.50   3.00   4.00           4     25",
      "docker-stacks sequential     2      9.75   9.00  10.50           8     50",
    ]);
  });
});

describe("ratioLine", () => {
  it("divides the slow path's median by the fast one's", () => {
    expect(ratioLine(sequential, imgs)).toBe("sequential/imgs: 2.79x (median over median)");
  });
});
