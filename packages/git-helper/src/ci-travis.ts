import type { CiFacts } from "./types.js";
import { branchRef, nonEmpty, prNumberOf, pullRef, repositoryOf, tagRef } from "./ci-values.js";

/**
 * Travis CI's variables in metadata-action terms. Travis names no default branch, and its
 * repository slug says nothing about which host serves the repository's page.
 */
export function readTravis(env: NodeJS.ProcessEnv): CiFacts {
  const slug = nonEmpty(env.TRAVIS_REPO_SLUG);
  const common = {
    provider: "travis",
    sha: env.TRAVIS_COMMIT ?? "",
    defaultBranch: undefined,
    repository: repositoryOf(slug?.slice(slug.indexOf("/") + 1), undefined),
  } as const;
  const branch = nonEmpty(env.TRAVIS_BRANCH);
  const tag = nonEmpty(env.TRAVIS_TAG);
  if (tag !== undefined) {
    return { ...common, eventName: "push", ref: tagRef(tag), baseRef: undefined, prNumber: undefined, prHeadSha: undefined };
  }
  const pull = nonEmpty(env.TRAVIS_PULL_REQUEST);
  if (pull !== undefined && pull !== "false") {
    return {
      ...common,
      eventName: "pull_request",
      ref: pullRef(pull),
      // For pull requests TRAVIS_BRANCH is the branch the request targets.
      baseRef: branch,
      prNumber: prNumberOf(pull),
      prHeadSha: nonEmpty(env.TRAVIS_PULL_REQUEST_SHA),
    };
  }
  return {
    ...common,
    eventName: env.TRAVIS_EVENT_TYPE === "cron" ? "schedule" : "push",
    ref: branch === undefined ? "" : branchRef(branch),
    baseRef: undefined,
    prNumber: undefined,
    prHeadSha: undefined,
  };
}
