import type { CiFacts } from "./types.js";
import { branchRef, nonEmpty, prNumberOf, pullRef, repositoryOf, tagRef } from "./ci-values.js";

/** CI_PIPELINE_SOURCE values that metadata-action would call something else. */
const EVENT_NAMES: Readonly<Record<string, string>> = {
  push: "push",
  web: "push",
  api: "push",
  trigger: "push",
  merge_request_event: "pull_request",
  schedule: "schedule",
};

/** GitLab CI's predefined variables in metadata-action terms; other pipeline sources keep their name. */
export function readGitlab(env: NodeJS.ProcessEnv): CiFacts {
  const source = env.CI_PIPELINE_SOURCE ?? "";
  const sha = env.CI_COMMIT_SHA ?? "";
  const tag = nonEmpty(env.CI_COMMIT_TAG);
  const mergeRequest = nonEmpty(env.CI_MERGE_REQUEST_IID);
  const branch = nonEmpty(env.CI_COMMIT_BRANCH);
  const common = {
    provider: "gitlab",
    eventName: EVENT_NAMES[source] ?? source,
    sha,
    defaultBranch: nonEmpty(env.CI_DEFAULT_BRANCH),
    repository: repositoryOf(nonEmpty(env.CI_PROJECT_NAME), nonEmpty(env.CI_PROJECT_URL)),
  } as const;
  if (tag !== undefined) return { ...common, ref: tagRef(tag), ...noPullRequest };
  if (mergeRequest !== undefined) {
    return {
      ...common,
      ref: pullRef(mergeRequest),
      baseRef: nonEmpty(env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME),
      prNumber: prNumberOf(mergeRequest),
      // In merged-results pipelines CI_COMMIT_SHA is the merge commit, not the request's head.
      prHeadSha: nonEmpty(env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA) ?? nonEmpty(sha),
    };
  }
  return { ...common, ref: branch === undefined ? "" : branchRef(branch), ...noPullRequest };
}

const noPullRequest = { baseRef: undefined, prNumber: undefined, prHeadSha: undefined } as const;
