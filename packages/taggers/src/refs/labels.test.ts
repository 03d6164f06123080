import { describe, expect, it } from "vitest";
import { RefTemplateInvalidError } from "./errors.js";
import { entriesToObject, mergeEntries } from "./labels.js";
import { run, SHA } from "./test-context.js";

const OCI = "org.opencontainers.image";

describe("computeRefTags labels", () => {
  it("gives metadata-action's default OCI labels, sorted by key", () => {
    expect(run({ tags: ["type=ref,event=branch"], ctx: { ref: "refs/heads/dev" } }).labels).toEqual([
      `${OCI}.created=2024-03-06T23:30:00.000Z`,
      `${OCI}.description=A widget`,
      `${OCI}.licenses=Apache-2.0`,
      `${OCI}.revision=${SHA}`,
      `${OCI}.source=https://example.test/acme/widget`,
      `${OCI}.title=widget`,
      `${OCI}.url=https://example.test/acme/widget`,
      `${OCI}.version=dev`,
    ]);
  });

  it("leaves facts it lacks empty", () => {
    const labels = run({ tags: ["type=edge,branch=none"], ctx: { repo: undefined, sha: "", now: "2020-01-10T00:30:00Z" } }).labels;
    expect(labels).toEqual([
      `${OCI}.created=2020-01-10T00:30:00.000Z`,
      `${OCI}.description=`,
      `${OCI}.licenses=`,
      `${OCI}.revision=`,
      `${OCI}.source=`,
      `${OCI}.title=`,
      `${OCI}.url=`,
      `${OCI}.version=`,
    ]);
  });

  it("renders, merges and sorts custom labels", () => {
    const labels = run({
      tags: ["type=raw,value=x"],
      labels: [`${OCI}.title=Custom {{branch}}`, "maintainer=team", "no-equals-sign", "empty=", `${OCI}.vendor=Acme=Corp`],
    }).labels;
    expect(labels).toContain(`${OCI}.title=Custom main`);
    expect(labels).toContain("maintainer=team");
    expect(labels).toContain("empty=");
    expect(labels).toContain(`${OCI}.vendor=Acme=Corp`);
    expect(labels.some((label) => label.startsWith("no-equals-sign"))).toBe(false);
    expect(labels[0]).toBe("empty=");
  });

  it("prefixes annotations with each level", () => {
    const annotations = run({ tags: ["type=raw,value=x"], annotations: ["a=1"], annotationLevels: ["manifest", "index"] }).annotations;
    expect(annotations.filter((entry) => entry.endsWith("a=1"))).toEqual(["manifest:a=1", "index:a=1"]);
    expect(annotations).toHaveLength(18);
  });

  it("throws RefTemplateInvalidError for a broken label template", () => {
    expect(() => run({ tags: ["type=raw,value=x"], labels: ["a={{#each}}"] })).toThrow(RefTemplateInvalidError);
  });
});

describe("mergeEntries", () => {
  it("lets later keys win", () => {
    expect(mergeEntries(["b=1", "a=1"], ["b=2", "=nokey"])).toEqual(["=nokey", "a=1", "b=2"]);
  });
});

describe("entriesToObject", () => {
  it("splits at the first = and keeps a __proto__ key as data", () => {
    const object = entriesToObject(["a=b=c", "__proto__=x", "none"]);
    expect(object).toEqual({ a: "b=c", ["__proto__"]: "x" });
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
  });
});
