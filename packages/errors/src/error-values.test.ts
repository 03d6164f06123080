import { describe, expect, it } from "vitest";
import { quotedValue } from "./error-values.js";

describe("quotedValue", () => {
  it("quotes a short value as JSON", () => {
    expect(quotedValue('a "b"\n')).toBe('"a \\"b\\"\\n"');
  });

  it("cuts a long value and says how long it was", () => {
    expect(quotedValue("x".repeat(1_000_000))).toBe(`"${"x".repeat(60)}…" (1000000 characters)`);
    expect(quotedValue("y".repeat(30), 20)).toBe(`"${"y".repeat(10)}…" (30 characters)`);
  });
});
