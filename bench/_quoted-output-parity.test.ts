import { describe, expect, it } from "vitest";
import { formatQuotedOutputRuns } from "./_quoted-output-parity.js";

describe("formatQuotedOutputRuns", () => {
  it("counts each side's different outputs and docker-stacks' runs equal to imgs' output", () => {
    const rows = [
      { command: "apt list --installed", writes: "both", dockerStacks: ["W\nL", "W\nL"], imgs: ["W\nL", "W\nL"] },
      { command: "sh -c 'echo a; echo b >&2'", writes: "both at once", dockerStacks: ["a\nb", "b\na", "a\nb"], imgs: ["b\na", "b\na", "b\na"] },
    ];
    expect(formatQuotedOutputRuns(rows)).toEqual([
      "command                     writes        docker-stacks forms  imgs forms  docker-stacks runs = imgs",
      "apt list --installed        both                            1           1                        2/2",
      "sh -c 'echo a; echo b >&2'  both at once                    2           1                        1/3",
    ]);
  });
});
