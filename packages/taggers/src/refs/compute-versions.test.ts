import { describe, expect, it } from "vitest";
import { RefRuleInvalidError } from "./errors.js";
import { run, tagsFor } from "./test-context.js";

const tag = (name: string) => ({ ref: `refs/tags/${name}` });
const versionOf = (rules: readonly string[], ref: string) => run({ tags: rules, ctx: { ref } }).version;

describe("computeRefTags type=semver", () => {
  it.each([
    ["v1.2.3", "{{version}}", ["1.2.3", "latest"]],
    ["1.2.3", "{{major}}.{{minor}}", ["1.2", "latest"]],
    ["v0.4.0", "{{major}}", ["0", "latest"]],
    ["v1.2.3", "{{raw}}", ["v1.2.3", "latest"]],
    ["v1.2.3+build.7", "{{version}}", ["1.2.3", "latest"]],
    ["v1.2.3+build.7", "{{build}}", ["build-7", "latest"]],
    ["v1.2.3", "release-{{major}}", ["release-1", "latest"]],
    ["v2.0.0-rc.1", "{{major}}.{{minor}}", ["2.0.0-rc.1"]],
    ["v2.0.0-rc.1", "{{raw}}", ["v2.0.0-rc.1"]],
    ["v2.0.0-rc.1", "{{ raw }}", ["v2.0.0-rc.1"]],
    ["v2.0.0-beta.2+exp.sha", "{{version}}", ["2.0.0-beta.2"]],
    ["v2.0.0-alpha", "{{prerelease}}", ["2.0.0-alpha"]],
  ])("tags %s with pattern %s as %j", (name, pattern, expected) => {
    expect(tagsFor([`type=semver,pattern=${pattern}`], tag(name))).toEqual(expected);
  });

  it.each(["V1.2.3", "=1.2.3", "1.2", "release", "v1.2.3.4", "01.2.3"])("skips invalid semver tag %s", (name) => {
    expect(tagsFor(["type=semver,pattern={{version}}"], tag(name))).toEqual([]);
  });

  it("emits all patterns of a release and one value for a pre-release", () => {
    const rules = ["type=semver,pattern={{version}}", "type=semver,pattern={{major}}.{{minor}}", "type=semver,pattern={{major}}"];
    expect(versionOf(rules, "refs/tags/v3.1.4")).toEqual({ main: "3.1.4", partial: ["3.1", "3"], latest: true });
    expect(versionOf(rules, "refs/tags/v3.1.4-rc.2")).toEqual({ main: "3.1.4-rc.2", partial: [], latest: false });
  });

  it("does not apply to branches without a value attribute", () => {
    expect(tagsFor(["type=semver,pattern={{version}}"], { ref: "refs/heads/main" })).toEqual([]);
  });

  it("reads a templated value on any ref", () => {
    expect(tagsFor(["type=semver,pattern={{major}}.{{minor}},value=v5.6.7"], { ref: "refs/heads/main" })).toEqual(["5.6", "latest"]);
  });

  it("turns / into - before validating", () => {
    expect(tagsFor(["type=semver,pattern={{version}}"], tag("1.2.3/4"))).toEqual(["1.2.3-4"]);
    expect(tagsFor(["type=semver,pattern={{raw}},value=1.0.0-x/y"], {})).toEqual(["1.0.0-x-y"]);
  });

  it.each([
    ["app/v1.2.3", "^app/v(.*)$", ["1.2.3", "latest"]],
    ["p1-v1.0.0", "v(\\d.\\d.\\d)$", ["1.0.0", "latest"]],
    ["v1.2.3", "^app/v(.*)$", ["1.2.3", "latest"]],
  ])("applies match to %s (%s)", (name, match, expected) => {
    expect(tagsFor([`type=semver,pattern={{version}},match=${match}`], tag(name))).toEqual(expected);
  });

  it("throws when match has no capture group 1", () => {
    expect(() => tagsFor(["type=semver,pattern={{version}},match=v\\d"], tag("v1.2.3"))).toThrow(RefRuleInvalidError);
  });
});

describe("computeRefTags type=pep440", () => {
  it.each([
    ["1.2", "{{major}}.{{minor}}.{{patch}}", ["1.2.0", "latest"]],
    ["v1.2.3", "{{version}}", ["1.2.3", "latest"]],
    ["v1.2.3", "{{raw}}", ["v1.2.3", "latest"]],
    // metadata-action's value (its @renovate/pep440 joins a local part's pieces with commas).
    ["1!2.0+local.1", "{{version}}", ["1-2.0-local-1", "latest"]],
    ["1.1beta2", "{{major}}", ["1.1b2"]],
    ["1.1beta2", "{{raw}}", ["1.1beta2"]],
    ["1.0dev4", "{{version}}", ["1.0.dev4"]],
    ["1.2post1", "{{major}}.{{minor}}", ["1.2.post1"]],
    ["v1.2.3rc2", "{{version}}", ["1.2.3rc2"]],
  ])("tags %s with pattern %s as %j", (name, pattern, expected) => {
    expect(tagsFor([`type=pep440,pattern=${pattern}`], tag(name))).toEqual(expected);
  });

  it.each(["latest", "1.2.x", "v1.2.3-foo-bar"])("skips %s, which does not conform to PEP 440", (name) => {
    expect(tagsFor(["type=pep440,pattern={{version}}"], tag(name))).toEqual([]);
  });
});

describe("computeRefTags type=match", () => {
  it.each([
    ["v1.2.3", "pattern=\\d.\\d.\\d", ["1.2.3", "latest"]],
    ["v1.2.3", "pattern=v(\\d.\\d),group=1", ["1.2", "latest"]],
    ["release-20240101-RC2", "pattern=\\d{8}-RC\\d", ["20240101-RC2", "latest"]],
    ["RELEASE-7", "pattern=/release-(\\d+)/i,group=1", ["7", "latest"]],
    ["v1.2.3-beta", "pattern=.*", ["v1.2.3-beta", "latest"]],
    ["v1.2.3", "pattern=nomatch", []],
    ["v1.2.3", "pattern=v(\\d)|(x),group=2", []],
    ["v1.2.3", "pattern=v(\\d),group=5", []],
    ["v1.2.3", "pattern=v(\\d),group=", []],
    ["v1.2.3", "pattern=v(\\d),group=01", []],
  ])("on tag %s with %s gives %j", (name, attrs, expected) => {
    expect(tagsFor([`type=match,${attrs}`], tag(name))).toEqual(expected);
  });

  it("matches a templated value on a branch", () => {
    expect(tagsFor(["type=match,pattern=^[a-z]+,value={{branch}}"], { ref: "refs/heads/feature-x" })).toEqual(["feature", "latest"]);
  });

  it.each(["pattern=(unclosed", "pattern=/x/q"])("throws RefRuleInvalidError for an invalid regex %s", (attrs) => {
    expect(() => tagsFor([`type=match,${attrs}`], tag("v1"))).toThrow(RefRuleInvalidError);
  });
});
