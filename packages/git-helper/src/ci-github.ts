import type { CiFacts } from "./types.js";
import { nonEmpty, repositoryOf } from "./ci-values.js";
import { CiEventPayloadError } from "./errors.js";

/** Reads a file's text; injected so that readCiEnv stays testable without real files. */
export type ReadTextFile = (path: string) => string;

type Json = Readonly<Record<string, unknown>>;

/** GitHub Actions' variables and event payload in metadata-action terms (its own context). */
export function readGithub(env: NodeJS.ProcessEnv, readFile: ReadTextFile): CiFacts {
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const ref = env.GITHUB_REF ?? "";
  const payload = readPayload(nonEmpty(env.GITHUB_EVENT_PATH), readFile);
  const pullRequest = objectAt(payload, "pull_request");
  const repository = objectAt(payload, "repository");
  const server = nonEmpty(env.GITHUB_SERVER_URL);
  const slug = nonEmpty(env.GITHUB_REPOSITORY);
  return {
    provider: "github",
    eventName,
    ref,
    sha: env.GITHUB_SHA ?? "",
    defaultBranch: stringAt(repository, "default_branch"),
    baseRef: baseRefOf(eventName, ref, env, payload, pullRequest),
    prNumber: numberAt(pullRequest, "number") ?? (pullRequest ? numberAt(payload, "number") : undefined),
    prHeadSha: stringAt(objectAt(pullRequest, "head"), "sha"),
    repository: repositoryOf(
      stringAt(repository, "name") ?? slug?.slice(slug.indexOf("/") + 1),
      stringAt(repository, "html_url") ?? (server && slug ? `${server}/${slug}` : undefined),
    ),
  };
}

/** metadata-action's base_ref: the PR's base branch, or the branch a tag was pushed from. */
function baseRefOf(eventName: string, ref: string, env: NodeJS.ProcessEnv, payload: Json | undefined, pr: Json | undefined) {
  if (eventName.includes("pull_request")) return nonEmpty(env.GITHUB_BASE_REF) ?? stringAt(objectAt(pr, "base"), "ref");
  if (ref.startsWith("refs/tags/")) return stringAt(payload, "base_ref")?.replace(/^refs\/heads\//, "");
  return undefined;
}

function readPayload(path: string | undefined, readFile: ReadTextFile): Json | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new CiEventPayloadError(path, "cannot be read", error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CiEventPayloadError(path, "is not valid JSON", error);
  }
  const payload = asObject(parsed);
  if (payload === undefined) throw new CiEventPayloadError(path, "is not a JSON object");
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
