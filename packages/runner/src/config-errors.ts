/** DOCKER_CONTEXT or config.json's currentContext names a context that has no metadata. */
export class UnknownDockerContextError extends Error {
  static readonly code = "UNKNOWN_DOCKER_CONTEXT";
  readonly code = UnknownDockerContextError.code;
  override readonly name = "UnknownDockerContextError";
  readonly context: string;
  /** Where the context's metadata was looked for. */
  readonly metaPath: string;
  /** Which setting chose the context: "DOCKER_CONTEXT" or the config.json path. */
  readonly source: string;

  constructor(context: string, metaPath: string, source: string) {
    super(
      `docker context ${JSON.stringify(context)} (chosen by ${source}) does not exist: no ${metaPath}; ` +
        "list contexts with `docker context ls`, or unset it to use the default engine",
    );
    this.context = context;
    this.metaPath = metaPath;
    this.source = source;
  }
}

/** DOCKER_HOST, config.json or a context's files cannot be used. */
export class DockerConfigError extends Error {
  static readonly code = "DOCKER_CONFIG_INVALID";
  readonly code = DockerConfigError.code;
  override readonly name = "DockerConfigError";
  /** The variable or file at fault. */
  readonly setting: string;

  constructor(setting: string, problem: string, cause?: unknown) {
    super(`${setting}: ${problem}`, { cause });
    this.setting = setting;
  }
}
