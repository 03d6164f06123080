import { hasErrorCode, messageOf } from "@imgs/errors";
import type { CiFacts } from "./types.js";
import { nonEmpty, repositoryOf } from "./ci-values.js";

/** Reads a file's text; injected so that readCiEnv stays testable without real files. */
export type ReadTextFile = (path: string) => string;

type Json = Readonly<Record<string, unknown>>;

/**
 * GitHub Actions' variables and event payload in metadata-action terms (its own context). What is
 * missing or unreadable degrades as metadata-action degrades: a warning, and the facts still known.
 */
export function readGithub(env: NodeJS.ProcessEnv, readFile: ReadTextFile): CiFacts {
  const warnings: string[] = [];
  for (const name of ["GITHUB_EVENT_NAME", "GITHUB_REF", "GITHUB_SHA"]) {
    if (nonEmpty(env[name]) === undefined) warnings.push(`${name} is not set in this GitHub Actions run; the repository tells what it can instead`);
  }
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const ref = env.GITHUB_REF ?? "";
  const sha = env.GITHUB_SHA ?? "";
  const payload = readPayload(nonEmpty(env.GITHUB_EVENT_PATH), readFile, warnings);
  const pullRequest = objectAt(payload, "pull_request");
  const repository = objectAt(payload, "repository");
  const server = nonEmpty(env.GITHUB_SERVER_URL);
  const slug = nonEmpty(env.GITHUB_REPOSITORY);
  return {
    provider: "github",
    eventName,
    ref,
    sha,
    defaultBranch: stringAt(repository, "default_branch"),
    baseRef: baseRefOf(eventName, ref, env, payload, pullRequest),
    prNumber: numberAt(pullRequest, "number") ?? (pullRequest ? numberAt(payload, "number") : undefined),
    prHeadSha: stringAt(objectAt(pullRequest, "head"), "sha"),
    repository: repositoryOf(
      stringAt(repository, "name") ?? slug?.slice(slug.indexOf("/") + 1),
      stringAt(repository, "html_url") ?? (server && slug ? `${server}/${slug}` : undefined),
    ),
    commitDate: commitDateOf(payload, sha),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** The pushed commit's time from the payload, as metadata-action reads it (a push's commits, else head_commit). */
function commitDateOf(payload: Json | undefined, sha: string): string | undefined {
  const commits = payload?.["commits"];
  const listed = Array.isArray(commits) ? commits.map(asObject).find((commit) => stringAt(commit, "id") === sha) : undefined;
  const headCommit = objectAt(payload, "head_commit");
  const timestamp = stringAt(listed, "timestamp") ?? (stringAt(headCommit, "id") === sha ? stringAt(headCommit, "timestamp") : undefined);
  return timestamp !== undefined && !Number.isNaN(Date.parse(timestamp)) ? timestamp : undefined;
}

/** metadata-action's base_ref: the PR's base branch, or the branch a tag was pushed from. */
function baseRefOf(eventName: string, ref: string, env: NodeJS.ProcessEnv, payload: Json | undefined, pr: Json | undefined) {
  if (eventName.includes("pull_request")) return nonEmpty(env.GITHUB_BASE_REF) ?? stringAt(objectAt(pr, "base"), "ref");
  if (ref.startsWith("refs/tags/")) return stringAt(payload, "base_ref")?.replace(/^refs\/heads\//, "");
  return undefined;
}

/** The payload object, or undefined with a warning saying why it cannot be had. */
function readPayload(path: string | undefined, readFile: ReadTextFile, warnings: string[]): Json | undefined {
  if (path === undefined) return undefined;
  const without = "; the facts only the event payload holds (default branch, pull request, base ref) are unknown";
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    // metadata-action (through @actions/github) says the same of a missing file and goes on.
    const problem = hasErrorCode(error, "ENOENT") ? "does not exist" : `cannot be read (${messageOf(error)})`;
    warnings.push(`GITHUB_EVENT_PATH ${path} ${problem}${without}`);
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    warnings.push(`GITHUB_EVENT_PATH ${path} is not valid JSON${without}`);
    return undefined;
  }
  const payload = asObject(parsed);
  if (payload === undefined) warnings.push(`GITHUB_EVENT_PATH ${path} is not a JSON object${without}`);
  return payload;
}

function asObject(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

const objectAt = (object: Json | undefined, key: string): Json | undefined => asObject(object?.[key]);

function stringAt(object: Json | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function numberAt(object: Json | undefined, key: string): number | undefined {
  const value = object?.[key];
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}
