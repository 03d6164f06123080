import { messageOf } from "@imgs/errors";
import { refsTagger } from "@imgs/taggers";
import { describe, isRecord, stringList, type IssueList } from "./issues.js";
import { unknownKey } from "./messages.js";

/** The `build` section of a config file: how `imgs build` names, stamps and tags images. */
export interface BuildConfig {
  /** Build argument that carries the parent image to a child's Dockerfile (default "BASE_IMAGE", docker-stacks' name). */
  readonly baseImageArg?: string;
  /** Environment variable that holds the full commit sha in every image (default "SHA", cyber-dojo's); false for none. */
  readonly shaEnv?: string | false;
  /** Put the OCI labels (revision, created, source, version, title, …) on every image (default true). */
  readonly labels?: boolean;
  /** Tag rules in docker/metadata-action's syntax (`preset=<name>` lines too); default: the commit tag and `latest`. */
  readonly tags?: string | readonly string[];
  /** metadata-action flavor lines for those rules. */
  readonly flavor?: string | readonly string[];
}

/** The `build` section, validated, with defaults filled in. */
export interface BuildSettings {
  readonly baseImageArg: string;
  /** undefined: no sha in the environment. */
  readonly shaEnv: string | undefined;
  readonly labels: boolean;
  /** undefined: the commit tag and `latest`. */
  readonly tags: readonly string[] | undefined;
  readonly flavor: readonly string[];
}

/** The settings a config without a `build` section has. */
export const DEFAULT_BUILD_SETTINGS: BuildSettings = { baseImageArg: "BASE_IMAGE", shaEnv: "SHA", labels: true, tags: undefined, flavor: [] };

const BUILD_KEYS = new Set(["baseImageArg", "shaEnv", "labels", "tags", "flavor"]);
/** A name a Dockerfile can use as an ARG or ENV (and that needs no quoting in one). */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True for a name that can be a Dockerfile ARG or ENV variable. */
export const isVariableName = (name: string): boolean => VARIABLE_NAME.test(name);

/** Validates the `build` section; problems go to `issues`, the settings are best effort. */
export function parseBuildConfig(raw: unknown, issues: IssueList): BuildSettings {
  if (raw === undefined) return DEFAULT_BUILD_SETTINGS;
  if (!isRecord(raw)) {
    issues.error("INVALID_TYPE", "build", `must be an object, got ${describe(raw)}`);
    return DEFAULT_BUILD_SETTINGS;
  }
  for (const key of Object.keys(raw)) if (!BUILD_KEYS.has(key)) issues.warn("UNKNOWN_KEY", `build.${key}`, unknownKey(key, BUILD_KEYS));
  const variable = (key: string, value: unknown, fallback: string): string => {
    if (value === undefined) return fallback;
    if (typeof value === "string" && isVariableName(value)) return value;
    issues.error("INVALID_VARIABLE_NAME", `build.${key}`, `must be a variable name (letters, digits and _, not starting with a digit), got ${JSON.stringify(value)}`);
    return fallback;
  };
  const baseImageArg = variable("baseImageArg", raw.baseImageArg, DEFAULT_BUILD_SETTINGS.baseImageArg);
  const shaEnv = raw.shaEnv === false ? undefined : variable("shaEnv", raw.shaEnv, "SHA");
  let labels = true;
  if (typeof raw.labels === "boolean") labels = raw.labels;
  else if (raw.labels !== undefined) issues.error("INVALID_TYPE", "build.labels", `must be true or false, got ${describe(raw.labels)}`);
  const tags = raw.tags === undefined ? undefined : stringList(raw.tags);
  const flavor = raw.flavor === undefined ? [] : stringList(raw.flavor);
  if ((raw.tags !== undefined && !tags) || !flavor) {
    issues.error("INVALID_TYPE", "build", "tags and flavor must be strings or lists of strings (metadata-action lines)");
    return { baseImageArg, shaEnv, labels, tags: undefined, flavor: [] };
  }
  if (tags !== undefined) {
    try {
      // The same check as a { refs: [...] } tagger's: every line, in its local and CI form.
      refsTagger({ tags, flavor });
    } catch (error) {
      issues.error("INVALID_REF_RULE", "build.tags", messageOf(error));
    }
  }
  return { baseImageArg, shaEnv, labels, tags, flavor };
}
