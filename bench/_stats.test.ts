import { describe, expect, it } from "vitest";
import { formatTimings, summarize, timeRuns } from "./_stats.js";

describe("summarize", () => {
  it.each([
    [[5], { median: 5, min: 5, max: 5 }],
    [[3, 1, 2], { median: 2, min: 1, max: 3 }],
    [[4, 1, 3, 2], { median: 2.5, min: 1, max: 4 }],
  ])("summarises %j", (samples, summary) => {
    expect(summarize(samples)).toEqual(summary);
  });

  it("refuses an empty set", () => {
    expect(() => summarize([])).toThrow(/no samples/);
  });
});

describe("timeRuns", () => {
  it("runs the action the given number of times", async () => {
    let calls = 0;
    const samples = await timeRuns(3, () => Promise.resolve((calls += 1)));
    expect(calls).toBe(3);
    expect(samples).toHaveLength(3);
  });
});

describe("formatTimings", () => {
  it("aligns labels left and numbers right", () => {
    expect(
      formatTimings([
        { label: "long operation name", samples: [1, 2, 30] },
        { label: "short", samples: [100.25, 200.5] },
      ]),
    ).toEqual([
      "operation            runs  median ms  min ms  max ms",
      "long operation name     3        2.0     1.0    30.0",
      "short                   2      150.4   100.3   200.5",
    ]);
  });
});
