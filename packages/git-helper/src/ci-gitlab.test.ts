import { describe, expect, it } from "vitest";
import { readCiEnv } from "./read-ci-env.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const SOURCE_SHA = "fedcba9876543210fedcba9876543210fedcba98";
const GITLAB = {
  GITLAB_CI: "true",
  CI_COMMIT_SHA: SHA,
  CI_DEFAULT_BRANCH: "main",
  CI_PROJECT_NAME: "stacks",
  CI_PROJECT_URL: "https://gitlab.example/group/stacks",
};
const noPr = { baseRef: undefined, prNumber: undefined, prHeadSha: undefined };

describe("readCiEnv", () => {
  it.each([
    { source: "push", vars: { CI_COMMIT_BRANCH: "main" }, expected: { eventName: "push", ref: "refs/heads/main", ...noPr } },
    { source: "web", vars: { CI_COMMIT_BRANCH: "feature/x" }, expected: { eventName: "push", ref: "refs/heads/feature/x", ...noPr } },
    { source: "api", vars: { CI_COMMIT_BRANCH: "main" }, expected: { eventName: "push", ref: "refs/heads/main", ...noPr } },
    { source: "trigger", vars: { CI_COMMIT_TAG: "v1.2.3" }, expected: { eventName: "push", ref: "refs/tags/v1.2.3", ...noPr } },
    { source: "push", vars: { CI_COMMIT_TAG: "v1.2.3" }, expected: { eventName: "push", ref: "refs/tags/v1.2.3", ...noPr } },
    { source: "schedule", vars: { CI_COMMIT_BRANCH: "main" }, expected: { eventName: "schedule", ref: "refs/heads/main", ...noPr } },
    {
      source: "merge_request_event",
      vars: { CI_MERGE_REQUEST_IID: "42", CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main", CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: SOURCE_SHA },
      expected: { eventName: "pull_request", ref: "refs/pull/42/merge", baseRef: "main", prNumber: 42, prHeadSha: SOURCE_SHA },
    },
    {
      source: "merge_request_event",
      vars: { CI_MERGE_REQUEST_IID: "43", CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "dev", CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: "" },
      expected: { eventName: "pull_request", ref: "refs/pull/43/merge", baseRef: "dev", prNumber: 43, prHeadSha: SHA },
    },
    {
      source: "parent_pipeline",
      vars: { CI_COMMIT_BRANCH: "a$(touch pwned)b" },
      expected: { eventName: "parent_pipeline", ref: "refs/heads/a$(touch pwned)b", ...noPr },
    },
    { source: "pipeline", vars: {}, expected: { eventName: "pipeline", ref: "", ...noPr } },
  ])("returns GitLab facts when CI_PIPELINE_SOURCE is $source and the ref is $expected.ref", ({ source, vars, expected }) => {
    const env = { ...GITLAB, CI_PIPELINE_SOURCE: source, ...vars };

    expect(readCiEnv(env)).toEqual({
      provider: "gitlab",
      sha: SHA,
      defaultBranch: "main",
      repository: { name: "stacks", htmlUrl: "https://gitlab.example/group/stacks" },
      ...expected,
    });
  });

  it("returns no repository and no default branch when GitLab does not name them", () => {
    const env = { GITLAB_CI: "true", CI_PIPELINE_SOURCE: "push", CI_COMMIT_BRANCH: "main", CI_COMMIT_SHA: SHA, CI_DEFAULT_BRANCH: "" };

    expect(readCiEnv(env)).toMatchObject({ defaultBranch: undefined, repository: undefined });
  });
});
