import { createHash } from "node:crypto";
import type { CredentialsLookup } from "./auth/credentials.js";
import { DigestMismatchError, RegistryRequestFailedError, UnsupportedManifestError } from "./errors.js";
import { isIndexMediaType, MANIFEST_ACCEPT, MANIFEST_MEDIA_TYPES, type ImageConfig, type ImageIndex, type ImageManifest } from "./media-types.js";
import type { Reference } from "@imgs/reference";
import { describeReference, locate, referencePart, type Located } from "./reference.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry.js";
import { Transport, type RequestEvent } from "./transport.js";

/** Options of a RegistryClient. */
export interface RegistryClientOptions {
  /** Credentials per registry host: dockerCredentials({ configDir, env }) as the docker CLI finds them, or `anonymous`. */
  readonly credentials: CredentialsLookup;
  /** Wall clock, for token expiry and Retry-After dates. */
  readonly clock: { now(): Date };
  /** Milliseconds one attempt of one request may take; default 30 000. */
  readonly timeoutMs?: number;
  /** Retries of transient failures; default DEFAULT_RETRY. */
  readonly retry?: Partial<RetryPolicy>;
  /** Registry hosts spoken to over plain HTTP besides loopback ones (localhost, 127.0.0.0/8, [::1]), as the engine's insecure registries. */
  readonly plainHttp?: readonly string[];
  /** Called after every HTTP request (token requests included), e.g. to count them. */
  readonly onRequest?: (event: RequestEvent) => void;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call, retries and waits included. */
  readonly signal?: AbortSignal;
}

/** What a reference resolves to. */
export interface Resolved {
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
}

/** A manifest or index as the registry holds it: the exact bytes (their sha256 is the digest) and the parsed object. */
export type Fetched =
  | (Resolved & { readonly kind: "index"; readonly bytes: Uint8Array; readonly index: ImageIndex })
  | (Resolved & { readonly kind: "manifest"; readonly bytes: Uint8Array; readonly manifest: ImageManifest });

/** The sha256 digest of content, as the distribution API names it. */
export const digestOf = (bytes: Uint8Array | string): string => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

// Only the signal of a caller's options goes into a request: callers pass wider objects (an app's options).
const signalOf = (options: CallOptions): { signal?: AbortSignal } => (options.signal ? { signal: options.signal } : {});

/** The path of the next page of a paginated answer (its `Link: <…>; rel="next"` header), if any. */
function nextPage(response: Response): string | undefined {
  const next = /<([^>]+)>;\s*rel="?next"?/.exec(response.headers.get("link") ?? "")?.[1];
  if (next === undefined) return undefined;
  return next.startsWith("http") ? new URL(next).pathname + new URL(next).search : next;
}

const isLoopback = (registry: string): boolean => /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/.test(registry);

const pull = (repository: string): string => `repository:${repository}:pull`;
const push = (repository: string): string => `repository:${repository}:pull,push`;

/**
 * A client of the OCI distribution API (distribution-spec v1.1) for manifests, image indexes,
 * config blobs, cross-repository blob mounts and tag lists, with the docker CLI's authentication
 * and retries of transient failures (see Transport). Every method takes an abort signal; every
 * attempt has a timeout. Errors: RegistryNotFoundError (404), RegistryUnauthorizedError (401/403),
 * RegistryRequestFailedError (others, after retries), DigestMismatchError, UnsupportedManifestError.
 */
export class RegistryClient {
  private readonly transport: Transport;

  constructor(options: RegistryClientOptions) {
    const plain = new Set(options.plainHttp ?? []);
    this.transport = new Transport({
      credentials: options.credentials,
      clock: options.clock,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      plainHttp: (registry) => isLoopback(registry) || plain.has(registry),
      onRequest: options.onRequest,
    });
  }

  /** The base URL this client speaks to for a registry host, e.g. "http://127.0.0.1:5000" (for messages). */
  urlOf(registry: string): string {
    return this.transport.baseUrl(registry);
  }

  /** The digest, media type and size of a tag or digest, with one HEAD request (no body). */
  async resolve(reference: string | Reference, options: CallOptions = {}): Promise<Resolved> {
    const ref = locate(reference);
    const response = await this.fetchManifest(ref, "HEAD", options);
    const digest = response.headers.get("docker-content-digest") ?? ref.digest;
    const mediaType = response.headers.get("content-type") ?? "";
    // A registry that does not say the digest on HEAD must be asked for the body.
    if (!digest) return this.getManifest(ref, options);
    return { digest, mediaType, size: Number(response.headers.get("content-length") ?? 0) };
  }

  /** The manifest or image index of a tag or digest, its bytes checked against the digest. */
  async getManifest(reference: string | Reference, options: CallOptions = {}): Promise<Fetched> {
    const ref = locate(reference);
    const response = await this.fetchManifest(ref, "GET", options);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = digestOf(bytes);
    const expected = ref.digest ?? response.headers.get("docker-content-digest");
    if (expected && expected !== digest) throw new DigestMismatchError(`manifest ${describeReference(ref)}`, expected, digest);
    const parsed = JSON.parse(Buffer.from(bytes).toString("utf8")) as { mediaType?: string; manifests?: unknown; config?: unknown };
    const mediaType = parsed.mediaType ?? response.headers.get("content-type") ?? "";
    const base = { digest, mediaType, size: bytes.byteLength, bytes };
    if (isIndexMediaType(mediaType) || (mediaType === "" && Array.isArray(parsed.manifests))) return { ...base, kind: "index", index: parsed as ImageIndex };
    if (MANIFEST_MEDIA_TYPES.includes(mediaType) || (mediaType === "" && parsed.config !== undefined)) return { ...base, kind: "manifest", manifest: parsed as ImageManifest };
    throw new UnsupportedManifestError(`manifest ${describeReference(ref)}`, mediaType);
  }

  /** An image's config blob (platform, labels), fetched by digest from the image's repository and checked. */
  async getImageConfig(repository: string | Reference, digest: string, options: CallOptions = {}): Promise<ImageConfig> {
    const ref = { ...locate(repository), tag: undefined, digest };
    const response = await this.transport.send({
      ...this.target(ref, "GET"),
      path: `/v2/${ref.path}/blobs/${digest}`,
      scopes: [pull(ref.path)],
      ...signalOf(options),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (digestOf(bytes) !== digest) throw new DigestMismatchError(`config blob of ${describeReference(ref)}`, digest, digestOf(bytes));
    return JSON.parse(Buffer.from(bytes).toString("utf8")) as ImageConfig;
  }

  /**
   * Stores a manifest or index under a tag or digest of a repository, byte for byte (so its digest
   * is the sha256 of `bytes`), and returns that digest. What it references must already be there.
   */
  async putManifest(reference: string | Reference, bytes: Uint8Array, mediaType: string, options: CallOptions = {}): Promise<string> {
    const ref = locate(reference);
    const digest = digestOf(bytes);
    const response = await this.transport.send({
      ...this.target(ref, "PUT"),
      path: `/v2/${ref.path}/manifests/${referencePart(ref)}`,
      headers: { "content-type": mediaType },
      body: bytes,
      scopes: [push(ref.path)],
      ...signalOf(options),
    });
    await response.body?.cancel();
    const stored = response.headers.get("docker-content-digest");
    if (stored && stored !== digest) throw new DigestMismatchError(`manifest put to ${describeReference(ref)}`, digest, stored);
    return digest;
  }

  /**
   * Makes a blob of `from` available in `to` (same registry) without copying it:
   * `POST /v2/<to>/blobs/uploads/?mount=<digest>&from=<from>`. Throws RegistryRequestFailedError
   * when the registry starts an upload instead of mounting (the upload is cancelled first).
   */
  async mountBlob(registry: string, from: string, to: string, digest: string, options: CallOptions = {}): Promise<void> {
    const target = { registry, repository: to, reference: digest, method: "POST" };
    const query = new URLSearchParams({ mount: digest, from });
    const response = await this.transport.send({ ...target, path: `/v2/${to}/blobs/uploads/?${query.toString()}`, scopes: [push(to), pull(from)], accept: [202], ...signalOf(options) });
    await response.body?.cancel();
    if (response.status === 201) return;
    const location = response.headers.get("location");
    if (location) {
      const path = location.startsWith("http") ? new URL(location).pathname + new URL(location).search : location;
      await this.transport.send({ ...target, method: "DELETE", path, scopes: [push(to)], accept: [404], ...signalOf(options) }).then((r) => r.body?.cancel());
    }
    throw new RegistryRequestFailedError(target, 202, `the registry would not mount the blob from ${registry}/${from} (it offered an upload instead)`, 1);
  }

  /** Every tag of a repository, in the registry's order, following `Link` pages. */
  async listTags(repository: string | Reference, options: CallOptions = {}): Promise<string[]> {
    const ref = locate(repository);
    const tags: string[] = [];
    let path: string | undefined = `/v2/${ref.path}/tags/list`;
    while (path !== undefined) {
      const response = await this.transport.send({ ...this.target({ ...ref, tag: undefined }, "GET"), path, scopes: [pull(ref.path)], ...signalOf(options) });
      const body = (await response.json()) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      path = nextPage(response);
    }
    return tags;
  }

  /** Every repository of a registry (the catalog API, `GET /v2/_catalog`, following `Link` pages). */
  async listRepositories(registry: string, options: CallOptions = {}): Promise<string[]> {
    const repositories: string[] = [];
    let path: string | undefined = "/v2/_catalog";
    while (path !== undefined) {
      const response = await this.transport.send({ registry, repository: "", reference: undefined, method: "GET", path, scopes: ["registry:catalog:*"], ...signalOf(options) });
      const body = (await response.json()) as { repositories?: string[] | null };
      repositories.push(...(body.repositories ?? []));
      path = nextPage(response);
    }
    return repositories;
  }

  /** A tag's or digest's manifest, asked for in every media type imgs reads; HEAD for its headers only. */
  private fetchManifest(ref: Located, method: "HEAD" | "GET", options: CallOptions): Promise<Response> {
    const path = `/v2/${ref.path}/manifests/${referencePart(ref)}`;
    return this.transport.send({ ...this.target(ref, method), path, headers: { accept: MANIFEST_ACCEPT }, scopes: [pull(ref.path)], ...signalOf(options) });
  }

  private target(ref: Located, method: string) {
    return { registry: ref.registry, repository: ref.path, reference: ref.digest ?? ref.tag, method };
  }
}
