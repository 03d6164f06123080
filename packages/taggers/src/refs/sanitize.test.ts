import { describe, expect, it } from "vitest";
import { sanitizeImageName, sanitizeTag } from "./sanitize.js";
import { tagsFor } from "./test-context.js";

const LONG_BRANCH = `feature/${"x".repeat(292)}`;

describe("sanitizeTag", () => {
  it.each([
    ["tickets/DM-1234", "tickets-DM-1234"],
    ["feature//double", "feature-double"],
    ["Mixed_Case.1-2", "Mixed_Case.1-2"],
    ["café/über", "caf-ber"],
    ["emoji-🚀-rocket", "emoji---rocket"],
    ["日本語", "-"],
    ["$(rm -rf /)", "-rm--rf-"],
    ["`id`;echo $HOME&&ls|wc>out<in", "-id-echo-HOME-ls-wc-out-in"],
    ["a'b\"c", "a-b-c"],
    ["tab\there\nnewline", "tab-here-newline"],
    ["..hidden--dots__", "..hidden--dots__"],
    ["-leading", "-leading"],
    ["trailing/", "trailing-"],
  ])("turns %j into %j", (value, expected) => {
    expect(sanitizeTag(value)).toBe(expected);
  });

  it("keeps a 300-character value whole (no length limit, as in metadata-action)", () => {
    expect(sanitizeTag(LONG_BRANCH)).toBe(`feature-${"x".repeat(292)}`);
  });
});

describe("sanitizeImageName", () => {
  it("only lower-cases", () => {
    expect(sanitizeImageName("GHCR.io/Org/App_1")).toBe("ghcr.io/org/app_1");
  });
});

describe("computeRefTags with hostile branch names", () => {
  it.each([
    ["refs/heads/feature/login", ["feature-login"]],
    ["refs/heads/fix/ünïcödé", ["fix-n-c-d-"]],
    ["refs/heads/a;b&&c|d", ["a-b-c-d"]],
    ["refs/heads/$(whoami)", ["-whoami-"]],
    ["refs/heads/a=b", ["a-b"]],
    [`refs/heads/${LONG_BRANCH}`, [`feature-${"x".repeat(292)}`]],
  ])("tags branch %j as %j with type=ref,event=branch", (ref, expected) => {
    expect(tagsFor(["type=ref,event=branch"], { ref })).toEqual(expected);
  });

  it("HTML-escapes {{branch}} before sanitizing, unlike type=ref", () => {
    expect(tagsFor(["type=raw,value={{branch}}"], { ref: "refs/heads/a=b&c" })).toEqual(["a-x3D-b-amp-c"]);
  });

  it("leaves {{{branch}}} unescaped", () => {
    expect(tagsFor(["type=raw,value={{{branch}}}"], { ref: "refs/heads/a=b&c" })).toEqual(["a-b-c"]);
  });
});
