export { BuildAbortedError, BuildContextInvalidError, BuildFailedError } from "./errors/build.js";
export type { BuildFailure } from "./errors/build.js";
export { buildImage } from "./build-image.js";
export type { BuildImageOptions, BuildImageResult } from "./build-image.js";
export { DockerConfigError, UnknownDockerContextError } from "./errors/config.js";
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
} from "./errors/engine.js";
export { withExecCache } from "./exec-cache.js";
export {
  BadCommandError,
  EmptyOutputError,
  ExecFailedError,
  ExecTimeoutError,
  ExitCodeUnknownError,
  OutputNotUtf8Error,
  outputTail,
  ProgramNotFoundError,
  SessionClosedError,
} from "./errors/exec.js";
export { execOrThrow } from "./exec-or-throw.js";
export { inspectImage, listImages, removeImage, tagImage } from "./images.js";
export type { ImageOptions, ImageSummary, ListImagesOptions, RemoveImageOptions } from "./images.js";
export { imageDiskUsage, imagesInUse } from "./image-usage.js";
export type { ImageDiskUsage } from "./image-usage.js";
export { quotedOutput } from "./quoted-output.js";
export { createSignalCleanup } from "./signal-cleanup.js";
export type { CleanupSignal, LiveContainer, SignalCleanup, SignalTarget } from "./signal-cleanup.js";
export { shell, splitCommand } from "./split-command.js";
export { DEFAULT_CONTAINER_COMMAND, startContainer } from "./start-container.js";
export type { StartContainerOptions } from "./start-container.js";
export type { Command, ContainerSession, ExecOptions, ExecResult, ImageInfo } from "./types.js";
