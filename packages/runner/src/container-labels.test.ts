import { describe, expect, it } from "vitest";
import { containerLabels, parseLabelList } from "./container-labels.js";

describe("parseLabelList", () => {
  it.each([
    [undefined, {}],
    ["", {}],
    ["a=1", { a: "1" }],
    ["a=1, b=x=y ,", { a: "1", b: "x=y" }],
    ["flag", { flag: "" }],
    ["a=1,a=2", { a: "2" }],
  ])("parses %j", (list, labels) => {
    expect(parseLabelList(list)).toEqual(labels);
  });
});

describe("containerLabels", () => {
  it("adds IMGS_CONTAINER_LABELS and dev.imgs.managed=true to the caller's labels", () => {
    const env = { IMGS_CONTAINER_LABELS: "dev.imgs.test-run=r1,team=a" };
    expect(containerLabels(env, { purpose: "tags" })).toEqual({
      purpose: "tags",
      "dev.imgs.test-run": "r1",
      team: "a",
      "dev.imgs.managed": "true",
    });
  });

  it("does not let the caller override the run's labels", () => {
    const env = { IMGS_CONTAINER_LABELS: "dev.imgs.test-run=r1" };
    expect(containerLabels(env, { "dev.imgs.test-run": "other", "dev.imgs.managed": "no" })).toEqual({
      "dev.imgs.test-run": "r1",
      "dev.imgs.managed": "true",
    });
  });
});
