/** An image name that is not in the hierarchy. */
export class UnknownImageError extends Error {
  static readonly code = "UNKNOWN_IMAGE";
  readonly code = UnknownImageError.code;
  override readonly name = "UnknownImageError";
  constructor(
    readonly image: string,
    readonly known: readonly string[],
    readonly suggestion?: string,
  ) {
    super(
      `unknown image "${image}"` +
        (suggestion ? ` (did you mean "${suggestion}"?)` : "") +
        (known.length ? `; the hierarchy has: ${known.join(", ")}` : "; the hierarchy has no images"),
    );
  }
}

/** Parent pointers that loop. */
export class HierarchyCycleError extends Error {
  static readonly code = "HIERARCHY_CYCLE";
  readonly code = HierarchyCycleError.code;
  override readonly name = "HierarchyCycleError";
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
export class ConfigInvalidError extends Error {
  static readonly code = "CONFIG_INVALID";
  readonly code = ConfigInvalidError.code;
  override readonly name = "ConfigInvalidError";
  constructor(
    readonly file: string | undefined,
    readonly issues: readonly ConfigIssue[],
  ) {
    const where = file ?? "the config";
    super(`${where} is invalid:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  }
}

/** No config file was found or the given one does not exist / cannot be read. */
export class ConfigNotFoundError extends Error {
  static readonly code = "CONFIG_NOT_FOUND";
  readonly code = ConfigNotFoundError.code;
  override readonly name = "ConfigNotFoundError";
  constructor(
    readonly searched: string,
    message: string,
  ) {
    super(message);
  }
}

/** A config file that exists but could not be loaded (syntax error, import failure). */
export class ConfigLoadError extends Error {
  static readonly code = "CONFIG_LOAD_FAILED";
  readonly code = ConfigLoadError.code;
  override readonly name = "ConfigLoadError";
  constructor(
    readonly file: string,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`cannot load ${file}: ${reason}`, options);
  }
}

/** A plugin package that cannot be imported or does not look like an imgs plugin. */
export class PluginLoadError extends Error {
  static readonly code = "PLUGIN_LOAD_FAILED";
  readonly code = PluginLoadError.code;
  override readonly name = "PluginLoadError";
  constructor(
    readonly plugin: string,
    readonly reason: string,
    options?: { cause: unknown },
  ) {
    super(`plugin "${plugin}": ${reason}`, options);
  }
}
