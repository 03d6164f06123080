import { resolve } from "node:path";
import type { Manifest } from "@imgs/manifests";
import type { ImageNode, TaggerEntry } from "../model.js";
import { suggest } from "../suggest.js";
import type { Catalog } from "./catalog.js";
import { describe, isRecord, stringList, type IssueList } from "./issues.js";

const IMAGE_KEYS = new Set(["parent", "taggers", "manifests", "dockerfile", "context", "buildArgs"]);

/** Validates and resolves one image entry; problems go to `issues`, the node is best effort. */
export function parseImage(raw: unknown, path: string, catalog: Catalog, baseDir: string, issues: IssueList): ImageNode {
  if (!isRecord(raw)) {
    issues.error("INVALID_TYPE", path, `must be an object, got ${describe(raw)}`);
    return { parent: undefined, taggers: [], manifests: [], dockerfile: undefined, context: undefined, buildArgs: {} };
  }
  for (const key of Object.keys(raw)) {
    if (!IMAGE_KEYS.has(key)) issues.warn("UNKNOWN_KEY", `${path}.${key}`, unknownKey(key, IMAGE_KEYS));
  }
  let parent: string | undefined;
  if (typeof raw.parent === "string") parent = raw.parent;
  else if (raw.parent !== undefined && raw.parent !== null) issues.error("INVALID_TYPE", `${path}.parent`, `must be an image name or null, got ${describe(raw.parent)}`);

  return {
    parent,
    taggers: list(raw.taggers, `${path}.taggers`, issues).flatMap((t, i) => parseTagger(t, `${path}.taggers[${i}]`, catalog, issues)),
    manifests: list(raw.manifests, `${path}.manifests`, issues).flatMap((m, i) => parseManifest(m, `${path}.manifests[${i}]`, catalog, issues)),
    dockerfile: optionalPath(raw.dockerfile, `${path}.dockerfile`, baseDir, issues),
    context: optionalPath(raw.context, `${path}.context`, baseDir, issues),
    buildArgs: buildArgs(raw.buildArgs, `${path}.buildArgs`, issues),
  };
}

function list(value: unknown, path: string, issues: IssueList): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  issues.error("INVALID_TYPE", path, `must be a list, got ${describe(value)}`);
  return [];
}

function parseTagger(raw: unknown, path: string, catalog: Catalog, issues: IssueList): TaggerEntry[] {
  if (typeof raw === "string") {
    const tagger = catalog.taggers.get(raw);
    if (tagger) return [tagger];
    issues.error("UNKNOWN_TAGGER", path, unknownName("tagger", raw, catalog.taggers.keys()));
    return [];
  }
  if (typeof raw === "function") {
    if (raw.name) return [raw as TaggerEntry];
    issues.error("ANONYMOUS_TAGGER", path, "a tagger function needs a name; wrap it with defineTagger(name, fn)");
    return [];
  }
  if (isRecord(raw) && "refs" in raw) {
    const tags = stringList(raw.refs);
    const flavor = raw.flavor === undefined ? [] : stringList(raw.flavor);
    if (!tags || !flavor) {
      issues.error("INVALID_TYPE", path, "refs and flavor must be strings or lists of strings (metadata-action lines)");
      return [];
    }
    try {
      catalog.checkRefRules(tags, flavor);
    } catch (error) {
      issues.error("INVALID_REF_RULE", path, (error as Error).message);
      return [];
    }
    return [{ kind: "refs", tags, flavor }];
  }
  try {
    return [catalog.taggerFromSpec(raw)];
  } catch (error) {
    issues.error("INVALID_TAGGER_SPEC", path, (error as Error).message);
    return [];
  }
}

function parseManifest(raw: unknown, path: string, catalog: Catalog, issues: IssueList): Manifest[] {
  if (typeof raw === "string") {
    const manifest = catalog.manifests.get(raw);
    if (manifest) return [manifest];
    issues.error("UNKNOWN_MANIFEST", path, unknownName("manifest", raw, catalog.manifests.keys()));
    return [];
  }
  if (typeof raw === "function" && raw.name) return [raw as Manifest];
  issues.error("INVALID_MANIFEST", path, `must be a manifest name or a named function (defineManifest), got ${describe(raw)}`);
  return [];
}

function optionalPath(value: unknown, path: string, baseDir: string, issues: IssueList): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && value !== "") return resolve(baseDir, value);
  issues.error("INVALID_TYPE", path, `must be a non-empty path, got ${describe(value)}`);
  return undefined;
}

function buildArgs(value: unknown, path: string, issues: IssueList): Record<string, string> {
  if (value === undefined) return {};
  if (isRecord(value) && Object.values(value).every((v) => typeof v === "string")) return value as Record<string, string>;
  issues.error("INVALID_TYPE", path, "must map names to strings");
  return {};
}

/** "unknown tagger "pyton" (did you mean "python"?)" */
export function unknownName(kind: string, name: string, known: Iterable<string>): string {
  const list = [...known];
  const hint = suggest(name, list);
  return `unknown ${kind} "${name}"${hint ? ` (did you mean "${hint}"?)` : ""}; known ${kind}s: ${list.join(", ") || "none"}`;
}

/** Message for a key that is not part of the schema. */
export function unknownKey(key: string, known: ReadonlySet<string>): string {
  const hint = suggest(key, known);
  return `unknown key "${key}" is ignored${hint ? ` (did you mean "${hint}"?)` : ""}`;
}
