import type { RepoFacts } from "./context.js";

/** The facts the default OCI labels are made of. */
export interface OciFacts {
  readonly repo: RepoFacts | undefined;
  /** version.main, or undefined when no tag was produced. */
  readonly version: string | undefined;
  /** Run instant in ISO form with milliseconds (`2020-01-10T00:30:00.000Z`). */
  readonly created: string;
  /** The effective commit sha. */
  readonly revision: string;
}

/** metadata-action's eight default `org.opencontainers.image.*` entries, empty where a fact is missing. */
export function defaultOciEntries(facts: OciFacts): string[] {
  const repo = facts.repo ?? {};
  return [
    `org.opencontainers.image.title=${repo.name ?? ""}`,
    `org.opencontainers.image.description=${repo.description ?? ""}`,
    `org.opencontainers.image.url=${repo.htmlUrl ?? ""}`,
    `org.opencontainers.image.source=${repo.htmlUrl ?? ""}`,
    `org.opencontainers.image.version=${facts.version ?? ""}`,
    `org.opencontainers.image.created=${facts.created}`,
    `org.opencontainers.image.revision=${facts.revision}`,
    `org.opencontainers.image.licenses=${repo.license ?? ""}`,
  ];
}

/**
 * Merge custom `key=value` entries (already rendered) over the defaults as metadata-action does:
 * split at the first `=`, drop entries without one (`foo=` is kept), later keys win, sort by key.
 *
 * @example mergeEntries(["a=1"], ["b=2", "a=3", "junk"]) // ["a=3", "b=2"]
 */
export function mergeEntries(defaults: readonly string[], custom: readonly string[]): string[] {
  const merged = new Map<string, string>();
  for (const entry of [...defaults, ...custom]) {
    const at = entry.indexOf("=");
    if (at < 0) continue;
    merged.set(entry.slice(0, at), entry.slice(at + 1));
  }
  return [...merged]
    .sort(([a], [b]) => a.localeCompare(b, "en"))
    .map(([key, value]) => `${key}=${value}`);
}

/** Prefix every annotation with each level (`manifest`, `index`, …), level by level. */
export function withLevels(annotations: readonly string[], levels: readonly string[]): string[] {
  return levels.flatMap((level) => annotations.map((annotation) => `${level}:${annotation}`));
}

/**
 * Read `key=value` entries into an object the way metadata-action's JSON and bake outputs do
 * (key up to the first `=`, value up to the end of its line).
 */
export function entriesToObject(entries: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const found = /([^=]*)=(.*)/.exec(entry);
    if (found === null) continue;
    Object.defineProperty(out, found[1] ?? "", { value: found[2] ?? "", enumerable: true, writable: true, configurable: true });
  }
  return out;
}
