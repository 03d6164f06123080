export { BuildAbortedError, BuildContextInvalidError, BuildFailedError } from "./errors/build.js";
export type { BuildFailure } from "./errors/build.js";
export { buildImage } from "./build-image.js";
export type { BuildImageOptions, BuildImageResult } from "./build-image.js";
export { DockerConfigError, UnknownDockerContextError } from "./errors/config.js";
export { containerLabels } from "./container-labels.js";
export { DEFAULT_ENGINE_DEADLINES } from "./connection/deadline-modem.js";
export type { EngineDeadlines } from "./connection/deadline-modem.js";
export { EngineTimeoutError, HostKeyVerificationError, NotDockerEngineError, SshConnectionError } from "./errors/connection.js";
export type { HostKeyProblem, HostKeyRefusal } from "./errors/connection.js";
export { createDocker, endpointOf } from "./create-docker.js";
export type { CreateDockerOptions, DockerClient } from "./create-docker.js";
export { MAX_OUTPUT_BYTES } from "./decode-exec-output.js";
export { resolveDockerConnection } from "./docker-connection.js";
export type { DockerConnection, DockerConnectionOptions, ResolveDockerConnectionOptions } from "./docker-connection.js";
export type { ReadTextFile } from "./docker-context.js";
export {
  ContainerNotRunningError,
  EngineUnreachableError,
  ImageInUseError,
  ImageNotFoundError,
  PushFailedError,
} from "./errors/engine.js";
export { withExecCache } from "./exec-cache.js";
export { cachedSession, readEngineFacts } from "./exec-store/cached-session.js";
export type { CachedExecEvent, CachedSessionOptions, EngineFacts } from "./exec-store/cached-session.js";
export { createFileExecStore, DEFAULT_EXEC_STORE_BYTES } from "./exec-store/file-exec-store.js";
export type { ExecStore, FileExecStoreOptions } from "./exec-store/file-exec-store.js";
export { ExecStoreError } from "./errors/exec-store.js";
export {
  BadCommandError,
  EmptyOutputError,
  ExecFailedError,
  ExecTimeoutError,
  ExitCodeUnknownError,
  OutputNotUtf8Error,
  ProgramNotFoundError,
  SessionClosedError,
} from "./errors/exec.js";
export { execOrThrow } from "./exec-or-throw.js";
export { inspectImage, listImages, removeImage, tagImage } from "./images.js";
export type { ImageOptions, ImageSummary, ListImagesOptions, RemoveImageOptions } from "./images.js";
export { imageDiskUsage, imagesInUse } from "./image-usage.js";
export type { ImageDiskUsage } from "./image-usage.js";
export { pushImage } from "./push-image.js";
export type { PushedImage, PushImageOptions } from "./push-image.js";
export { quoteOutput, quotedOutput } from "./quoted-output.js";
export type { QuotedOutput } from "./quoted-output.js";
export { createContainerRegistry } from "./session/container-registry.js";
export type { ContainerRegistry, LiveContainer, RemovalFailure } from "./session/container-registry.js";
export { explainDisposal } from "./session/disposal.js";
export {
  ContainerNotRemovedError,
  ContainerStoppedError,
  DisposalFailedError,
  OutputTooLargeError,
  RunStoppingError,
} from "./errors/session.js";
export { findLeftoverContainers, removeLeftoverContainers } from "./session/leftovers.js";
export type { LeftoverOptions, LeftoverReport, LeftoverVerdict } from "./session/leftovers.js";
export { DEFAULT_RUN_TIME_LIMIT_MS, ownerLabels } from "./session/run-owner.js";
export type { RunOwner } from "./session/run-owner.js";
export { removeContainersOnSignals } from "./signal-cleanup.js";
export type { CleanupSignal, SignalTarget } from "./signal-cleanup.js";
export { shell, splitCommand } from "./split-command.js";
export { startContainer } from "./start-container.js";
export type { StartContainerOptions } from "./start-container.js";
export type { Command, ContainerSession, ExecOptions, ExecResult, ImageInfo } from "./types.js";
