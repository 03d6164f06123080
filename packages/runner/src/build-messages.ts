import { StringDecoder } from "node:string_decoder";

/** One JSON message of the engine's build stream (classic builder). */
export interface BuildMessage {
  readonly stream?: unknown;
  readonly status?: unknown;
  readonly id?: unknown;
  readonly aux?: { readonly ID?: unknown } | null;
  readonly error?: unknown;
  readonly errorDetail?: { readonly message?: unknown; readonly code?: unknown } | null;
}

/** What a build stream said, once it has ended. */
export interface BuildOutcome {
  /** All output lines, joined with "\n". */
  readonly output: string;
  /** sha256:… id from the `aux` message. */
  readonly imageId: string | undefined;
  /** Short id from "Successfully built <id>", the success line engines print even without `aux`. */
  readonly builtId: string | undefined;
  /** The last "Step N/M : …" line, i.e. the step running when the stream ended. */
  readonly step: string | undefined;
  /** The engine's error message, when the build failed. */
  readonly error: string | undefined;
  /** errorDetail.code, which for a failing RUN step is its exit code. */
  readonly errorCode: number | undefined;
}

const STEP = /^Step \d+\/\d+ : /;
const BUILT = /^Successfully built ([0-9a-f]+)$/;
// The classic builder wraps every write of a RUN step's stderr in red; the colour is no output.
const uncolour = (text: string): string => text.replaceAll("\u001b[91m", "").replaceAll("\u001b[0m", "");

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * Reads the engine's build stream: JSON messages separated by "\r\n" and cut anywhere into chunks,
 * whose `stream` texts are in turn cut anywhere into lines ("Step 1/2 : FROM x" and its "\n" come
 * as two messages). Complete lines go to `onLine` as soon as they are known.
 */
export class BuildMessageReader {
  readonly #onLine: ((line: string) => void) | undefined;
  readonly #decoder = new StringDecoder("utf8");
  readonly #lines: string[] = [];
  #json = "";
  #text = "";
  #imageId: string | undefined;
  #builtId: string | undefined;
  #step: string | undefined;
  #error: string | undefined;
  #errorCode: number | undefined;

  constructor(onLine?: (line: string) => void) {
    this.#onLine = onLine;
  }

  /** Take the next chunk of the HTTP body. */
  push(chunk: Buffer | string): void {
    this.#json += typeof chunk === "string" ? chunk : this.#decoder.write(chunk);
    const complete = this.#json.split("\n");
    this.#json = complete.pop() ?? "";
    for (const raw of complete) this.#message(raw);
  }

  /** The body has ended: flush what is left and say what happened. */
  end(): BuildOutcome {
    this.#message(this.#json + this.#decoder.end());
    this.#json = "";
    if (this.#text !== "") this.#line(this.#text);
    this.#text = "";
    return {
      output: this.#lines.join("\n"),
      imageId: this.#imageId,
      builtId: this.#builtId,
      step: this.#step,
      error: this.#error,
      errorCode: this.#errorCode,
    };
  }

  #message(raw: string): void {
    const json = raw.trim();
    if (json === "") return;
    let message: BuildMessage;
    try {
      message = JSON.parse(json) as BuildMessage;
    } catch {
      // Not JSON (a proxy's error page, say): still worth showing rather than dropping.
      return this.#output(`${json}\n`);
    }
    if (typeof message !== "object" || message === null) return this.#output(`${json}\n`);
    const stream = text(message.stream);
    if (stream !== undefined) this.#output(uncolour(stream));
    const status = text(message.status);
    if (status !== undefined) this.#line(typeof message.id === "string" ? `${message.id}: ${status}` : status);
    const id = text(message.aux?.ID);
    if (id !== undefined) this.#imageId = id;
    const error = text(message.errorDetail?.message) ?? text(message.error);
    if (error !== undefined) {
      this.#error = error;
      const code = message.errorDetail?.code;
      this.#errorCode = typeof code === "number" ? code : undefined;
    }
  }

  #output(chunk: string): void {
    const parts = (this.#text + chunk).split("\n");
    this.#text = parts.pop() ?? "";
    for (const line of parts) this.#line(line);
  }

  #line(line: string): void {
    const clean = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (STEP.test(clean)) this.#step = clean;
    const built = BUILT.exec(clean);
    if (built) this.#builtId = built[1];
    this.#lines.push(clean);
    this.#onLine?.(clean);
  }
}
