export { BuildAbortedError, BuildContextInvalidError, BuildFailedError } from "./build-errors.js";
export type { BuildFailure } from "./build-errors.js";
export { buildImage } from "./build-image.js";
export type { BuildImageOptions, BuildImageResult } from "./build-image.js";
export { DockerConfigError, UnknownDockerContextError } from "./config-errors.js";
export { LABELS_ENV, MANAGED_LABEL, containerLabels, parseLabelList } from "./container-labels.js";
export { createDocker, endpointOf } from "./create-docker.js";
export type { CreateDockerOptions, DockerClient } from "./create-docker.js";
export { readTextFileIfExists, resolveDockerConnection } from "./docker-connection.js";
export type { DockerConnection, DockerConnectionOptions, ResolveDockerConnectionOptions } from "./docker-connection.js";
export type { ReadTextFile } from "./docker-context.js";
export {
  ContainerNotRunningError,
  EngineUnreachableError,
  ImageInUseError,
  ImageNotFoundError,
} from "./engine-errors.js";
export { EmptyOutputError, ExecFailedError, outputTail } from "./errors.js";
export { withExecCache } from "./exec-cache.js";
export {
  BadCommandError,
  ExecTimeoutError,
  ExitCodeUnknownError,
  OutputNotUtf8Error,
  ProgramNotFoundError,
  SessionClosedError,
} from "./exec-errors.js";
export { execOrThrow } from "./exec-or-throw.js";
export { inspectImage, listImages, removeImage, tagImage } from "./images.js";
export type { ImageOptions, ImageSummary, ListImagesOptions, RemoveImageOptions } from "./images.js";
export { quotedOutput } from "./quoted-output.js";
export { createSignalCleanup } from "./signal-cleanup.js";
export type { CleanupSignal, LiveContainer, SignalCleanup, SignalTarget } from "./signal-cleanup.js";
export { shell, splitCommand } from "./split-command.js";
export { DEFAULT_CONTAINER_COMMAND, startContainer } from "./start-container.js";
export type { StartContainerOptions } from "./start-container.js";
export type { Command, ContainerSession, ExecOptions, ExecResult, ImageInfo } from "./types.js";
