import type { CiFacts } from "./types.js";

/** The metadata-action ref of a branch. */
export const branchRef = (branch: string): string => `refs/heads/${branch}`;

/** The metadata-action ref of a tag. */
export const tagRef = (tag: string): string => `refs/tags/${tag}`;

/** The metadata-action ref of a pull (or merge) request, as GitHub names its merge ref. */
export const pullRef = (id: string): string => `refs/pull/${id}/merge`;

/** The variable's value, or undefined when it is unset or empty (CI systems export blanks freely). */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** A pull-request number from a CI variable; undefined unless it is a positive whole number. */
export function prNumberOf(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9][0-9]*$/.test(value) ? Number(value) : undefined;
}

/** CiFacts.repository, or undefined when the CI told neither the name nor the URL. */
export function repositoryOf(name: string | undefined, htmlUrl: string | undefined): CiFacts["repository"] {
  if (name === undefined && htmlUrl === undefined) return undefined;
  return { ...(name === undefined ? {} : { name }), ...(htmlUrl === undefined ? {} : { htmlUrl }) };
}
