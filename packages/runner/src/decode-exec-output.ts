import { TextDecoder } from "node:util";
import { OutputNotUtf8Error } from "./errors/exec.js";
import type { RawExecResult } from "./run-exec.js";
import type { ExecResult } from "./types.js";
import { decodeUtf8 } from "./utf8.js";

const streamDecoder = (): TextDecoder => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Decode an exec's bytes strictly as UTF-8 (OutputNotUtf8Error names the stream and the byte
 * offset of the first bad byte) and interleave stdout and stderr chunks in arrival order.
 */
export function decodeExecOutput(raw: RawExecResult, command: readonly string[], image: string): ExecResult {
  const stdout = decodeUtf8(raw.stdout);
  if ("invalidAt" in stdout) throw new OutputNotUtf8Error(image, command, "stdout", stdout.invalidAt, stdout.cause);
  const stderr = decodeUtf8(raw.stderr);
  if ("invalidAt" in stderr) throw new OutputNotUtf8Error(image, command, "stderr", stderr.invalidAt, stderr.cause);
  // A chunk may end inside a character; one streaming decoder per stream carries the rest over.
  const decoders = { stdout: streamDecoder(), stderr: streamDecoder() };
  const pieces = raw.chunks.map((chunk) => decoders[chunk.stream].decode(chunk.bytes, { stream: true }));
  const output = pieces.join("") + decoders.stdout.decode() + decoders.stderr.decode();
  return { command: [...command], stdout: stdout.text, stderr: stderr.text, output, exitCode: raw.exitCode };
}
