import { describe, expect, it } from "vitest";
import { readCiEnv } from "./read-ci-env.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const HEAD_SHA = "fedcba9876543210fedcba9876543210fedcba98";
const TRAVIS = { TRAVIS: "true", TRAVIS_COMMIT: SHA, TRAVIS_REPO_SLUG: "org/stacks", TRAVIS_TAG: "", TRAVIS_PULL_REQUEST: "false" };
const noPr = { baseRef: undefined, prNumber: undefined, prHeadSha: undefined };

describe("readCiEnv", () => {
  it.each([
    {
      build: "a branch push",
      vars: { TRAVIS_EVENT_TYPE: "push", TRAVIS_BRANCH: "main" },
      expected: { eventName: "push", ref: "refs/heads/main", ...noPr },
    },
    {
      build: "a tag push",
      vars: { TRAVIS_EVENT_TYPE: "push", TRAVIS_BRANCH: "v1.2.3", TRAVIS_TAG: "v1.2.3" },
      expected: { eventName: "push", ref: "refs/tags/v1.2.3", ...noPr },
    },
    {
      build: "a pull request",
      vars: { TRAVIS_EVENT_TYPE: "pull_request", TRAVIS_BRANCH: "main", TRAVIS_PULL_REQUEST: "9", TRAVIS_PULL_REQUEST_SHA: HEAD_SHA },
      expected: { eventName: "pull_request", ref: "refs/pull/9/merge", baseRef: "main", prNumber: 9, prHeadSha: HEAD_SHA },
    },
    {
      build: "a cron build",
      vars: { TRAVIS_EVENT_TYPE: "cron", TRAVIS_BRANCH: "main" },
      expected: { eventName: "schedule", ref: "refs/heads/main", ...noPr },
    },
    {
      build: "an api build on a hostile branch",
      vars: { TRAVIS_EVENT_TYPE: "api", TRAVIS_BRANCH: "x;touch pwned;`y`" },
      expected: { eventName: "push", ref: "refs/heads/x;touch pwned;`y`", ...noPr },
    },
  ])("returns Travis facts when the build is $build", ({ vars, expected }) => {
    expect(readCiEnv({ ...TRAVIS, ...vars })).toEqual({
      provider: "travis",
      sha: SHA,
      defaultBranch: undefined,
      repository: { name: "stacks" },
      ...expected,
    });
  });
});
