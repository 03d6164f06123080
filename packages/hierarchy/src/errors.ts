import { ImgsError, messageOf } from "@imgs/errors";

/** An image name that is not in the hierarchy. */
export class UnknownImageError extends ImgsError {
  readonly code = "UNKNOWN_IMAGE";
  readonly category = "usage";
  constructor(readonly image: string, readonly known: readonly string[], readonly suggestion?: string) {
    super(
      `unknown image "${image}"` +
        (suggestion ? ` (did you mean "${suggestion}"?)` : "") +
        (known.length ? `; the hierarchy has: ${known.join(", ")}` : "; the hierarchy has no images"),
    );
  }
}

/** Parent pointers that loop. */
export class HierarchyCycleError extends ImgsError {
  readonly code = "HIERARCHY_CYCLE";
  readonly category = "usage";
  constructor(readonly cycle: readonly string[]) {
    super(`the image hierarchy has a cycle (image -> parent): ${cycle.join(" -> ")}`);
  }
}

/** One problem found in a config file, with where it is. */
export interface ConfigIssue {
  /** Stable machine-readable kind, e.g. "UNKNOWN_PARENT". */
  readonly code: string;
  /** Dotted path inside the config, e.g. "images.python.parent". */
  readonly path: string;
  readonly message: string;
}

/** A config file that cannot be used; lists every problem found, not only the first. */
export class ConfigInvalidError extends ImgsError {
  readonly code = "CONFIG_INVALID";
  readonly category = "usage";
  constructor(readonly file: string | undefined, readonly issues: readonly ConfigIssue[]) {
    super(`${file ?? "the config"} is invalid:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  }
}

/** No config file was found or the given one does not exist / cannot be read. */
export class ConfigNotFoundError extends ImgsError {
  readonly code = "CONFIG_NOT_FOUND";
  readonly category = "usage";
  /** `searched`: the file given, or the folder the search started from. */
  constructor(readonly searched: string, message: string) {
    super(message);
  }
}

/** A config file that exists but could not be loaded (syntax error, import failure). */
export class ConfigLoadError extends ImgsError {
  readonly code = "CONFIG_LOAD";
  readonly category = "usage";
  constructor(readonly file: string, cause: unknown) {
    super(`cannot load ${file}: ${messageOf(cause)}`, { cause });
  }
}

/** A plugin package that cannot be imported or does not look like an imgs plugin. */
export class PluginLoadError extends ImgsError {
  readonly code = "PLUGIN_LOAD";
  readonly category = "usage";
  constructor(readonly plugin: string, readonly reason: string, cause?: unknown) {
    super(`plugin "${plugin}": ${reason}`, { cause });
  }
}
