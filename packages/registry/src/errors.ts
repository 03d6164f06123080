import { ImgsError } from "@imgs/errors";

/** What a registry request was about, carried by every request error. */
export interface RequestTarget {
  /** Registry host[:port], e.g. "127.0.0.1:5000". */
  readonly registry: string;
  /** Repository path, e.g. "imgs-example/foundation"; "" for registry-wide calls (/v2/). */
  readonly repository: string;
  /** Tag or digest the call was about, when there is one. */
  readonly reference: string | undefined;
  /** HTTP method, e.g. "HEAD". */
  readonly method: string;
}

const where = (t: RequestTarget): string =>
  `${t.method} ${t.registry}${t.repository ? `/${t.repository}` : ""}${t.reference === undefined ? "" : t.reference.includes(":") ? `@${t.reference}` : `:${t.reference}`}`;

/**
 * A registry call that failed: the last of its attempts when the failure was transient (connection
 * error, 5xx, 429), the only one otherwise. Names registry, repository, reference and HTTP status.
 */
export class RegistryRequestFailedError extends ImgsError {
  readonly code: string = "REGISTRY_REQUEST_FAILED";
  readonly category = "failure";
  readonly registry: string;
  readonly repository: string;
  readonly reference: string | undefined;
  readonly method: string;
  /**
   * `target`: the request's RequestTarget facts, picked out of it (a request also carries headers);
   * `status`: HTTP status, undefined when no answer came (connection refused, reset, timeout);
   * `detail`: what went wrong, e.g. "HTTP 503 Service Unavailable" or "connection refused (ECONNREFUSED)";
   * `attempts`: how many times the request was sent.
   */
  constructor(target: RequestTarget, readonly status: number | undefined, readonly detail: string, readonly attempts: number, cause?: unknown) {
    super(`${where(target)}: ${detail}${attempts > 1 ? ` (gave up after ${attempts} attempts)` : ""}`, { cause });
    ({ registry: this.registry, repository: this.repository, reference: this.reference, method: this.method } = target);
  }
}

/** The registry refused the credentials, or asked for some and none were found (401/403); never retried. */
export class RegistryUnauthorizedError extends RegistryRequestFailedError {
  override readonly code = "REGISTRY_UNAUTHORIZED";
}

/** The registry has no such manifest, blob or repository (404); never retried. */
export class RegistryNotFoundError extends RegistryRequestFailedError {
  override readonly code = "REGISTRY_NOT_FOUND";
}

/** Content whose sha256 is not the digest it was asked for or announced with. */
export class DigestMismatchError extends ImgsError {
  readonly code = "DIGEST_MISMATCH";
  readonly category = "failure";
  constructor(readonly what: string, readonly expected: string, readonly actual: string) {
    super(`${what}: expected content with digest ${expected}, got ${actual}`);
  }
}

/** A manifest of a media type imgs does not read (schema 1, an artifact, an unknown type). */
export class UnsupportedManifestError extends ImgsError {
  readonly code = "UNSUPPORTED_MANIFEST";
  readonly category = "failure";
  constructor(readonly what: string, readonly mediaType: string) {
    super(`${what}: unsupported manifest media type ${JSON.stringify(mediaType)}`);
  }
}

/** The docker config file (config.json) exists but cannot be used. */
export class DockerConfigInvalidError extends ImgsError {
  readonly code = "DOCKER_CONFIG_INVALID";
  readonly category = "usage";
  constructor(readonly file: string, readonly reason: string, cause?: unknown) {
    super(`docker config ${file}: ${reason}`, { cause });
  }
}

/** A docker-credential-* helper that could not be run or answered something unusable. */
export class CredentialHelperFailedError extends ImgsError {
  readonly code = "CREDENTIAL_HELPER_FAILED";
  readonly category = "failure";
  constructor(readonly helper: string, readonly registry: string, readonly reason: string, cause?: unknown) {
    super(`credential helper ${helper} for ${registry}: ${reason}`, { cause });
  }
}
