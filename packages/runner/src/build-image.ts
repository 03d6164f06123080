import type Dockerode from "dockerode";
import type { ImageBuildOptions } from "dockerode";
import { packBuildContext, readBuildContext } from "./build-context.js";
import type { BuildContext } from "./build-context.js";
import { BuildAbortedError, BuildContextInvalidError, BuildFailedError } from "./errors/build.js";
import { engineFailure, missingBaseImage } from "./build-failures.js";
import type { BuildFailureDetails } from "./build-failures.js";
import { BuildMessageReader } from "./build-messages.js";
import type { BuildOutcome } from "./build-messages.js";
import { readBuildStream } from "./build-stream.js";
import { packDockerfileOnly, TEXT_DOCKERFILE_NAME } from "./dockerfile-only-context.js";
import { dockerClient } from "./create-docker.js";
import { engineError, engineMessageOf, isUnreachable, unreachableError, statusCodeOf } from "./docker-errors.js";
import { parseReference } from "@imgs/reference";

/** Options of buildImage. */
export interface BuildImageOptions {
  /** Build context folder; it is read here and streamed to the engine as a tar, so the engine never sees the path. */
  readonly context?: string;
  /** Dockerfile path: absolute, or relative to the context (default "Dockerfile"); it may lie outside the context. */
  readonly dockerfile?: string;
  /**
   * The Dockerfile as text, for a build with no context (`docker build - < Dockerfile`), e.g. one
   * that only adds metadata to another image; give either this or `context`.
   */
  readonly dockerfileText?: string;
  /** Build this stage of a multi-stage Dockerfile (`docker build --target`). */
  readonly target?: string;
  /** Use no cached layers (`docker build --no-cache`). */
  readonly noCache?: boolean;
  /** Tags to give the image, e.g. ["imgs.localhost/imgs-example/python:latest"]. */
  readonly tags: readonly string[];
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Labels added to the image. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Called with each line of build output ("Step 1/5 : FROM …", RUN output), without its newline. */
  readonly onOutput?: (line: string) => void;
  /** The engine, from createDocker (nothing is read from the process). */
  readonly docker: Dockerode;
  /** Stops waiting and throws BuildAbortedError; the engine stops the build when the connection closes. */
  readonly signal?: AbortSignal;
}

/** A built image. */
export interface BuildImageResult {
  /** sha256:… image id. */
  readonly id: string;
  readonly tags: readonly string[];
  /** All lines of build output, joined with "\n". */
  readonly output: string;
}

/** The query of POST /build. */
function buildRequest(context: Pick<BuildContext, "dockerfileName">, tags: readonly string[], options: BuildImageOptions, signal: AbortSignal): ImageBuildOptions {
  const request = {
    t: tags, // docker-modem sends an array as t=a&t=b, which the engine takes as several tags
    dockerfile: context.dockerfileName,
    buildargs: { ...options.buildArgs },
    labels: { ...options.labels },
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.noCache === true ? { nocache: true } : {}),
    // Never pull newer bases; a missing one the classic builder pulls even so, hence missingBaseImage.
    pull: false,
    // Intermediate containers go even when a step fails, so a failed build leaves none behind.
    rm: true,
    forcerm: true,
    version: "1", // the classic builder, whose messages (aux.ID, "Step n/m") are read here
    abortSignal: signal,
  } as const;
  // The types allow one tag only.
  return request as unknown as ImageBuildOptions;
}

/**
 * Build an image from a Dockerfile with the engine's classic builder, as `docker build` does:
 * the context honours .dockerignore, intermediate containers are removed even when a step fails,
 * and nothing is pulled (a base image that is not local is a BuildFailedError).
 *
 * @example const { id } = await buildImage({ context: "images/python", tags: ["imgs.localhost/python:latest"] });
 */
export async function buildImage(options: BuildImageOptions): Promise<BuildImageResult> {
  const tags = [...options.tags];
  const aborted = (): BuildAbortedError => new BuildAbortedError(tags, options.signal?.reason);
  if (options.signal?.aborted) throw aborted();
  for (const tag of tags) parseReference(tag);
  const context = await contextOf(options);
  const fail = (failure: BuildFailureDetails, cause?: unknown): BuildFailedError =>
    new BuildFailedError({ tags, dockerfile: context.dockerfile, ...failure }, cause);
  const { docker, endpoint } = dockerClient(options.docker);
  const missing = await missingBaseImage(docker, endpoint, context.dockerfileContent.toString("utf8"), options.buildArgs);
  if (missing) throw fail(missing);
  if (options.signal?.aborted) throw aborted();

  // Aborted by the caller, or by a file that cannot be packed; either closes the connection.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const archive = context.entries === undefined ? packDockerfileOnly(context.dockerfileContent.toString("utf8")) : packBuildContext({ ...context, entries: context.entries });
  let packError: Error | undefined;
  archive.on("error", (error: Error) => {
    packError = error;
    stop.abort(error);
  });
  const reader = new BuildMessageReader(options.onOutput);
  let outputError: Error | undefined;
  let streaming = false;
  try {
    const stream = await docker.buildImage(archive, buildRequest(context, tags, options, signal));
    streaming = true;
    await readBuildStream(stream, signal, (chunk) => {
      try {
        reader.push(chunk);
      } catch (error) {
        outputError = error instanceof Error ? error : new Error("onOutput threw a non-Error", { cause: error });
        throw outputError;
      }
    });
  } catch (error) {
    if (options.signal?.aborted) throw aborted();
    // The caller's onOutput threw: its error, not ours.
    if (outputError !== undefined) throw outputError;
    if (packError !== undefined) {
      throw new BuildContextInvalidError(context.dir, context.dockerfile, `cannot pack the context: ${packError.message}`, packError);
    }
    if (isUnreachable(error)) throw unreachableError(error, endpoint);
    // The engine refused the build with an HTTP error (e.g. a Dockerfile it cannot parse), or the stream broke mid-build.
    if (statusCodeOf(error) !== undefined || streaming) {
      const { output, step } = reader.end();
      throw fail({ reason: engineMessageOf(error), output, step }, error);
    }
    throw error;
  } finally {
    archive.destroy();
  }

  const outcome = reader.end();
  if (outcome.error !== undefined) throw fail(engineFailure(outcome, outcome.error));
  return { id: await imageIdOf(docker, endpoint, outcome, tags, fail), tags, output: outcome.output };
}

/** The checked context of a build; a Dockerfile given as text has no folder and no entries. */
async function contextOf(options: BuildImageOptions): Promise<Omit<BuildContext, "entries"> & { readonly entries: BuildContext["entries"] | undefined }> {
  if (options.dockerfileText === undefined) {
    if (options.context === undefined) throw new BuildContextInvalidError("(none)", options.dockerfile ?? "Dockerfile", "give a context folder or the Dockerfile as text");
    return readBuildContext(options.context, options.dockerfile);
  }
  if (options.context !== undefined) {
    throw new BuildContextInvalidError(options.context, "(text)", "a Dockerfile given as text builds without a context; give one or the other");
  }
  const dockerfileContent = Buffer.from(options.dockerfileText, "utf8");
  const none = "(no context: Dockerfile given as text)";
  return { dir: none, dockerfile: none, dockerfileName: TEXT_DOCKERFILE_NAME, dockerfileContent, outside: false, dockerignore: undefined, entries: undefined };
}

/** The built image's id: from the `aux` message, else by inspecting what the build named. */
async function imageIdOf(
  docker: Dockerode,
  endpoint: string,
  outcome: BuildOutcome,
  tags: readonly string[],
  fail: (failure: BuildFailureDetails) => BuildFailedError,
): Promise<string> {
  if (outcome.imageId !== undefined) return outcome.imageId;
  const reference = tags[0] ?? outcome.builtId;
  if (outcome.builtId === undefined || reference === undefined) {
    throw fail({ reason: "the engine ended the build without an error and without an image", output: outcome.output, step: outcome.step });
  }
  try {
    return (await docker.getImage(reference).inspect()).Id;
  } catch (error) {
    throw engineError(error, endpoint);
  }
}
