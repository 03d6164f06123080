/** How to get an engine, repeated in every EngineUnreachableError. */
const START_HINT =
  "start one with `bash scripts/engine.sh` (as root on Debian/Ubuntu it installs and starts dockerd), " +
  "start dockerd yourself, or point DOCKER_HOST (or a docker context) at a running engine";

/** The Docker engine did not answer (socket missing, connection refused, permission denied, timeout). */
export class EngineUnreachableError extends Error {
  static readonly code = "ENGINE_UNREACHABLE";
  readonly code = EngineUnreachableError.code;
  override readonly name = "EngineUnreachableError";
  readonly endpoint: string;
  /** The system error code, e.g. ECONNREFUSED or ENOENT, when there is one. */
  readonly reason: string | undefined;

  constructor(endpoint: string, cause: unknown) {
    const reason = (cause as { code?: unknown } | null)?.code;
    const detail = typeof reason === "string" ? reason : cause instanceof Error ? cause.message : String(cause);
    super(`cannot reach the Docker engine at ${endpoint} (${detail}); ${START_HINT}`, { cause });
    this.endpoint = endpoint;
    this.reason = typeof reason === "string" ? reason : undefined;
  }
}

/** The image is not in the local engine; imgs never pulls, so it must be built or loaded first. */
export class ImageNotFoundError extends Error {
  static readonly code = "IMAGE_NOT_FOUND";
  readonly code = ImageNotFoundError.code;
  override readonly name = "ImageNotFoundError";
  readonly image: string;

  constructor(image: string, cause?: unknown) {
    super(`image ${image} does not exist in the local Docker engine (imgs never pulls; build or load it first)`, { cause });
    this.image = image;
  }
}

/** The engine refused to remove an image that a container uses or that several tags share. */
export class ImageInUseError extends Error {
  static readonly code = "IMAGE_IN_USE";
  readonly code = ImageInUseError.code;
  override readonly name = "ImageInUseError";
  readonly image: string;

  constructor(image: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message.trim() : String(cause);
    super(`cannot remove image ${image} without force: ${detail}`, { cause });
    this.image = image;
  }
}

/** The session's container stopped or was removed by someone else while it was in use. */
export class ContainerNotRunningError extends Error {
  static readonly code = "CONTAINER_NOT_RUNNING";
  readonly code = ContainerNotRunningError.code;
  override readonly name = "ContainerNotRunningError";
  readonly image: string;
  readonly containerId: string;

  constructor(image: string, containerId: string, cause: unknown) {
    super(`container ${containerId.slice(0, 12)} of image ${image} is not running any more (stopped or removed from outside)`, {
      cause,
    });
    this.image = image;
    this.containerId = containerId;
  }
}
