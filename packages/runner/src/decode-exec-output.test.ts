import { describe, expect, it } from "vitest";
import { ExecOutputCollector, MAX_OUTPUT_BYTES, execResultOf } from "./decode-exec-output.js";
import type { OutputStream } from "./decode-exec-output.js";
import { OutputNotUtf8Error } from "./errors/exec.js";
import { OutputTooLargeError } from "./errors/session.js";
import { invalidUtf8Offset } from "./utf8.js";

function collect(chunks: readonly [OutputStream, Buffer][], limit?: number): ReturnType<ExecOutputCollector["finish"]> {
  const collector = new ExecOutputCollector(limit);
  for (const [stream, bytes] of chunks) collector.push(stream, bytes);
  return collector.finish();
}

describe("ExecOutputCollector and execResultOf", () => {
  it("combines stderr then stdout, each whole, whatever order the chunks came in, even when a chunk ends inside a character", () => {
    const euro = Buffer.from("€", "utf8");
    const collected = collect([
      ["stdout", Buffer.concat([Buffer.from("a"), euro.subarray(0, 1)])],
      ["stderr", Buffer.from("E")],
      ["stdout", euro.subarray(1, 2)],
      ["stdout", Buffer.concat([euro.subarray(2), Buffer.from("b")])],
    ]);
    expect(execResultOf(collected, 2, ["x"], "img")).toEqual({ command: ["x"], stdout: "a€b", stderr: "E", output: "Ea€b", exitCode: 2 });
  });

  it("puts apt's stderr warning before its list, as docker-stacks' manifests have it, even when the list arrived first", () => {
    const collected = collect([
      ["stdout", Buffer.from("Listing...\nadduser/now 3.134 all\n")],
      ["stderr", Buffer.from("WARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n")],
    ]);
    expect(execResultOf(collected, 0, ["apt", "list", "--installed"], "img").output).toBe(
      "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\nListing...\nadduser/now 3.134 all\n",
    );
  });

  it("keeps a byte order mark as text, at the start and in a later chunk", () => {
    const collected = collect([
      ["stdout", Buffer.from("\uFEFFx")],
      ["stdout", Buffer.from("\uFEFFy")],
    ]);
    expect(execResultOf(collected, 0, ["x"], "img").stdout).toBe("\uFEFFx\uFEFFy");
  });

  it.each([
    ["stdout" as const, [Buffer.from([0x61, 0x62, 0xff])], 2],
    ["stderr" as const, [Buffer.from([0x61, 0xc3])], 1],
    ["stdout" as const, [Buffer.from("abc"), Buffer.from([0x64, 0xe2, 0x82]), Buffer.from([0x41])], 4],
    ["stdout" as const, [Buffer.from("x".repeat(70_000)), Buffer.from([0xc3, 0x28])], 70_000],
  ])("throws OutputNotUtf8Error naming %s and the byte offset across chunks", (stream, chunks, offset) => {
    const collected = collect(chunks.map((bytes) => [stream, bytes] as [OutputStream, Buffer]));
    const run = (): unknown => execResultOf(collected, 0, ["printf", "x"], "img:1");
    expect(run).toThrow(OutputNotUtf8Error);
    expect(run).toThrow(`command "printf x" in image img:1 wrote invalid UTF-8 to ${stream} at byte ${offset}`);
  });

  it("stops at the limit and says the output is too large, naming the limit, whatever the bytes are", () => {
    const collector = new ExecOutputCollector(10);
    expect(collector.push("stdout", Buffer.from("12345"))).toBe(true);
    expect(collector.push("stderr", Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe(true);
    expect(collector.push("stdout", Buffer.from("6"))).toBe(false);
    expect(collector.push("stdout", Buffer.from("7"))).toBe(false);
    const run = (): unknown => execResultOf(collector.finish(), 0, ["yes"], "img:1");
    expect(run).toThrow(OutputTooLargeError);
    expect(run).toThrow('command "yes" in image img:1 printed more than 10 bytes, its output limit (maxOutputBytes)');
  });

  it("allows exactly the limit, and by default what one string can hold", () => {
    expect(collect([["stdout", Buffer.from("1234567890")]], 10)).toMatchObject({ kind: "text", stdout: "1234567890" });
    expect(MAX_OUTPUT_BYTES).toBeGreaterThanOrEqual(2 ** 28);
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
