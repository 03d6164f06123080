import { describe, expect, it } from "vitest";
import { readCiEnv } from "./read-ci-env.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const HEAD_SHA = "fedcba9876543210fedcba9876543210fedcba98";
const EVENT_PATH = "/runner/_temp/_github_workflow/event.json";
const REPOSITORY = { name: "stacks", html_url: "https://github.com/org/stacks", default_branch: "main" };

/** A GitHub Actions environment whose event payload file holds `payload`. */
function github(vars: NodeJS.ProcessEnv, payload: unknown) {
  const env = { GITHUB_ACTIONS: "true", GITHUB_SHA: SHA, GITHUB_EVENT_PATH: EVENT_PATH, ...vars };
  const readFile = (path: string): string => {
    if (path !== EVENT_PATH) throw new Error(`unexpected read of ${path}`);
    return JSON.stringify(payload);
  };
  return { env, readFile };
}

const noPr = { baseRef: undefined, prNumber: undefined, prHeadSha: undefined };
const repository = { name: "stacks", htmlUrl: "https://github.com/org/stacks" };

describe("readCiEnv", () => {
  it.each([
    {
      event: "a branch push",
      vars: { GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/heads/main" },
      payload: { ref: "refs/heads/main", repository: REPOSITORY },
      expected: { eventName: "push", ref: "refs/heads/main", ...noPr },
    },
    {
      event: "a tag push from a branch",
      vars: { GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/tags/v1.2.3" },
      payload: { base_ref: "refs/heads/release/1.x", repository: REPOSITORY },
      expected: { eventName: "push", ref: "refs/tags/v1.2.3", ...noPr, baseRef: "release/1.x" },
    },
    {
      event: "a tag push without base_ref",
      vars: { GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/tags/v1.2.3" },
      payload: { base_ref: null, repository: REPOSITORY },
      expected: { eventName: "push", ref: "refs/tags/v1.2.3", ...noPr },
    },
    {
      event: "a pull request",
      vars: { GITHUB_EVENT_NAME: "pull_request", GITHUB_REF: "refs/pull/15/merge", GITHUB_BASE_REF: "main" },
      payload: { number: 15, pull_request: { number: 15, head: { sha: HEAD_SHA }, base: { ref: "main" } }, repository: REPOSITORY },
      expected: { eventName: "pull_request", ref: "refs/pull/15/merge", baseRef: "main", prNumber: 15, prHeadSha: HEAD_SHA },
    },
    {
      event: "a pull_request_target without GITHUB_BASE_REF",
      vars: { GITHUB_EVENT_NAME: "pull_request_target", GITHUB_REF: "refs/heads/main" },
      payload: { pull_request: { number: 7, head: { sha: HEAD_SHA }, base: { ref: "dev" } }, repository: REPOSITORY },
      expected: { eventName: "pull_request_target", ref: "refs/heads/main", baseRef: "dev", prNumber: 7, prHeadSha: HEAD_SHA },
    },
    {
      event: "a schedule",
      vars: { GITHUB_EVENT_NAME: "schedule", GITHUB_REF: "refs/heads/main" },
      payload: { schedule: "0 0 * * *", repository: REPOSITORY },
      expected: { eventName: "schedule", ref: "refs/heads/main", ...noPr },
    },
    {
      event: "a workflow_dispatch on a hostile branch",
      vars: { GITHUB_EVENT_NAME: "workflow_dispatch", GITHUB_REF: "refs/heads/a$(touch pwned)b/`x`" },
      payload: { ref: "refs/heads/a$(touch pwned)b/`x`", repository: REPOSITORY },
      expected: { eventName: "workflow_dispatch", ref: "refs/heads/a$(touch pwned)b/`x`", ...noPr },
    },
  ])("returns GitHub facts when the event is $event", ({ vars, payload, expected }) => {
    const { env, readFile } = github(vars, payload);

    expect(readCiEnv(env, { readFile })).toEqual({ provider: "github", sha: SHA, defaultBranch: "main", repository, ...expected });
  });

  it("returns the repository from GITHUB_SERVER_URL and GITHUB_REPOSITORY when the payload lacks it", () => {
    const vars = { GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/heads/x", GITHUB_SERVER_URL: "https://ghe.example", GITHUB_REPOSITORY: "org/app" };
    const { env, readFile } = github(vars, {});

    expect(readCiEnv(env, { readFile })).toMatchObject({ defaultBranch: undefined, repository: { name: "app", htmlUrl: "https://ghe.example/org/app" } });
  });

  it("returns facts without reading a file when GITHUB_EVENT_PATH is unset", () => {
    const env = { GITHUB_ACTIONS: "true", GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/heads/main", GITHUB_SHA: SHA };
    const readFile = (path: string): string => {
      throw new Error(`unexpected read of ${path}`);
    };

    expect(readCiEnv(env, { readFile })).toMatchObject({ eventName: "push", ref: "refs/heads/main", repository: undefined });
  });

  it.each([
    {
      problem: "does not exist",
      readFile: (): string => {
        throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
      },
    },
    {
      problem: "cannot be read (EACCES: permission denied)",
      readFile: (): string => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
    },
    { problem: "is not valid JSON", readFile: (): string => "{ not json" },
    { problem: "is not a JSON object", readFile: (): string => "[1, 2]" },
    { problem: "is not a JSON object", readFile: (): string => "null" },
  ])("warns naming the file, and returns the variables' facts, when the payload $problem", ({ problem, readFile }) => {
    const env = { GITHUB_ACTIONS: "true", GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/heads/main", GITHUB_SHA: SHA, GITHUB_EVENT_PATH: EVENT_PATH };

    expect(readCiEnv(env, { readFile })).toEqual({
      provider: "github",
      eventName: "push",
      ref: "refs/heads/main",
      sha: SHA,
      ...noPr,
      defaultBranch: undefined,
      repository: undefined,
      warnings: [`GITHUB_EVENT_PATH ${EVENT_PATH} ${problem}; the facts only the event payload holds (default branch, pull request, base ref) are unknown`],
    });
  });

  it("warns for each of GITHUB_EVENT_NAME, GITHUB_REF and GITHUB_SHA that is not set", () => {
    const { readFile } = github({}, { repository: REPOSITORY });

    const facts = readCiEnv({ GITHUB_ACTIONS: "true", GITHUB_REF: "refs/heads/main", GITHUB_EVENT_PATH: EVENT_PATH }, { readFile });

    expect(facts).toMatchObject({ eventName: "", ref: "refs/heads/main", sha: "", defaultBranch: "main" });
    expect(facts?.warnings).toEqual([
      "GITHUB_EVENT_NAME is not set in this GitHub Actions run; the repository tells what it can instead",
      "GITHUB_SHA is not set in this GitHub Actions run; the repository tells what it can instead",
    ]);
  });

  it.each([
    { from: "the push's commits", payload: { commits: [{ id: "x", timestamp: "2020-01-01T00:00:00Z" }, { id: SHA, timestamp: "2021-02-03T04:05:06+02:00" }] } },
    { from: "head_commit", payload: { head_commit: { id: SHA, timestamp: "2021-02-03T04:05:06+02:00" } } },
  ])("returns the commit date from $from", ({ payload }) => {
    const { env, readFile } = github({ GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/tags/v1" }, payload);

    expect(readCiEnv(env, { readFile })?.commitDate).toBe("2021-02-03T04:05:06+02:00");
  });
});
