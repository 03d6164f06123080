import { errorCodeOf, ImgsError, messageOf } from "@imgs/errors";

/** How to get an engine, repeated in every EngineUnreachableError. */
const START_HINT = "is dockerd running? (`systemctl start docker`, or check DOCKER_HOST and the docker context)";

/** The Docker engine did not answer (socket missing, connection refused, permission denied, timeout). */
export class EngineUnreachableError extends ImgsError {
  readonly code = "ENGINE_UNREACHABLE";
  readonly category = "failure";
  constructor(readonly endpoint: string, cause: unknown) {
    super(`cannot reach the Docker engine at ${endpoint} (${errorCodeOf(cause) ?? messageOf(cause)}); ${START_HINT}`, { cause });
  }
  /** The system error code, e.g. ECONNREFUSED or ENOENT, when there is one. */
  get reason(): string | undefined {
    return errorCodeOf(this.cause);
  }
}

/** The image is not in the local engine; imgs never pulls, so it must be built or loaded first. */
export class ImageNotFoundError extends ImgsError {
  readonly code = "IMAGE_NOT_FOUND";
  readonly category = "failure";
  constructor(readonly image: string, cause?: unknown) {
    super(`image ${image} does not exist in the local Docker engine (imgs never pulls; build or load it first)`, { cause });
  }
}

/** The engine refused to remove an image that a container uses or that several tags share. */
export class ImageInUseError extends ImgsError {
  readonly code = "IMAGE_IN_USE";
  readonly category = "failure";
  constructor(readonly image: string, cause: unknown) {
    super(`cannot remove image ${image} without force: ${messageOf(cause).trim()}`, { cause });
  }
}

/** The session's container stopped or was removed by someone else while it was in use. */
export class ContainerNotRunningError extends ImgsError {
  readonly code = "CONTAINER_NOT_RUNNING";
  readonly category = "failure";
  constructor(readonly image: string, readonly containerId: string, cause: unknown) {
    super(`container ${containerId.slice(0, 12)} of image ${image} is not running any more (stopped or removed from outside)`, { cause });
  }
}

/** The engine reported a failed push (registry unreachable, refused, out of space…). */
export class PushFailedError extends ImgsError {
  readonly code = "PUSH_FAILED";
  readonly category = "failure";
  /**
   * `detail`: the engine's message, e.g. "… dial tcp 127.0.0.1:5000: connect: connection refused";
   * `transient`: true for failures worth another attempt (no connection, a 5xx, a 429 toomanyrequests).
   */
  constructor(readonly reference: string, readonly detail: string, readonly transient: boolean, cause?: unknown) {
    super(`push of ${reference} failed: ${detail}`, { cause });
  }
}
