import { readFileSync } from "node:fs";
import type { CiFacts } from "./types.js";
import type { ReadTextFile } from "./ci-github.js";
import { readGithub } from "./ci-github.js";
import { readGitlab } from "./ci-gitlab.js";
import { readJenkins } from "./ci-jenkins.js";
import { readTravis } from "./ci-travis.js";
import { nonEmpty } from "./ci-values.js";

/** Options of readCiEnv. */
export interface ReadCiEnvOptions {
  /** Reads GitHub's event payload file (default: node:fs readFileSync as UTF-8). */
  readonly readFile?: ReadTextFile;
}

const readUtf8: ReadTextFile = (path) => readFileSync(path, "utf8");

/**
 * What the CI environment says about the event being built (GitHub Actions, GitLab CI, Jenkins,
 * Travis CI), in docker/metadata-action's terms; undefined outside those CIs. Names are kept
 * verbatim: making them valid Docker tags is the taggers' job.
 *
 * Nothing missing or unreadable throws: GitHub's event file or variables that cannot be had become
 * `warnings`, and the facts still known are returned (as metadata-action goes on with them).
 *
 * @example const ci = readCiEnv(process.env); if (ci?.eventName === "pull_request") …
 */
export function readCiEnv(env: NodeJS.ProcessEnv, options: ReadCiEnvOptions = {}): CiFacts | undefined {
  if (env.GITHUB_ACTIONS === "true") return readGithub(env, options.readFile ?? readUtf8);
  if (env.GITLAB_CI === "true") return readGitlab(env);
  if (nonEmpty(env.JENKINS_URL) !== undefined) return readJenkins(env);
  if (env.TRAVIS === "true") return readTravis(env);
  return undefined;
}
