import { describe, expect, it } from "vitest";
import { REPOSITORY_LABEL } from "./build-tree.js";
import { keptReferences, planPrune } from "./prune-plan.js";

const repo = "imgs.localhost/acme/base";
const other = "imgs.localhost/acme/unrelated";
const image = (id: string, repoTags: string[], labels: Record<string, string> = {}) => ({ id, repoTags, labels });

describe("planPrune", () => {
  const base = {
    repositories: [repo],
    keep: keptReferences([repo], ["new"]),
    inUse: new Set<string>(),
    dangling: [],
    uniqueSize: new Map([
      ["old", 100],
      ["shared", 50],
      ["dangle", 7],
    ]),
  };

  it("keeps latest and the current tag, and removes the rest with the space their last name frees", () => {
    const plan = planPrune({ ...base, images: [image("cur", [`${repo}:latest`, `${repo}:new`]), image("old", [`${repo}:old`, `${repo}:older`])] });
    expect(plan.remove).toEqual([
      { reference: `${repo}:old`, id: "old", kind: "tag", bytes: 0 },
      { reference: `${repo}:older`, id: "old", kind: "tag", bytes: 100 },
    ]);
    expect(plan.keep.map((k) => k.reference)).toEqual([`${repo}:latest`, `${repo}:new`]);
    expect(plan.bytes).toBe(100);
  });

  it("never touches other repositories' names, and frees nothing while they hold the image", () => {
    const plan = planPrune({ ...base, images: [image("shared", [`${repo}:old`, `${other}:x`])] });
    expect(plan.remove).toEqual([{ reference: `${repo}:old`, id: "shared", kind: "tag", bytes: 0 }]);
  });

  it("keeps every name of an image a container uses", () => {
    const plan = planPrune({ ...base, inUse: new Set(["old"]), images: [image("old", [`${repo}:old`])] });
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toEqual([{ reference: `${repo}:old`, id: "old", why: "used by a container" }]);
  });

  it("removes dangling images imgs built for these repositories only", () => {
    const dangling = [image("dangle", [], { [REPOSITORY_LABEL]: repo }), image("theirs", [], { [REPOSITORY_LABEL]: other }), image("anon", [])];
    expect(planPrune({ ...base, images: [], dangling }).remove).toEqual([{ reference: "dangle", id: "dangle", kind: "dangling", bytes: 7 }]);
  });
});
