import { Transform } from "node:stream";
import type Modem from "docker-modem";
import type { ConstructorOptions, DialOptions, RequestCallback } from "docker-modem";
import { EngineTimeoutError, NotDockerEngineError } from "../errors/connection.js";
import { isUnreachable, unreachableError } from "../docker-errors.js";
import { lazyRequire } from "../lazy-require.js";

const loadModem = lazyRequire<typeof Modem>("docker-modem");

/** How long engine calls may take, in ms. */
export interface EngineDeadlines {
  /**
   * One engine call, from sending the request to the whole answer (for a hijacked or streamed
   * answer, such as an exec's or a build's output, until it starts). A call that uploads (a build's
   * context) gets it from the last piece the engine took. 0 for none.
   */
  readonly callMs: number;
  /** An ssh connection: TCP connect, key exchange and login. */
  readonly connectMs: number;
}

/** One minute a call: far above what a healthy engine needs, even loaded; an ssh login gets 20 s. */
export const DEFAULT_ENGINE_DEADLINES: EngineDeadlines = { callMs: 60_000, connectMs: 20_000 };

// What each request asks, in words, for messages; ids and names are left out (the request shows them).
const CALLS: readonly (readonly [RegExp, string])[] = [
  [/^POST \/containers\/create$/, "create container"],
  [/^POST \/containers\/[^/]+\/start$/, "start container"],
  [/^POST \/containers\/[^/]+\/attach$/, "attach to container"],
  [/^POST \/containers\/[^/]+\/exec$/, "create exec"],
  [/^GET \/containers\/json$/, "list containers"],
  [/^GET \/containers\/[^/]+\/json$/, "inspect container"],
  [/^DELETE \/containers\/[^/]+$/, "remove container"],
  [/^POST \/exec\/[^/]+\/start$/, "start exec"],
  [/^GET \/exec\/[^/]+\/json$/, "inspect exec"],
  [/^GET \/images\/json$/, "list images"],
  [/^GET \/images\/.+\/json$/, "inspect image"],
  [/^POST \/images\/.+\/tag$/, "tag image"],
  [/^DELETE \/images\/.+$/, "remove image"],
  [/^GET \/version$/, "version"],
  [/^GET \/_ping$/, "ping"],
  [/^GET \/info$/, "engine info"],
  [/^POST \/build$/, "build image"],
];

/** "POST /containers/create" for a request, without the query and API version prefix. */
export function requestOf(method: string | undefined, path: string | undefined): string {
  const bare = (path ?? "").split("?")[0]?.replace(/^\/v\d+\.\d+(?=\/)/, "") ?? "";
  return `${method ?? "GET"} ${bare}`;
}

/** What a request asks, in words ("create container"), or the request itself when it is not one imgs names. */
export function callOf(request: string): string {
  return CALLS.find(([pattern]) => pattern.test(request))?.[1] ?? request;
}

/**
 * Requests whose length is the work's, not the engine's answer time: waits and event streams. They
 * are bounded by their callers (abort signals, timeouts).
 */
function isOpenEnded(request: string): boolean {
  return /\/(wait|events)$/.test(request);
}

/** The upload of a request (build, load, put archive) as a stream, when it is one. */
function uploadOf(options: DialOptions): NodeJS.ReadableStream | undefined {
  const file = (options as { file?: unknown }).file;
  return typeof file === "object" && file !== null && typeof (file as { pipe?: unknown }).pipe === "function" ? (file as NodeJS.ReadableStream) : undefined;
}

/**
 * The upload passed through a stream that calls `onProgress` for each piece the request takes: an
 * upload's length is the work's (a large context), so its deadline restarts while the engine reads.
 */
function watchedUpload(upload: NodeJS.ReadableStream, onProgress: () => void): Transform {
  const watched = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onProgress();
      done(null, chunk);
    },
  });
  upload.on("error", (error: Error) => watched.destroy(error));
  return upload.pipe(watched);
}

/**
 * What an answer that no Docker engine gives looks like, in words; undefined for an engine's answer
 * (or one that cannot be judged: a streamed error's body is read by the caller).
 */
export function foreignAnswer(error: unknown): string | undefined {
  const { code, statusCode, json, message } = (error ?? {}) as { code?: unknown; statusCode?: unknown; json?: unknown; message?: unknown };
  // Node's HTTP parser: the bytes that came back are not HTTP at all (an ssh banner, TLS).
  if (typeof code === "string" && code.startsWith("HPE_")) return `answered with something that is not HTTP (${String(message)})`;
  if (typeof statusCode !== "number") return undefined;
  if (Buffer.isBuffer(json)) {
    const body = json.toString("utf8").replace(/\s+/g, " ").trim();
    return `answered HTTP ${statusCode} with ${body === "" ? "an empty body" : `"${body.length > 80 ? `${body.slice(0, 80)}…` : body}"`}, not the engine's JSON error`;
  }
  if (json !== null && json !== undefined && typeof (json as { message?: unknown }).message !== "string") {
    return `answered HTTP ${statusCode} with JSON that has no "message", not the engine's error`;
  }
  return undefined;
}

/** A modem class like docker-modem's, whose calls have a deadline; made once docker-modem is loaded. */
type DeadlineModemClass = new (options: ConstructorOptions, endpoint: string, callMs: number) => Modem;

function defineDeadlineModem(Base: typeof Modem): DeadlineModemClass {
  class DeadlineModem extends Base {
    readonly #endpoint: string;
    readonly #callMs: number;

    constructor(options: ConstructorOptions, endpoint: string, callMs: number) {
      super(options);
      this.#endpoint = endpoint;
      this.#callMs = callMs;
    }

    override dial(options: DialOptions, given?: RequestCallback): void {
      const request = requestOf(options.method, options.path);
      const callback: RequestCallback = (error, result) => given?.(this.#errorOf(error, request), result);
      if (this.#callMs <= 0 || isOpenEnded(request)) return super.dial(options, callback);
      const own = new AbortController();
      const givenSignal = (options as { abortSignal?: AbortSignal }).abortSignal;
      let done = false;
      const finish: RequestCallback = (error, result) => {
        if (done) {
          // An answer after the deadline: a hijacked socket or stream nobody will read.
          (result as { destroy?: () => void } | null)?.destroy?.();
          return;
        }
        done = true;
        clearTimeout(timer);
        callback(error, result);
      };
      const timer = setTimeout(() => {
        own.abort();
        finish(new EngineTimeoutError(this.#endpoint, callOf(request), request, this.#callMs), null);
      }, this.#callMs);
      const abortSignal = givenSignal ? AbortSignal.any([givenSignal, own.signal]) : own.signal;
      const upload = uploadOf(options);
      // Refreshing a cleared timer would start it again: only while no answer has come.
      const file = upload ? { file: watchedUpload(upload, () => void (done || timer.refresh())) } : {};
      super.dial({ ...options, ...file, abortSignal }, finish);
    }

    /** An error as imgs names it: an answer no engine gives, or no connection at all; others unchanged. */
    #errorOf(error: Error | null, request: string): Error | null {
      const foreign = foreignAnswer(error);
      if (foreign !== undefined) return new NotDockerEngineError(this.#endpoint, callOf(request), foreign, error);
      return isUnreachable(error) ? unreachableError(error, this.#endpoint) : error;
    }
  }
  return DeadlineModem;
}

let deadlineModemClass: DeadlineModemClass | undefined;

/**
 * A docker-modem whose every call has a deadline: when the engine has not answered in time, the
 * request is aborted and the call fails with EngineTimeoutError naming the call and the endpoint.
 * An engine that accepts connections but never answers would otherwise hang imgs forever. A call
 * that cannot connect fails with EngineUnreachableError, the same for every command.
 */
export function createDeadlineModem(options: ConstructorOptions, endpoint: string, callMs: number): Modem {
  deadlineModemClass ??= defineDeadlineModem(loadModem());
  return new deadlineModemClass(options, endpoint, callMs);
}
