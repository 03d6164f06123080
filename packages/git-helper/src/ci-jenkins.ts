import type { CiFacts } from "./types.js";
import { branchRef, nonEmpty, prNumberOf, pullRef, tagRef } from "./ci-values.js";

/**
 * Jenkins' (multibranch) variables in metadata-action terms. Jenkins names no default branch, no
 * repository page and no PR head commit, and a build's trigger is not in the environment.
 */
export function readJenkins(env: NodeJS.ProcessEnv): CiFacts {
  const common = {
    provider: "jenkins",
    sha: env.GIT_COMMIT ?? "",
    defaultBranch: undefined,
    prHeadSha: undefined,
    repository: undefined,
  } as const;
  const tag = nonEmpty(env.TAG_NAME);
  if (tag !== undefined) return { ...common, eventName: "push", ref: tagRef(tag), baseRef: undefined, prNumber: undefined };
  const change = nonEmpty(env.CHANGE_ID);
  if (change !== undefined) {
    return {
      ...common,
      eventName: "pull_request",
      ref: pullRef(change),
      baseRef: nonEmpty(env.CHANGE_TARGET),
      prNumber: prNumberOf(change),
    };
  }
  // Plain (non-multibranch) jobs only have the git plugin's remote-tracking name, e.g. origin/main.
  const branch = nonEmpty(env.BRANCH_NAME) ?? nonEmpty(env.GIT_BRANCH?.replace(/^origin\//, ""));
  return {
    ...common,
    eventName: "push",
    ref: branch === undefined ? "" : branchRef(branch),
    baseRef: undefined,
    prNumber: undefined,
  };
}
