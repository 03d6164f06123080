import { describe, expect, it } from "vitest";
import { formatImageSize } from "./format-image-size.js";
import { formatGoG } from "./go-format-g.js";

describe("formatImageSize", () => {
  // Expected strings are what go-units' HumanSizeWithPrecision(size, 3) prints (checked against
  // `docker images` for the first two and against C-style "%.3g" for the rest).
  it.each([
    [1984230, "1.98MB"],
    [116667077, "117MB"],
    [0, "0B"],
    [1, "1B"],
    [999, "999B"],
    [1000, "1kB"],
    [1500, "1.5kB"],
    [1125000, "1.12MB"], // 1.125 is exact in binary: a tie, rounded to even as Go does
    [1135000, "1.14MB"], // 1.135 is a little above 1.135 in binary: rounded up
    [999499, "999kB"],
    [999500, "1e+03kB"], // Go's %g switches to an exponent once rounding reaches 1000
    [1000000, "1MB"],
    [1234567890, "1.23GB"],
    [12345678901, "12.3GB"],
    [123456789012, "123GB"],
    [7_500_000_000_000_000, "7.5PB"],
    [1e24, "1YB"],
    [1e27, "1e+03YB"],
  ])("formats %d bytes as %s", (bytes, expected) => {
    expect(formatImageSize(bytes)).toBe(expected);
  });
});

describe("formatGoG", () => {
  it.each([
    [0.0001234, 3, "0.000123"],
    [0.00001234, 3, "1.23e-05"],
    [120, 3, "120"],
    [2.5, 1, "2"],
    [3.5, 1, "4"],
    [-1.5, 3, "-1.5"],
    [123456, 4, "1.235e+05"],
  ])("formats %d with precision %d as %s", (value, precision, expected) => {
    expect(formatGoG(value, precision)).toBe(expected);
  });
});
