import { describe, expect, it } from "vitest";
import { decodeExecOutput } from "./decode-exec-output.js";
import { OutputNotUtf8Error } from "./errors/exec.js";
import type { OutputChunk, RawExecResult } from "./run-exec.js";
import { invalidUtf8Offset } from "./utf8.js";

function raw(chunks: OutputChunk[], exitCode = 0): RawExecResult {
  const pick = (name: string): Buffer => Buffer.concat(chunks.filter((c) => c.stream === name).map((c) => c.bytes));
  return { stdout: pick("stdout"), stderr: pick("stderr"), chunks, exitCode };
}

describe("decodeExecOutput", () => {
  it("interleaves chunks in arrival order, even when a chunk ends inside a character", () => {
    const euro = Buffer.from("€", "utf8");
    const result = decodeExecOutput(
      raw([
        { stream: "stdout", bytes: Buffer.concat([Buffer.from("a"), euro.subarray(0, 1)]) },
        { stream: "stderr", bytes: Buffer.from("E") },
        { stream: "stdout", bytes: Buffer.concat([euro.subarray(1), Buffer.from("b")]) },
      ], 2),
      ["x"],
      "img",
    );
    expect(result).toEqual({ command: ["x"], stdout: "a€b", stderr: "E", output: "aE€b", exitCode: 2 });
  });

  it("keeps a byte order mark as text", () => {
    expect(decodeExecOutput(raw([{ stream: "stdout", bytes: Buffer.from("\uFEFFx") }]), ["x"], "img").stdout).toBe("\uFEFFx");
  });

  it.each([
    ["stdout" as const, Buffer.from([0x61, 0x62, 0xff]), 2],
    ["stderr" as const, Buffer.from([0x61, 0xc3]), 1],
  ])("throws OutputNotUtf8Error naming %s and the byte offset", (stream, bytes, offset) => {
    const run = (): unknown => decodeExecOutput(raw([{ stream, bytes }]), ["printf", "x"], "img:1");
    expect(run).toThrow(OutputNotUtf8Error);
    expect(run).toThrow(`command "printf x" in image img:1 wrote invalid UTF-8 to ${stream} at byte ${offset}`);
  });
});

describe("invalidUtf8Offset", () => {
  it.each([
    [[0x61, 0x62], -1],
    [[...Buffer.from("é€😀")], -1],
    [[0xff], 0],
    [[0x61, 0x80], 1],
    [[0xc0, 0x80], 0], // overlong
    [[0xe0, 0x80, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // UTF-16 surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
    [[0x61, 0xe2, 0x82], 1], // truncated
  ])("finds the first bad byte of %j at %i", (bytes, offset) => {
    expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
  });
});
