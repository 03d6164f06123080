import { ImgsError } from "@imgs/errors";

/** DOCKER_CONTEXT or config.json's currentContext names a context that has no metadata. */
export class UnknownDockerContextError extends ImgsError {
  readonly code = "UNKNOWN_DOCKER_CONTEXT";
  readonly category = "usage";
  /**
   * `metaPath`: where the context's metadata was looked for; `source`: which setting chose the
   * context, "DOCKER_CONTEXT" or the config.json path.
   */
  constructor(readonly context: string, readonly metaPath: string, readonly source: string) {
    super(
      `docker context ${JSON.stringify(context)} (chosen by ${source}) does not exist: no ${metaPath}; ` +
        "list contexts with `docker context ls`, or unset it to use the default engine",
    );
  }
}

/** DOCKER_HOST, config.json or a context's files cannot be used. */
export class DockerConfigError extends ImgsError {
  readonly code = "DOCKER_CONFIG";
  readonly category = "usage";
  /** `setting`: the variable or file at fault. */
  constructor(readonly setting: string, problem: string, cause?: unknown) {
    super(`${setting}: ${problem}`, { cause });
  }
}
