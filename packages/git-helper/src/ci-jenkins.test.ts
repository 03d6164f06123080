import { describe, expect, it } from "vitest";
import { readCiEnv } from "./read-ci-env.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const JENKINS = { JENKINS_URL: "https://jenkins.example/", GIT_COMMIT: SHA };
const noPr = { baseRef: undefined, prNumber: undefined };

describe("readCiEnv", () => {
  it.each([
    { build: "a multibranch branch", vars: { BRANCH_NAME: "main" }, expected: { eventName: "push", ref: "refs/heads/main", ...noPr } },
    {
      build: "a tag",
      vars: { TAG_NAME: "v1.2.3", BRANCH_NAME: "v1.2.3" },
      expected: { eventName: "push", ref: "refs/tags/v1.2.3", ...noPr },
    },
    {
      build: "a change request",
      vars: { CHANGE_ID: "17", CHANGE_TARGET: "main", BRANCH_NAME: "PR-17" },
      expected: { eventName: "pull_request", ref: "refs/pull/17/merge", baseRef: "main", prNumber: 17 },
    },
    {
      build: "a change request with a non-numeric id",
      vars: { CHANGE_ID: "I8a2f", CHANGE_TARGET: "dev" },
      expected: { eventName: "pull_request", ref: "refs/pull/I8a2f/merge", baseRef: "dev", prNumber: undefined },
    },
    {
      build: "a plain job with GIT_BRANCH",
      vars: { GIT_BRANCH: "origin/feature/x" },
      expected: { eventName: "push", ref: "refs/heads/feature/x", ...noPr },
    },
    {
      build: "a plain job with a local GIT_BRANCH",
      vars: { GIT_BRANCH: "a$(touch pwned)b" },
      expected: { eventName: "push", ref: "refs/heads/a$(touch pwned)b", ...noPr },
    },
    {
      build: "a job where BRANCH_NAME beats GIT_BRANCH",
      vars: { BRANCH_NAME: "release/1.x", GIT_BRANCH: "origin/other" },
      expected: { eventName: "push", ref: "refs/heads/release/1.x", ...noPr },
    },
    { build: "a job without branch variables", vars: {}, expected: { eventName: "push", ref: "", ...noPr } },
  ])("returns Jenkins facts when the build is $build", ({ vars, expected }) => {
    expect(readCiEnv({ ...JENKINS, ...vars })).toEqual({
      provider: "jenkins",
      sha: SHA,
      defaultBranch: undefined,
      prHeadSha: undefined,
      repository: undefined,
      ...expected,
    });
  });
});
