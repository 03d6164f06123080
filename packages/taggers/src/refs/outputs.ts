import { createHash } from "node:crypto";
import { OutputDelimiterError } from "./errors.js";
import { entriesToObject } from "./labels.js";
import type { RefTagsResult } from "./types.js";

/** metadata-action's `json` output: tags, tag names, labels as an object, annotations with their levels. */
export interface RefJsonOutput {
  readonly tags: readonly string[];
  readonly "tag-names": readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: readonly string[];
}

/** The `json` output object. */
export function toJsonOutput(result: RefTagsResult): RefJsonOutput {
  return { tags: result.tags, "tag-names": result.tagNames, labels: entriesToObject(result.labels), annotations: result.annotations };
}

/** The outputs metadata-action sets, in its order (bake-file paths are left to the caller). */
export function outputValues(result: RefTagsResult): [string, string][] {
  return [
    ["version", result.version.main ?? ""],
    ["tags", result.tags.join(result.sep.tags)],
    ["tag-names", result.tagNames.join(result.sep.tags)],
    ["labels", result.labels.join(result.sep.labels)],
    ["annotations", result.annotations.join(result.sep.annotations)],
    ["json", JSON.stringify(toJsonOutput(result))],
  ];
}

/** Options of toGithubOutput and toGithubEnv. */
export interface GithubOutputOptions {
  /** Heredoc delimiter; default a `ghadelimiter_<uuid>` derived from the content, so output is reproducible. */
  readonly delimiter?: string | undefined;
}

function delimiterFor(pairs: readonly [string, string][], wanted: string | undefined): string {
  const clashes = (delimiter: string): boolean => pairs.some(([name, value]) => name.includes(delimiter) || value.includes(delimiter));
  if (wanted !== undefined) {
    if (clashes(wanted)) throw new OutputDelimiterError(wanted);
    return wanted;
  }
  for (let salt = 0; ; salt++) {
    const hex = createHash("sha256").update(`${salt}\u0000${JSON.stringify(pairs)}`).digest("hex");
    const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    if (!clashes(`ghadelimiter_${uuid}`)) return `ghadelimiter_${uuid}`;
  }
}

function heredocs(pairs: readonly [string, string][], options: GithubOutputOptions): string {
  const delimiter = delimiterFor(pairs, options.delimiter);
  return pairs.map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`).join("");
}

/**
 * The text metadata-action appends to `$GITHUB_OUTPUT` (version, tags, tag-names, labels, annotations, json),
 * each as a `name<<delimiter` heredoc as @actions/core writes it.
 *
 * @example toGithubOutput(result) // "version<<ghadelimiter_…\n1.2.3\nghadelimiter_…\ntags<<…"
 */
export function toGithubOutput(result: RefTagsResult, options: GithubOutputOptions = {}): string {
  return heredocs(outputValues(result), options);
}

/** The same outputs as `DOCKER_METADATA_OUTPUT_<NAME>` variables, for `$GITHUB_ENV`. */
export function toGithubEnv(result: RefTagsResult, options: GithubOutputOptions = {}): string {
  const pairs = outputValues(result).map(([name, value]): [string, string] => [`DOCKER_METADATA_OUTPUT_${name.replace(/\W/g, "_").toUpperCase()}`, value]);
  return heredocs(pairs, options);
}
