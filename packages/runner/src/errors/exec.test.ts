import { describe, expect, it } from "vitest";
import { ExecFailedError, outputTail } from "./exec.js";

describe("outputTail", () => {
  it("keeps the last 20 lines of ordinary output, without a mark", () => {
    const output = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n") + "\n\n";
    expect(outputTail(output)).toBe(Array.from({ length: 20 }, (_, i) => `line ${i + 11}`).join("\n"));
    expect(outputTail("one\ntwo")).toBe("one\ntwo");
    expect(outputTail("")).toBe("");
  });

  it("cuts one huge line by bytes and says how much was cut", () => {
    const tail = outputTail(`${"x".repeat(5_000_000)}END`);
    expect(tail).toBe(`[… ${5_000_003 - 4096} bytes cut] ${"x".repeat(4093)}END`);
  });

  it("cuts by bytes on a character boundary", () => {
    const tail = outputTail("€".repeat(3000), 20, 10);
    // 10 bytes hold three 3-byte characters once the partial one is skipped.
    expect(tail).toBe(`[… ${9000 - 9} bytes cut] €€€`);
  });

  it("bounds an ExecFailedError's message whatever the command printed", () => {
    const output = `${"y".repeat(200 * 1024 * 1024)}\n`;
    const error = new ExecFailedError("img", "c".repeat(64), ["yes"], 1, output);
    expect(error.message.length).toBeLessThan(4400);
    expect(error.message).toMatch(/exited with code 1 in image img \(container c{12}\); last output:\n\[… 209711104 bytes cut\] y{4096}$/);
    expect(error.output).toBe(output);
  });
});
