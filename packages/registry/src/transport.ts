import { Authorizer, TokenRequestError, type TokenFetch } from "./auth/authorizer.js";
import type { CredentialsLookup } from "./auth/credentials.js";
import { RegistryNotFoundError, RegistryRequestFailedError, RegistryUnauthorizedError, type RequestTarget } from "./errors.js";
import { DEFAULT_REGISTRY } from "@imgs/reference";
import { parseRetryAfter, TransientFailure, withRetries, type RetryPolicy } from "./retry.js";

/** One HTTP request as the transport reports it (for counting in benchmarks, or logging). */
export interface RequestEvent {
  readonly method: string;
  readonly url: string;
  /** undefined when no answer came. */
  readonly status: number | undefined;
}

/** What the transport needs; see RegistryClientOptions for the meaning of each. */
export interface TransportOptions {
  readonly credentials: CredentialsLookup;
  readonly clock: { now(): Date };
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly plainHttp: (registry: string) => boolean;
  readonly onRequest: ((event: RequestEvent) => void) | undefined;
}

/** One registry call: what it is about, and the HTTP parts. */
export interface RegistryRequest extends RequestTarget {
  /** Path and query under the registry, e.g. "/v2/a/b/manifests/latest". */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Token scopes this call needs, e.g. ["repository:a/b:pull"]. */
  readonly scopes: readonly string[];
  /** Statuses that are answers here rather than errors (202 of a mount that became an upload). */
  readonly accept?: readonly number[];
  readonly signal?: AbortSignal;
}

// Node's fetch puts the system error on `cause`; name it the way people search for it.
function noAnswer(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  if ((error as { name?: unknown }).name === "TimeoutError") return "no answer in time";
  const words: Record<string, string> = { ECONNREFUSED: "connection refused", ECONNRESET: "connection reset", ENOTFOUND: "host not found", EPIPE: "connection closed" };
  if (code) return `${words[code] ?? "no answer"} (${code})`;
  return typeof cause?.message === "string" ? cause.message : error instanceof Error ? error.message : String(error);
}

async function describeStatus(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  let message = "";
  try {
    const first = (JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }> }).errors?.[0];
    if (first) message = [first.code, first.message].filter(Boolean).join(": ");
  } catch {
    message = text.trim().split("\n")[0]?.slice(0, 200) ?? "";
  }
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${message ? ` (${message})` : ""}`;
}

const isTransientStatus = (status: number): boolean => status === 429 || status >= 500;

/**
 * Sends registry requests: each attempt with a timeout and the caller's signal, the Authorization
 * the registry asks for (Authorizer), and retries of transient failures only (no answer, 5xx, 429
 * after its Retry-After); 401/403/404 and other 4xx fail at once. The final error names the
 * registry, repository, reference and HTTP status.
 */
export class Transport {
  private readonly authorizer: Authorizer;

  constructor(private readonly options: TransportOptions) {
    this.authorizer = new Authorizer(options.credentials, () => options.clock.now().getTime());
  }

  /** The base URL of a registry: http for loopback and plain-HTTP hosts, else https. */
  baseUrl(registry: string): string {
    if (registry === DEFAULT_REGISTRY) return "https://registry-1.docker.io";
    return `${this.options.plainHttp(registry) ? "http" : "https"}://${registry}`;
  }

  /** Sends the request (retrying transient failures) and returns the answer; throws RegistryRequestFailedError & co. */
  async send(request: RegistryRequest): Promise<Response> {
    let attempts = 0;
    try {
      return await withRetries(
        (n) => {
          attempts = n;
          return this.attempt(request);
        },
        this.options.retry,
        request.signal,
      );
    } catch (error) {
      if (error instanceof TransientFailure) throw new RegistryRequestFailedError(request, error.status, error.detail, attempts, error.cause);
      throw error;
    }
  }

  private fetchOnce(url: string, init: RequestInit & { method: string }, signal: AbortSignal | undefined): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const report = (status: number | undefined): void => this.options.onRequest?.({ method: init.method, url, status });
    return fetch(url, { ...init, redirect: "follow", signal: signal ? AbortSignal.any([signal, timeout]) : timeout }).then(
      (response) => (report(response.status), response),
      (error: unknown) => {
        report(undefined);
        if (signal?.aborted) throw signal.reason;
        throw new TransientFailure(undefined, noAnswer(error), undefined, { cause: error });
      },
    );
  }

  private async attempt(request: RegistryRequest): Promise<Response> {
    const url = `${this.baseUrl(request.registry)}${request.path}`;
    const fetchToken: TokenFetch = (tokenUrl, init) => this.fetchOnce(tokenUrl, init, request.signal);
    const init = { method: request.method, headers: { ...request.headers }, ...(request.body === undefined ? {} : { body: request.body }) };
    let auth: string | undefined;
    let response: Response;
    try {
      auth = await this.authorizer.header(request.registry, request.scopes, fetchToken);
      response = await this.fetchOnce(url, auth ? { ...init, headers: { ...init.headers, authorization: auth } } : init, request.signal);
      if (response.status === 401) {
        const retryWith = await this.authorizer.answer(request.registry, response.headers.get("www-authenticate"), request.scopes, auth, fetchToken);
        if (retryWith !== undefined) {
          await response.body?.cancel();
          auth = retryWith;
          response = await this.fetchOnce(url, { ...init, headers: { ...init.headers, authorization: auth } }, request.signal);
        }
      }
    } catch (error) {
      if (!(error instanceof TokenRequestError)) throw error;
      if (isTransientStatus(error.status)) throw new TransientFailure(error.status, error.message, undefined);
      throw new RegistryUnauthorizedError(request, error.status, error.message, 1);
    }
    if (response.ok || request.accept?.includes(response.status)) return response;
    const detail = await describeStatus(response);
    if (isTransientStatus(response.status)) {
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"), this.options.clock.now().getTime());
      throw new TransientFailure(response.status, detail, retryAfter);
    }
    if (response.status === 401 || response.status === 403) {
      const found = await this.authorizer.hasCredentials(request.registry);
      const why = auth === undefined ? (found ? "; the registry asked in a way imgs does not answer" : `; no credentials for ${request.registry} (docker login ${request.registry})`) : "; the credentials were refused";
      throw new RegistryUnauthorizedError(request, response.status, `${detail}${why}`, 1);
    }
    if (response.status === 404) throw new RegistryNotFoundError(request, 404, detail, 1);
    throw new RegistryRequestFailedError(request, response.status, detail, 1);
  }
}
