import { describe, expect, it } from "vitest";
import { readCiEnv } from "./read-ci-env.js";

describe("readCiEnv", () => {
  it.each([
    { when: "no CI variable is set", env: { HOME: "/home/me", PATH: "/usr/bin" } },
    { when: "only the generic CI=true is set", env: { CI: "true" } },
    { when: "the CI flags are not exactly true", env: { GITHUB_ACTIONS: "false", GITLAB_CI: "", TRAVIS: "1", JENKINS_URL: "" } },
  ])("returns undefined when $when", ({ env }) => {
    expect(readCiEnv(env)).toBeUndefined();
  });

  it.each([
    { env: { GITHUB_ACTIONS: "true", GITLAB_CI: "true", TRAVIS: "true", JENKINS_URL: "https://j/" }, provider: "github" },
    { env: { GITLAB_CI: "true", TRAVIS: "true", JENKINS_URL: "https://j/" }, provider: "gitlab" },
    { env: { TRAVIS: "true", JENKINS_URL: "https://j/" }, provider: "jenkins" },
    { env: { TRAVIS: "true" }, provider: "travis" },
  ])("returns provider $provider when several CI variables are set", ({ env, provider }) => {
    expect(readCiEnv(env)?.provider).toBe(provider);
  });

});
