import { describe, expect, it } from "vitest";
import { compileTemplate, groupCount } from "./template.js";

const fill = (template: string, pattern: RegExp, text: string) => {
  const match = pattern.exec(text);
  if (!match) throw new Error("test pattern did not match");
  return compileTemplate(template, pattern)(match);
};

describe("compileTemplate", () => {
  it.each([
    ["v$1", /(\d+)/, "abc 42", "v42"],
    ["$2.$1", /(\d+)\.(\d+)/, "1.2", "2.1"],
    ["$<major>_$<minor>", /(?<major>\d+)\.(?<minor>\d+)/, "10.4", "10_4"],
    ["[$&]", /\d+/, "a7b", "[7]"],
    ["$$1", /(\d)/, "5", "$1"],
    ["x$2y", /(a)|(b)/, "a", "xy"],
    ["$1$1", /(ab)/, "ab", "abab"],
  ])("fills %j from %s", (template, pattern, text, expected) => {
    expect(fill(template, pattern, text)).toBe(expected);
  });
});

describe("groupCount", () => {
  it.each([
    [/abc/, 0],
    [/(a)(?:b)(?<c>c)/, 2],
    [/((a)b)/g, 2],
  ])("counts the groups of %s as %i", (pattern, count) => {
    expect(groupCount(pattern)).toBe(count);
  });
});
