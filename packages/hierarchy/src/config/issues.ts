import type { ConfigIssue } from "../errors.js";

/** Collects the problems of one config, so a user sees all of them at once. */
export class IssueList {
  readonly errors: ConfigIssue[] = [];
  readonly warnings: ConfigIssue[] = [];

  error(code: string, path: string, message: string): void {
    this.errors.push({ code, path, message });
  }

  warn(code: string, path: string, message: string): void {
    this.warnings.push({ code, path, message });
  }
}

/** A short description of a value's type for messages ("a number", "an array", "null"). */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" || type === "undefined" ? type : `a ${type}`;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A string or a list of strings, as a list; undefined when it is neither. */
export function stringList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  return undefined;
}
