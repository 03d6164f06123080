import { describe, expect, it } from "vitest";
import type { RefContext } from "./context.js";
import { RefTemplateInvalidError } from "./errors.js";
import { isRawStatement } from "./templates.js";
import { run, SHA, tagsFor } from "./test-context.js";

const raw = (template: string): string => `type=raw,value=${template}`;

describe("computeRefTags global expressions", () => {
  it.each<[string, Partial<RefContext>, readonly string[]]>([
    ["{{branch}}", { ref: "refs/heads/dev" }, ["dev"]],
    ["{{branch}}", { ref: "refs/tags/v1.0.0" }, []],
    ["{{tag}}", { ref: "refs/tags/v1.0.0" }, ["v1.0.0"]],
    ["{{tag}}", { ref: "refs/heads/dev" }, []],
    ["{{sha}}", {}, ["a3c1f9e"]],
    ["{{sha}}", { sha: "" }, []],
    ["{{base_ref}}", { ref: "refs/tags/v1.0.0", baseRef: "release/1.x" }, ["release-1.x"]],
    ["{{base_ref}}", { ref: "refs/tags/v1.0.0", baseRef: "refs/heads/main" }, ["main"]],
    ["{{base_ref}}", { ref: "refs/pull/7/merge", baseRef: "main", eventName: "pull_request" }, ["main"]],
    ["{{base_ref}}", { ref: "refs/heads/dev", baseRef: "main" }, []],
    ["{{is_default_branch}}", { ref: "refs/heads/main" }, ["true"]],
    ["{{is_default_branch}}", { ref: "refs/heads/dev" }, ["false"]],
    ["{{is_default_branch}}", { ref: "refs/tags/v1" }, ["false"]],
    ["{{is_default_branch}}", { ref: "refs/tags/v1", eventName: "create" }, ["true"]],
    ["{{is_default_branch}}", { ref: "refs/heads/dev", eventName: "schedule" }, ["true"]],
    ["{{is_default_branch}}", { ref: "", eventName: "schedule" }, ["false"]],
    ["{{is_not_default_branch}}", { ref: "refs/heads/dev" }, ["true"]],
    ["{{unknown_name}}x", {}, ["x"]],
    ["{{constructor}}{{__proto__}}x", {}, ["x"]],
    ["{{date 'YYYYMMDD'}}", {}, ["20240306"]],
    ["{{date 'YYYYMMDD-HHmm' tz='Asia/Tokyo'}}", {}, ["20240307-0830"]],
    ["{{commit_date 'YYYY.MM.DD'}}", {}, ["2024.03.05"]],
    ["{{commit_date YYYY-MM-DD}}", {}, ["2024-03-05T14-07-09Z"]],
    ["{{commit_date 'HH:mm' tz='America/New_York'}}", {}, ["09-07"]],
    ["{{#if tag}}t-{{tag}}{{else}}b-{{branch}}{{/if}}", { ref: "refs/heads/dev" }, ["b-dev"]],
  ])("renders %s in %j as %j", (template, ctx, expected) => {
    expect(tagsFor([raw(template)], ctx)).toEqual(expected);
  });

  it("uses the commit date fallback of now when commitDate is missing", () => {
    expect(tagsFor([raw("{{commit_date 'YYYYMMDD'}}")], { commitDate: undefined })).toEqual(["20240306"]);
  });

  it("follows the short sha length setting in {{sha}}", () => {
    expect(run({ tags: [raw("{{sha}}")], shortShaLength: "12" }).tags).toEqual([SHA.slice(0, 12)]);
  });

  it.each([
    ["{{date}}", "a date helper needs a format argument"],
    ["{{date 'YYYY' zone='UTC'}}", "unknown zone attribute"],
    ["{{date 'YYYY' tz='Nowhere/Atlantis'}}", "unknown time zone"],
    ["{{date 2024}}", "a date format must be a quoted string"],
    ["{{#if}}", "Parse error"],
    ["{{branch", "Parse error"],
  ])("throws RefTemplateInvalidError for %s", (template, reason) => {
    expect(() => tagsFor([raw(template)])).toThrow(RefTemplateInvalidError);
    expect(() => tagsFor([raw(template)])).toThrow(reason);
  });
});

describe("isRawStatement", () => {
  it.each([
    ["{{raw}}", true],
    ["{{ raw }}", true],
    ["{{{raw}}}", true],
    ["v{{raw}}", false],
    ["{{raw}} ", false],
    ["{{raw}}{{raw}}", false],
    ["{{version}}", false],
    ["{{raw", false],
  ])("says %j is %s", (pattern, expected) => {
    expect(isRawStatement(pattern)).toBe(expected);
  });
});
