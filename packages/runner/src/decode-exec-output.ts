import { constants } from "node:buffer";
import { TextDecoder } from "node:util";
import { OutputNotUtf8Error } from "./errors/exec.js";
import { OutputTooLargeError } from "./errors/session.js";
import type { ExecResult } from "./types.js";
import { invalidUtf8Offset } from "./utf8.js";

/** The most output one exec may print, in bytes: what a JavaScript string can hold (about 512 MiB). */
export const MAX_OUTPUT_BYTES: number = constants.MAX_STRING_LENGTH;

/** Which stream a chunk came from. */
export type OutputStream = "stdout" | "stderr";

/** An exec's output as text, or what went wrong with it. */
export type CollectedOutput =
  | { readonly kind: "text"; readonly stdout: string; readonly stderr: string; readonly output: string }
  | { readonly kind: "invalid-utf8"; readonly stream: OutputStream; readonly offset: number }
  | { readonly kind: "too-large"; readonly limitBytes: number };

const EMPTY = Buffer.alloc(0);

/** Bytes at the end that start a UTF-8 sequence the next chunk completes (0 to 3). */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** One stream decoded strictly as UTF-8, chunk by chunk, so that no copy of its bytes is kept. */
class StreamText {
  text = "";
  invalidAt: number | undefined;
  #decoded = 0;
  #pending = EMPTY;
  readonly #decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

  /** Decode a chunk onto the text; nothing more once the stream is known to be invalid. */
  push(chunk: Buffer): void {
    if (this.invalidAt !== undefined) return;
    const bytes = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
    const keep = incompleteTail(bytes);
    const whole = bytes.subarray(0, bytes.length - keep);
    let piece: string;
    try {
      piece = this.#decoder.decode(whole);
    } catch (error) {
      const offset = invalidUtf8Offset(whole);
      // Only bad bytes are reported as such; anything else is a real failure.
      if (offset < 0) throw error;
      this.invalidAt = this.#decoded + offset;
      return;
    }
    // Copied, so that the chunk itself is not kept alive by its last bytes.
    this.#pending = keep > 0 ? Buffer.from(bytes.subarray(bytes.length - keep)) : EMPTY;
    this.#decoded += whole.length;
    // `+=` builds a rope of the pieces: no copy until the text is read.
    this.text += piece;
  }

  end(): void {
    if (this.invalidAt === undefined && this.#pending.length > 0) this.invalidAt = this.#decoded;
  }
}

/**
 * The combined output of an exec: stderr, then stdout, each whole. The engine reads a process's
 * two pipes independently, so the order in which their frames arrive is a race (docker-py's
 * exec_run, which docker-stacks' DockerRunner.exec_cmd uses, joins them in that racy order; two
 * writes a microsecond apart come either way, and a frame may even split a line). A fixed order
 * makes output byte-stable, and this one is what docker-stacks gets in the usual case: for
 * programs that write one stream only, and for those that warn on stderr before writing stdout
 * (`apt list --installed`'s "WARNING: apt does not have a stable CLI interface", the JVM's notes
 * before spark-submit's banner). A program that writes stdout first and then stderr gets its
 * stderr first here.
 */
export function combineOutput(stdout: string, stderr: string): string {
  return stderr + stdout;
}

/**
 * Collects an exec's stdout and stderr as they arrive: decoded strictly as UTF-8 (a chunk may end
 * inside a character), combined as combineOutput does, and bounded: past `limitBytes` of output
 * in all, push() returns false and the result is "too-large". Memory stays near the text's size.
 */
export class ExecOutputCollector {
  readonly #streams = { stdout: new StreamText(), stderr: new StreamText() };
  readonly #limitBytes: number;
  #bytes = 0;
  #tooLarge = false;

  constructor(limitBytes: number = MAX_OUTPUT_BYTES) {
    this.#limitBytes = limitBytes;
  }

  /** Take a chunk; false when it passes the limit (stop reading: nothing more is kept). */
  push(stream: OutputStream, chunk: Buffer): boolean {
    if (this.#tooLarge) return false;
    this.#bytes += chunk.length;
    if (this.#bytes > this.#limitBytes) {
      this.#tooLarge = true;
      this.#streams.stdout.text = "";
      this.#streams.stderr.text = "";
      return false;
    }
    this.#streams[stream].push(chunk);
    return true;
  }

  /** The output once both streams have ended. */
  finish(): CollectedOutput {
    if (this.#tooLarge) return { kind: "too-large", limitBytes: this.#limitBytes };
    const { stdout, stderr } = this.#streams;
    stdout.end();
    stderr.end();
    if (stdout.invalidAt !== undefined) return { kind: "invalid-utf8", stream: "stdout", offset: stdout.invalidAt };
    if (stderr.invalidAt !== undefined) return { kind: "invalid-utf8", stream: "stderr", offset: stderr.invalidAt };
    return { kind: "text", stdout: stdout.text, stderr: stderr.text, output: combineOutput(stdout.text, stderr.text) };
  }
}

/**
 * An exec's result from its collected output: OutputNotUtf8Error names the stream and the byte
 * offset of the first bad byte; OutputTooLargeError names the limit.
 */
export function execResultOf(collected: CollectedOutput, exitCode: number, command: readonly string[], image: string): ExecResult {
  switch (collected.kind) {
    case "too-large":
      throw new OutputTooLargeError(image, command, collected.limitBytes);
    case "invalid-utf8":
      throw new OutputNotUtf8Error(image, command, collected.stream, collected.offset);
    case "text":
      return { command: [...command], stdout: collected.stdout, stderr: collected.stderr, output: collected.output, exitCode };
  }
}
