import { InvalidReferenceError, parseReference, repositoryOf } from "@imgs/reference";
import type Dockerode from "dockerode";
import { readBuildStream } from "./build-stream.js";
import { dockerClient } from "./create-docker.js";
import { engineError, engineMessageOf, statusCodeOf } from "./docker-errors.js";
import { ImageNotFoundError, PushFailedError } from "./errors/engine.js";

/** Options of pushImage. */
export interface PushImageOptions {
  /** The engine, from createDocker (nothing is read from the process). */
  readonly docker: Dockerode;
  /**
   * Credentials for the registry as the engine takes them in X-Registry-Auth
   * ({ username, password, serveraddress } or { identitytoken, serveraddress }); none: anonymous.
   */
  readonly authconfig?: Readonly<Record<string, string>>;
  /** Stops waiting and closes the connection, which makes the engine stop the push. */
  readonly signal?: AbortSignal;
  /** Each progress message of the engine ("Pushed", "Layer already exists", …), for progress output. */
  readonly onProgress?: (message: { readonly id?: string; readonly status?: string }) => void;
}

/** What a push stored. */
export interface PushedImage {
  /** The reference pushed, e.g. "127.0.0.1:5000/acme/app:x86_64-latest". */
  readonly reference: string;
  /** The digest of the manifest the registry now holds under the tag. */
  readonly digest: string;
  /** Size of that manifest, in bytes. */
  readonly size: number;
}

// The engine's own words for failures another attempt may cure (distribution's client errors and Go's net errors).
const TRANSIENT = /connection refused|connection reset|broken pipe|i\/o timeout|EOF|no such host|TLS handshake timeout|unexpected HTTP status: 5\d\d|status 5\d\d|toomanyrequests|503 Service Unavailable|502 Bad Gateway|504 Gateway|500 Internal/i;

interface PushMessage {
  id?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Tag?: string; Digest?: string; Size?: number };
}

/**
 * Push one tag of a local image through the engine, as `docker push REFERENCE` does (the engine
 * skips layers the registry already has, so the tags of one image upload their layers once).
 * Throws ImageNotFoundError when the engine has no such tag, PushFailedError when the engine
 * reports a failure (with `transient` for retries), EngineUnreachableError.
 */
export async function pushImage(reference: string, options: PushImageOptions): Promise<PushedImage> {
  const parsed = parseReference(reference);
  if (parsed.digest !== undefined) throw new InvalidReferenceError(reference, "a digest reference cannot be pushed as a tag");
  const repository = repositoryOf(parsed);
  const tag = parsed.tag ?? "latest";
  const { docker, endpoint } = dockerClient(options.docker);
  const signal = options.signal ?? new AbortController().signal;
  let stream: NodeJS.ReadableStream;
  try {
    const image = docker.getImage(`${repository}:${tag}`);
    stream = (await image.push({ tag, ...(options.authconfig ? { authconfig: options.authconfig } : {}), abortSignal: signal }));
  } catch (error) {
    if (statusCodeOf(error) === 404) throw new ImageNotFoundError(reference, error);
    const cause = engineError(error, endpoint);
    if (cause !== error) throw cause;
    throw new PushFailedError(reference, engineMessageOf(error), TRANSIENT.test(engineMessageOf(error)), error);
  }
  let pending = "";
  let failure: string | undefined;
  let pushed: { digest: string; size: number } | undefined;
  await readBuildStream(stream, signal, (chunk) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines.filter((l) => l.trim() !== "")) {
      const message = JSON.parse(line) as PushMessage;
      if (message.error !== undefined) failure = message.errorDetail?.message ?? message.error;
      if (message.aux?.Digest) pushed = { digest: message.aux.Digest, size: message.aux.Size ?? 0 };
      options.onProgress?.({ ...(message.id ? { id: message.id } : {}), ...(message.status ? { status: message.status } : {}) });
    }
  });
  if (failure !== undefined) throw new PushFailedError(reference, failure, TRANSIENT.test(failure));
  if (pushed === undefined) throw new PushFailedError(reference, "the engine finished without reporting a digest", false);
  return { reference: `${repository}:${tag}`, ...pushed };
}
