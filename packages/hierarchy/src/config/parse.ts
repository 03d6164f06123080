import { ConfigInvalidError, type ConfigIssue } from "../errors.js";
import type { Hierarchy, HierarchyDefaults, ImageNode } from "../model.js";
import { DEFAULT_BUILD_SETTINGS, parseBuildConfig, type BuildSettings } from "./build-config.js";
import type { Catalog } from "./catalog.js";
import { checkTree } from "./check-tree.js";
import { describe, isRecord, IssueList } from "./issues.js";
import { isPathComponent, isRegistryHost, isRepositoryPath } from "@imgs/reference";
import { unknownKey } from "./messages.js";
import { parseImage } from "./parse-image.js";

const TOP_KEYS = new Set([
  "registry", "owner", "repository", "variant", "platform", "tagsDir", "manifestsDir", "histLinesDir", "jobs", "refContext", "plugins", "images", "build",
]);

/** What parseConfig found: the hierarchy when there are no errors, and every problem. */
export interface ParseConfigResult {
  readonly hierarchy: Hierarchy | undefined;
  /** The `build` section (defaults when the config has none). */
  readonly build: BuildSettings;
  readonly errors: readonly ConfigIssue[];
  readonly warnings: readonly ConfigIssue[];
}

/** Options of parseConfig. */
export interface ParseConfigOptions {
  /** The taggers and manifests names may refer to (built-ins plus plugins). */
  readonly catalog: Catalog;
  /** Folder that relative paths in the config are relative to. */
  readonly baseDir: string;
  /** The config file's path, for messages and Hierarchy.configPath. */
  readonly file?: string;
}

/**
 * Validates a config object (what a config file evaluates to) and resolves names to taggers and
 * manifests. Pure: reads no files. Returns all errors and warnings rather than stopping at one.
 */
export function parseConfig(raw: unknown, options: ParseConfigOptions): ParseConfigResult {
  const issues = new IssueList();
  if (!isRecord(raw)) {
    issues.error("INVALID_TYPE", "(root)", `the config must be an object, got ${describe(raw)}`);
    return { hierarchy: undefined, build: DEFAULT_BUILD_SETTINGS, ...issues };
  }
  for (const key of Object.keys(raw)) if (!TOP_KEYS.has(key)) issues.warn("UNKNOWN_KEY", key, unknownKey(key, TOP_KEYS));

  const registry = optionalString(raw, "registry", issues) ?? "";
  if (registry && !isRegistryHost(registry)) issues.error("INVALID_REGISTRY", "registry", `"${registry}" is not a registry host[:port]`);
  const owner = optionalString(raw, "owner", issues) ?? "";
  if (owner && !isRepositoryPath(owner)) issues.error("INVALID_OWNER", "owner", `"${owner}" is not a valid owner (lower-case letters, digits, separators . _ -)`);
  const repository = optionalString(raw, "repository", issues);
  const defaults = parseDefaults(raw, issues);
  optionalStrings(raw, "plugins", issues);
  const build = parseBuildConfig(raw.build, issues);

  const images: Record<string, ImageNode> = {};
  if (!isRecord(raw.images)) {
    issues.error(raw.images === undefined ? "MISSING_KEY" : "INVALID_TYPE", "images", `must map image names to images, got ${describe(raw.images)}`);
  } else {
    for (const [name, value] of Object.entries(raw.images)) {
      const path = `images.${name}`;
      if (!isPathComponent(name)) issues.error("INVALID_IMAGE_NAME", path, `"${name}" is not a valid image name (lower-case letters, digits, separators . _ -)`);
      images[name] = parseImage(value, path, options.catalog, options.baseDir, issues);
    }
    checkTree(images, issues);
  }
  if (issues.errors.length > 0) return { hierarchy: undefined, build, ...issues };
  return {
    hierarchy: { registry, owner, repository, images, defaults, configPath: options.file },
    build,
    ...issues,
  };
}

/** parseConfig, throwing ConfigInvalidError when there is any error. */
export function parseConfigOrThrow(
  raw: unknown,
  options: ParseConfigOptions,
): { hierarchy: Hierarchy; build: BuildSettings; warnings: readonly ConfigIssue[] } {
  const { hierarchy, build, errors, warnings } = parseConfig(raw, options);
  if (!hierarchy) throw new ConfigInvalidError(options.file, errors);
  return { hierarchy, build, warnings };
}

function parseDefaults(raw: Record<string, unknown>, issues: IssueList): HierarchyDefaults {
  const jobs = raw.jobs;
  if (jobs !== undefined && !(Number.isInteger(jobs) && (jobs as number) >= 1)) {
    issues.error("INVALID_TYPE", "jobs", `must be a whole number of at least 1, got ${JSON.stringify(jobs)}`);
  }
  return {
    variant: optionalString(raw, "variant", issues) ?? "default",
    platform: optionalString(raw, "platform", issues),
    tagsDir: optionalString(raw, "tagsDir", issues),
    manifestsDir: optionalString(raw, "manifestsDir", issues),
    histLinesDir: optionalString(raw, "histLinesDir", issues),
    jobs: typeof jobs === "number" && Number.isInteger(jobs) && jobs >= 1 ? jobs : undefined,
    refContext: refContextOf(raw, issues),
  };
}

function refContextOf(raw: Record<string, unknown>, issues: IssueList): "workflow" | "git" | undefined {
  const value = optionalString(raw, "refContext", issues);
  if (value === undefined || value === "workflow" || value === "git") return value;
  issues.error("INVALID_VALUE", "refContext", `must be "workflow" (the CI's event, metadata-action's default) or "git" (the repository), got ${JSON.stringify(value)}`);
  return undefined;
}

function optionalString(raw: Record<string, unknown>, key: string, issues: IssueList): string | undefined {
  const value = raw[key];
  if (value === undefined || typeof value === "string") return value;
  issues.error("INVALID_TYPE", key, `must be a string, got ${describe(value)}`);
  return undefined;
}

function optionalStrings(raw: Record<string, unknown>, key: string, issues: IssueList): void {
  const value = raw[key];
  if (value === undefined || (Array.isArray(value) && value.every((v) => typeof v === "string"))) return;
  issues.error("INVALID_TYPE", key, `must be a list of strings, got ${describe(value)}`);
}
