import { describe, expect, it } from "vitest";
import { formatPep440, parsePep440 } from "./pep440.js";

describe("parsePep440", () => {
  it.each([
    ["1.2", "1.2"],
    ["v1.2.3", "1.2.3"],
    ["V2.0", "2.0"],
    ["1.1beta2", "1.1b2"],
    ["1.1-ALPHA.3", "1.1a3"],
    ["1.0c1", "1.0rc1"],
    ["1.0preview", "1.0rc0"],
    ["1.0dev4", "1.0.dev4"],
    ["1.0-dev", "1.0.dev0"],
    ["1.2post1", "1.2.post1"],
    ["1.2-7", "1.2.post7"],
    ["1.2.rev", "1.2.post0"],
    ["v1.2.3rc2", "1.2.3rc2"],
    ["1!2.0+local.1", "1!2.0+local.1"],
    ["01.002.0003", "1.2.3"],
    ["2.0+Ubuntu_01-B", "2.0+ubuntu.1.b"],
    ["1.0a1.post2.dev3", "1.0a1.post2.dev3"],
  ])("normalises %j to %j", (text, normalised) => {
    const parsed = parsePep440(text);
    expect(parsed).toBeDefined();
    expect(formatPep440(parsed!)).toBe(normalised);
  });

  it.each(["", "latest", "1.2.x", "v", "1.0+", "1.0+local..1", "1.0-beta-gamma", "1.2.3/4", "main"])("rejects %j", (text) => {
    expect(parsePep440(text)).toBeUndefined();
  });

  it("exposes the parts", () => {
    expect(parsePep440("3!4.5rc6.post7.dev8+abc")).toEqual({
      epoch: 3,
      release: [4, 5],
      pre: ["rc", 6],
      post: 7,
      dev: 8,
      local: "abc",
    });
  });
});
