import { describe, expect, it } from "vitest";
import type { RefContext } from "./context.js";
import { RefRuleInvalidError, UnknownPresetError } from "./errors.js";
import { expandPresets, presetNameOf } from "./expand-presets.js";
import { listPresets } from "./presets.js";
import { run, SHA } from "./test-context.js";

describe("listPresets", () => {
  it("lists the seed teams' schemes with descriptions", () => {
    expect(listPresets().map((preset) => preset.name)).toEqual(["ltd-keeper", "marketplace", "cyber-dojo", "docker-stacks"]);
    expect(listPresets().every((preset) => preset.description.length > 20)).toBe(true);
  });

  it.each(listPresets().map((preset) => [preset.name, preset] as const))("%s expands to valid rules", (name, preset) => {
    expect(() => run({ tags: [`preset=${name}`] })).not.toThrow();
    expect(preset.rules.length).toBeGreaterThan(0);
  });
});

describe("presetNameOf", () => {
  it.each([
    ["preset=ltd-keeper", "ltd-keeper"],
    [" PRESET = cyber-dojo ", "cyber-dojo"],
    ["type=raw,value=x,preset=ltd-keeper", undefined],
    ["type=raw,value=preset", undefined],
    ["preset", undefined],
  ])("reads %j as %j", (line, name) => {
    expect(presetNameOf(line)).toBe(name);
  });
});

describe("expandPresets", () => {
  it("expands in place and keeps the user's own rules around it", () => {
    expect(expandPresets(["type=raw,value=first", "preset=docker-stacks", "type=ref,event=branch"]).tags).toEqual([
      "type=raw,value=first",
      "type=sha,prefix=,length=12",
      "type=ref,event=branch",
    ]);
  });

  it("records the preset of each expanded line", () => {
    expect(expandPresets(["preset=Marketplace"]).rules.map((rule) => rule.preset)).toEqual(["marketplace", "marketplace"]);
  });

  it("puts preset flavor before the user's, so the user's wins", () => {
    expect(expandPresets(["preset=ltd-keeper"], { flavor: ["latest=auto"] }).flavor).toEqual(["latest=false", "latest=auto"]);
  });

  it("uses the local rules for a local build", () => {
    expect(expandPresets(["preset=ltd-keeper"], { local: true }).tags).toEqual(["type=raw,value=build"]);
    expect(expandPresets(["preset=cyber-dojo"], { local: true }).tags).toEqual(["type=sha,prefix=,length=7", "type=raw,value=latest,priority=50"]);
  });

  it("throws UnknownPresetError listing the known presets", () => {
    expect(() => expandPresets(["preset=jupyter"])).toThrow(UnknownPresetError);
    expect(() => expandPresets(["preset=jupyter"])).toThrow("known presets: ltd-keeper, marketplace, cyber-dojo, docker-stacks");
  });

  it("leaves a preset key inside a longer rule to metadata-action (ignored attribute)", () => {
    expect(run({ tags: ["type=raw,value=x,preset=nope"] }).tags).toEqual(["x"]);
    expect(() => run({ tags: ["type=raw,preset=ltd-keeper"] })).toThrow(RefRuleInvalidError);
  });
});

describe("computeRefTags with presets", () => {
  const ci = (ctx: Partial<RefContext>) => ({ local: false, ...ctx });
  const short = SHA.slice(0, 7);

  it.each<[string, Partial<RefContext>, readonly string[]]>([
    ["ltd-keeper", ci({ ref: "refs/tags/1.2.3" }), ["1.2.3"]],
    ["ltd-keeper", ci({ ref: "refs/tags/v1.2.3" }), ["1.2.3"]],
    ["ltd-keeper", ci({ ref: "refs/heads/main" }), ["latest"]],
    ["ltd-keeper", ci({ ref: "refs/heads/tickets/DM-1234" }), ["tickets-DM-1234"]],
    ["ltd-keeper", ci({ ref: "refs/pull/5/merge", eventName: "pull_request" }), []],
    ["ltd-keeper", { local: true, ref: "refs/heads/tickets/DM-1234" }, ["build"]],
    ["marketplace", ci({ ref: "refs/heads/main" }), [short, "latest"]],
    ["marketplace", ci({ ref: "refs/heads/feature/x" }), [short]],
    ["cyber-dojo", ci({ ref: "refs/heads/feature/x" }), [short, "latest"]],
    ["cyber-dojo", ci({ ref: "refs/tags/v1.0.0" }), [short, "latest"]],
    ["docker-stacks", ci({ ref: "refs/heads/main" }), [SHA.slice(0, 12)]],
  ])("preset %s in %j gives %j", (preset, ctx, expected) => {
    expect(run({ tags: [`preset=${preset}`], ctx }).tags).toEqual(expected);
  });

  it("keeps cyber-dojo at 7 characters whatever the short sha length", () => {
    expect(run({ tags: ["preset=cyber-dojo"], shortShaLength: 12 }).tags).toEqual([SHA.slice(0, 7), "latest"]);
  });

  it("lets users add rules to a preset", () => {
    expect(run({ tags: ["preset=docker-stacks", "type=ref,event=branch"], ctx: { ref: "refs/heads/dev" } }).tags).toEqual(["dev", SHA.slice(0, 12)]);
  });
});
