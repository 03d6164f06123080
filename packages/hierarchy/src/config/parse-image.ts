import { resolve } from "node:path";
import type { Manifest } from "@imgs/manifests";
import type { ImageNode } from "../model.js";
import type { Catalog } from "./catalog.js";
import { describe, isRecord, type IssueList } from "./issues.js";
import { unknownKey, unknownName } from "./messages.js";
import { parseTagger } from "./parse-tagger.js";

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
