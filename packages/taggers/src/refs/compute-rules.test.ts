import { describe, expect, it } from "vitest";
import type { RefContext } from "./context.js";
import { RefContextInvalidError, RefRuleInvalidError } from "./errors.js";
import { run, SHA, tagsFor } from "./test-context.js";

describe("computeRefTags type=edge, ref, raw and sha", () => {
  it.each<[string, Partial<RefContext>, readonly string[]]>([
    ["type=edge", { ref: "refs/heads/main" }, ["edge"]],
    ["type=edge", { ref: "refs/heads/dev" }, []],
    ["type=edge,branch=dev", { ref: "refs/heads/dev" }, ["edge"]],
    ["type=edge", { ref: "refs/heads/main", defaultBranch: "" }, []],
    ["type=edge", { ref: "refs/tags/main" }, []],
    ["type=ref,event=branch", { ref: "refs/tags/v1" }, []],
    ["type=ref,event=tag", { ref: "refs/tags/release/2024" }, ["release-2024", "latest"]],
    ["type=ref,event=tag", { ref: "refs/heads/v1" }, []],
    ["type=ref,event=pr", { ref: "refs/heads/main" }, []],
    ["type=ref,event=pr,prefix=", { eventName: "pull_request", ref: "refs/pull/3/merge" }, ["3"]],
    ["type=ref,event=branch,prefix=br-,suffix=-x", { ref: "refs/heads/dev" }, ["br-dev-x"]],
    ["type=ref,event=branch,suffix={{sha}}", { ref: "refs/heads/dev" }, ["deva3c1f9e"]],
    ["type=raw,value=stable", { ref: "" , eventName: "" }, ["stable"]],
    ["type=raw,value={{branch}}-{{sha}}", { ref: "refs/heads/dev" }, ["dev-a3c1f9e"]],
    ["type=raw,value=", {}, []],
    ["type=raw,value={{tag}},prefix=v", { ref: "refs/heads/dev" }, ["v"]],
    ["type=sha", {}, ["sha-a3c1f9e"]],
    ["type=sha,format=long", {}, [`sha-${SHA}`]],
    ["type=sha,prefix=", {}, ["a3c1f9e"]],
    ["type=sha,prefix=,suffix=-{{branch}}", {}, ["a3c1f9e-main"]],
    ["type=sha,prefix=,length=12", {}, [SHA.slice(0, 12)]],
    ["type=sha,prefix=,length=99", {}, [SHA]],
    ["type=sha", { sha: "" }, []],
    ["type=sha", { sha: "abc" }, ["sha-abc"]],
  ])("%s in %j gives %j", (rule, ctx, expected) => {
    expect(tagsFor([rule], ctx)).toEqual(expected);
  });

  it.each([
    ["5", ["sha-a3c1f"]],
    [40, [`sha-${SHA}`]],
    ["", ["sha-a3c1f9e"]],
  ])("honours shortShaLength %j", (length, expected) => {
    expect(run({ tags: ["type=sha"], shortShaLength: length }).tags).toEqual(expected);
  });

  it("rejects a non-numeric shortShaLength", () => {
    expect(() => run({ tags: ["type=sha"], shortShaLength: "seven" })).toThrow(RefContextInvalidError);
  });
});

describe("computeRefTags enable and priority", () => {
  it.each<[string, Partial<RefContext>, readonly string[]]>([
    ["type=raw,value=x,enable=false", {}, []],
    ["type=raw,value=x,enable=true", {}, ["x"]],
    ["type=raw,value=latest,enable={{is_default_branch}}", { ref: "refs/heads/main" }, ["latest"]],
    ["type=raw,value=latest,enable={{is_default_branch}}", { ref: "refs/heads/dev" }, []],
    ["type=ref,event=branch,enable={{is_not_default_branch}}", { ref: "refs/heads/dev" }, ["dev"]],
  ])("%s in %j gives %j", (rule, ctx, expected) => {
    expect(tagsFor([rule], ctx)).toEqual(expected);
  });

  it.each(["type=raw,value=x,enable=TRUE", "type=raw,value=x,enable=yes", "type=raw,value=x,enable={{branch}}", "type=raw,value=x,enable="])(
    "throws RefRuleInvalidError for %s",
    (rule) => {
      expect(() => tagsFor([rule])).toThrow(RefRuleInvalidError);
    },
  );

  it("orders values by priority, not input order", () => {
    const rules = ["type=sha", "type=raw,value=low,priority=1", "type=ref,event=branch", "type=raw,value=top,priority=5000"];
    expect(run({ tags: rules, ctx: { ref: "refs/heads/dev" } }).version).toEqual({ main: "top", partial: ["dev", "sha-a3c1f9e", "low"], latest: false });
  });

  it("drops partials equal to main and duplicate partials after sanitizing", () => {
    const rules = ["type=raw,value=a/b", "type=raw,value=a-b", "type=raw,value=c", "type=raw,value=c", "type=raw,value=a b"];
    expect(run({ tags: rules }).version).toEqual({ main: "a-b", partial: ["c"], latest: false });
  });

  it("lets the first surviving rule decide latest", () => {
    const rules = ["type=raw,value=first,priority=1000", "type=semver,pattern={{version}}"];
    expect(run({ tags: rules, ctx: { ref: "refs/tags/v1.0.0" } }).tags).toEqual(["first", "1.0.0"]);
  });

  it("lets latest follow a release when a disabled rule comes first", () => {
    const rules = ["type=raw,value=first,priority=1000,enable=false", "type=semver,pattern={{version}}"];
    expect(run({ tags: rules, ctx: { ref: "refs/tags/v1.0.0" } }).tags).toEqual(["1.0.0", "latest"]);
  });
});

describe("computeRefTags images", () => {
  it("repeats main, partials and latest for each enabled image, in input order", () => {
    const result = run({
      images: ["name=ghcr.io/Acme/Widget", "name=acme/widget,enable=false", "docker.io/acme/widget"],
      tags: ["type=semver,pattern={{version}}", "type=semver,pattern={{major}}"],
      ctx: { ref: "refs/tags/v4.5.6" },
    });
    expect(result.tags).toEqual([
      "ghcr.io/acme/widget:4.5.6",
      "ghcr.io/acme/widget:4",
      "ghcr.io/acme/widget:latest",
      "docker.io/acme/widget:4.5.6",
      "docker.io/acme/widget:4",
      "docker.io/acme/widget:latest",
    ]);
    expect(result.images).toEqual(["ghcr.io/acme/widget", "docker.io/acme/widget"]);
  });

  it("gives bare tags when every image is disabled", () => {
    expect(run({ images: ["name=a/b,enable=false"], tags: ["type=raw,value=x"] }).tags).toEqual(["x"]);
  });

  it("gives no tags at all when no value survived", () => {
    expect(run({ images: ["a/b"], tags: ["type=edge,branch=other"] })).toMatchObject({ tags: [], version: { main: undefined, partial: [], latest: false } });
  });
});
