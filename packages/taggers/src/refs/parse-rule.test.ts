import { describe, expect, it } from "vitest";
import { RefRuleInvalidError } from "./errors.js";
import { parseRule, parseRules } from "./parse-rule.js";

describe("parseRule", () => {
  it.each([
    ["type=schedule", "schedule", { pattern: "nightly", enable: "true", priority: "1000" }],
    ["type=semver,pattern={{version}}", "semver", { pattern: "{{version}}", value: "", match: "", enable: "true", priority: "900" }],
    ["type=pep440,pattern={{raw}}", "pep440", { pattern: "{{raw}}", value: "", match: "", enable: "true", priority: "900" }],
    ["type=match,pattern=\\d+", "match", { pattern: "\\d+", group: "0", value: "", enable: "true", priority: "800" }],
    ["type=edge", "edge", { branch: "", enable: "true", priority: "700" }],
    ["type=ref,event=branch", "ref", { event: "branch", enable: "true", priority: "600" }],
    ["type=ref,event=pr", "ref", { event: "pr", prefix: "pr-", enable: "true", priority: "600" }],
    ["type=raw,value=latest", "raw", { value: "latest", enable: "true", priority: "200" }],
    ["type=sha", "sha", { prefix: "sha-", format: "short", enable: "true", priority: "100" }],
  ] as const)("fills the defaults of %s", (line, type, attrs) => {
    expect(parseRule(line)).toEqual({ type, attrs, line, preset: undefined });
  });

  it.each([
    ["nightly-build", { value: "nightly-build" }],
    ["type=raw,foo", { value: "foo" }],
    ["value=a=b=c", { value: "a=b=c" }],
    ["=starts-with-equals", { value: "=starts-with-equals" }],
    [" TYPE = raw , VALUE = x ", { value: "x" }],
    ["type=raw,value=first,value=second", { value: "second" }],
    ["type=raw,value=x,colour=blue", { value: "x", colour: "blue" }],
    ['type=raw,"value=a,b"', { value: "a,b" }],
  ])("reads %j as a raw rule with %j", (line, expected) => {
    expect(parseRule(line)).toMatchObject({ type: "raw", attrs: expected });
  });

  it("keeps a __proto__ field as plain data", () => {
    const rule = parseRule("type=raw,value=x,__proto__=polluted");
    expect(Object.hasOwn(rule.attrs, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("records the preset a line came from", () => {
    expect(parseRule("type=sha", "docker-stacks").preset).toBe("docker-stacks");
  });

  it.each([
    ["type=Raw,value=x", "type"],
    ["type=release", "type"],
    ["type=semver", "pattern"],
    ["type=pep440,value=1.0", "pattern"],
    ["type=match,value=x", "pattern"],
    ["type=match,pattern=x,group=one", "group"],
    ["type=ref", "event"],
    ["type=ref,event=push", "event"],
    ["type=raw", "value"],
    ["type=sha,format=medium", "format"],
    ["type=sha,length=0", "length"],
    ["type=sha,length=twelve", "length"],
    ['type=raw,value=a"b', undefined],
    ["", undefined],
  ])("throws RefRuleInvalidError for %j (attribute %s)", (line, attribute) => {
    const error = (() => {
      try {
        parseRule(line);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RefRuleInvalidError);
    expect(error).toMatchObject({ code: "REF_RULE_INVALID", line, attribute });
    expect((error as Error).message).toContain(JSON.stringify(line));
  });

  it("accepts an empty group (it selects nothing later)", () => {
    expect(parseRule("type=match,pattern=x,group=").attrs["group"]).toBe("");
  });
});

describe("parseRules", () => {
  it("uses metadata-action's default rules when there are none", () => {
    expect(parseRules([]).map((rule) => rule.line)).toEqual(["type=schedule", "type=ref,event=branch", "type=ref,event=tag", "type=ref,event=pr"]);
  });

  it("sorts by priority, highest first, keeping input order on ties", () => {
    const lines = ["type=sha", "type=raw,value=a", "type=semver,pattern={{version}}", "type=raw,value=b", "type=ref,event=tag,priority=2000"];
    expect(parseRules(lines.map((line) => ({ line }))).map((rule) => rule.line)).toEqual([
      "type=ref,event=tag,priority=2000",
      "type=semver,pattern={{version}}",
      "type=raw,value=a",
      "type=raw,value=b",
      "type=sha",
    ]);
  });

  it("parses every line, so an invalid disabled rule still throws", () => {
    expect(() => parseRules([{ line: "type=raw,value=x" }, { line: "type=ref,enable=false" }])).toThrow(RefRuleInvalidError);
  });
});
