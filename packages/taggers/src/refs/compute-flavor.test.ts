import { describe, expect, it } from "vitest";
import type { RefContext } from "./context.js";
import { RefFlavorInvalidError } from "./errors.js";
import { tagsFor } from "./test-context.js";

const TAG = { ref: "refs/tags/v1.2.3" };
const SEMVER = ["type=semver,pattern={{version}}"];

describe("computeRefTags flavor", () => {
  it.each<[readonly string[], readonly string[], Partial<RefContext>, readonly string[]]>([
    [SEMVER, ["latest=auto"], TAG, ["1.2.3", "latest"]],
    [SEMVER, ["latest=false"], TAG, ["1.2.3"]],
    [["type=ref,event=branch"], ["latest=true"], { ref: "refs/heads/dev" }, ["dev", "latest"]],
    [["type=ref,event=branch"], ["latest=true"], { ref: "refs/tags/x" }, []],
    [SEMVER, ["prefix=app-"], TAG, ["app-1.2.3", "latest"]],
    [SEMVER, ["prefix=app-,onlatest=true"], TAG, ["app-1.2.3", "app-latest"]],
    [SEMVER, ["suffix=-slim"], TAG, ["1.2.3-slim", "latest"]],
    [SEMVER, ["suffix=-slim,onlatest=true"], TAG, ["1.2.3-slim", "latest-slim"]],
    [SEMVER, ["prefix=a-,suffix=-b,onlatest=true"], TAG, ["a-1.2.3-b", "latest-b"]],
    [SEMVER, ["prefix=a-,onlatest=true", "suffix=-b,onlatest=true"], TAG, ["a-1.2.3-b", "a-latest-b"]],
    [["type=sha"], ["prefix=app-", "suffix=-dev"], {}, ["sha-a3c1f9e-dev"]],
    [["type=ref,event=pr"], ["prefix=app-", "suffix=-bal"], { eventName: "pull_request", ref: "refs/pull/15/merge" }, ["pr-15-bal"]],
    [["type=ref,event=pr,prefix="], ["suffix=-bal"], { eventName: "pull_request", ref: "refs/pull/15/merge" }, ["15-bal"]],
    [["type=raw,value=x,prefix=,suffix="], ["prefix=p-", "suffix=-s"], {}, ["x"]],
    [["type=raw,value=x"], ["prefix={{branch}}-"], {}, ["main-x"]],
    [SEMVER, ["prefix={{branch}}-,onlatest=true"], TAG, ["-1.2.3", "-branch--latest"]],
    [["type=raw,value="], ["prefix=p-"], {}, ["p-"]],
    [["type=raw,value=latest"], ["latest=true"], {}, ["latest", "latest"]],
    [["type=raw,value=x"], ["suffix=/weird!"], {}, ["x-weird-"]],
  ])("rules %j with flavor %j in %j give %j", (rules, flavor, ctx, expected) => {
    expect(tagsFor(rules, ctx, flavor)).toEqual(expected);
  });

  it("throws RefFlavorInvalidError for a bad flavor before looking at the rules", () => {
    expect(() => tagsFor(["type=raw,value=x"], {}, ["latest=maybe"])).toThrow(RefFlavorInvalidError);
  });
});
