import { entriesToObject } from "./labels.js";
import type { RefTagsResult } from "./types.js";

/**
 * Which bake definition: metadata-action writes `tags` (tags + args), `labels`, `annotations` and
 * `tags-labels` (its `bake-file` output: tags, labels, args); `all` adds the annotations to that.
 */
export type BakeFileKind = "all" | "tags-labels" | "tags" | "labels" | "annotations";

/** Options of toBakeFile. */
export interface BakeFileOptions {
  /** Bake target name (metadata-action's `bake-target`); default `docker-metadata-action`. */
  readonly target?: string | undefined;
  readonly kind?: BakeFileKind | undefined;
}

/** One bake target's attributes. */
export interface BakeTarget {
  readonly tags?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: readonly string[];
  readonly args?: { readonly DOCKER_META_IMAGES: string; readonly DOCKER_META_VERSION?: string };
}

/** A bake definition: `{ "target": { "<name>": { … } } }`. */
export interface BakeDefinition {
  readonly target: Readonly<Record<string, BakeTarget>>;
}

/** The bake definition as data. */
export function bakeDefinition(result: RefTagsResult, options: BakeFileOptions = {}): BakeDefinition {
  const kind = options.kind ?? "all";
  const tags = { tags: result.tags };
  const labels = { labels: entriesToObject(result.labels) };
  const annotations = { annotations: result.annotations };
  // With no main version metadata-action's JSON simply has no DOCKER_META_VERSION key.
  const args = {
    args: {
      DOCKER_META_IMAGES: result.images.join(","),
      ...(result.version.main === undefined ? {} : { DOCKER_META_VERSION: result.version.main }),
    },
  };
  const parts: Record<BakeFileKind, BakeTarget> = {
    all: { ...tags, ...labels, ...annotations, ...args },
    "tags-labels": { ...tags, ...labels, ...args },
    tags: { ...tags, ...args },
    labels,
    annotations,
  };
  const target: Record<string, BakeTarget> = {};
  // defineProperty, so a target named `__proto__` is still an ordinary key.
  Object.defineProperty(target, options.target ?? "docker-metadata-action", { value: parts[kind], enumerable: true });
  return { target };
}

/**
 * metadata-action's bake file content (JSON, two-space indented) for `docker buildx bake -f`.
 *
 * @example toBakeFile(result, { target: "app" }) // '{\n  "target": {\n    "app": {\n      "tags": [ …'
 */
export function toBakeFile(result: RefTagsResult, options: BakeFileOptions = {}): string {
  return JSON.stringify(bakeDefinition(result, options), null, 2);
}
