import { describe, expect, it } from "vitest";
import type { ExplainEntry, ExplainSkip } from "./types.js";
import { run, SHA } from "./test-context.js";

const reasons = (entries: readonly ExplainEntry[] | undefined): string[] =>
  (entries ?? []).filter((entry): entry is ExplainSkip => entry.kind === "skip").map((entry) => `${entry.rule} => ${entry.reason}`);

describe("computeRefTags explain", () => {
  it("is absent unless asked for", () => {
    expect(run({ tags: ["type=sha"] }).explain).toBeUndefined();
  });

  it("says which rule made each tag, with its attributes and role", () => {
    const explain = run({ tags: ["type=semver,pattern={{version}}", "type=raw,value=1.2.3", "type=sha"], ctx: { ref: "refs/tags/v1.2.3" }, explain: true }).explain;
    expect(explain).toEqual([
      { kind: "context", ref: "refs/tags/v1.2.3", sha: SHA, source: "workflow", refOrigin: undefined, shaOrigin: undefined },
      {
        kind: "tag",
        value: "1.2.3",
        role: "main",
        rule: "type=semver,pattern={{version}}",
        preset: undefined,
        attributes: { type: "semver", pattern: "{{version}}", value: "", match: "", enable: "true", priority: "900" },
      },
      expect.objectContaining({ kind: "tag", value: "1.2.3", role: "duplicate", rule: "type=raw,value=1.2.3" }),
      expect.objectContaining({ kind: "tag", value: "sha-a3c1f9e", role: "partial", rule: "type=sha" }),
      { kind: "latest", added: true, reason: "flavor latest=auto and the first value '1.2.3' (type=semver,pattern={{version}}) marks a release" },
    ]);
  });

  it("says why each rule produced nothing", () => {
    const rules = [
      "type=raw,value=x,enable=false",
      "type=raw,value=y,enable={{is_default_branch}}",
      "type=ref,event=tag",
      "type=semver,pattern={{version}},value={{branch}}",
      "type=pep440,pattern={{version}},value=not-a-version",
      "type=match,pattern=^v\\d,value={{branch}}",
      "type=edge,branch=dev",
      "type=schedule",
      "type=raw,value={{tag}}",
      "type=ref,event=pr",
    ];
    expect(reasons(run({ tags: rules, ctx: { ref: "refs/heads/feature/x" }, explain: true }).explain)).toEqual([
      "type=schedule => not a schedule event (event is \"push\")",
      "type=semver,pattern={{version}},value={{branch}} => 'feature-x' is not a valid semver",
      "type=pep440,pattern={{version}},value=not-a-version => 'not-a-version' does not conform to PEP 440",
      "type=match,pattern=^v\\d,value={{branch}} => pattern ^v\\d did not match 'feature/x'",
      "type=edge,branch=dev => branch 'feature/x' is not the edge branch 'dev'",
      "type=ref,event=tag => not a tag ref",
      "type=ref,event=pr => not a pull request ref",
      "type=raw,value=x,enable=false => disabled by enable=false",
      "type=raw,value=y,enable={{is_default_branch}} => disabled by enable=false ({{is_default_branch}} rendered false)",
      "type=raw,value={{tag}} => the value is empty (even after prefix/suffix)",
    ]);
  });

  it.each([
    [["type=edge,branch=none"], [], "no tag value survived"],
    [["type=semver,pattern={{version}}"], ["latest=false"], "flavor latest=false"],
    [["type=raw,value=x"], ["latest=true"], "flavor latest=true and at least one value survived"],
    [["type=raw,value=x"], [], "flavor latest=auto and the first value 'x' (type=raw,value=x) does not mark a release (type=raw)"],
  ])("explains latest for %j with flavor %j", (tags, flavor, reason) => {
    const explain = run({ tags, flavor, ctx: { ref: "refs/tags/v1.0.0" }, explain: true }).explain ?? [];
    expect(explain.at(-1)).toMatchObject({ kind: "latest", reason });
  });

  it("names the preset a tag came from", () => {
    const explain = run({ tags: ["preset=docker-stacks"], explain: true }).explain ?? [];
    expect(explain[1]).toMatchObject({ kind: "tag", value: "a3c1f9e27d5b", preset: "docker-stacks", rule: "type=sha,prefix=,length=12" });
  });

  it("names the ref and sha the rules saw and where they came from, first", () => {
    const origin = { ref: "git: inferred from refs/remotes/origin/main (HEAD is detached at its tip)", sha: "git: HEAD" };
    const explain = run({ tags: ["type=sha"], ctx: { source: "git", origin }, explain: true }).explain ?? [];
    expect(explain[0]).toEqual({ kind: "context", ref: "refs/heads/main", sha: SHA, source: "git", refOrigin: origin.ref, shaOrigin: origin.sha });
  });
});
