import { describe, expect, it } from "vitest";
import { InvalidHashLengthError } from "./errors.js";
import { commitTag, shortHash } from "./short-hash.js";

const snapshot = { commit: "0123456789abcdef0123456789abcdef01234567" };

describe("shortHash", () => {
  it.each([
    { length: 4, expected: "0123" },
    { length: 7, expected: "0123456" },
    { length: 40, expected: snapshot.commit },
  ])("returns the first $length characters when asked for $length", ({ length, expected }) => {
    expect(shortHash(snapshot, length)).toBe(expected);
  });

  it.each([3, 41, 0, -7, 7.5, Number.NaN])("throws InvalidHashLengthError when the length is %s", (length) => {
    expect(() => shortHash(snapshot, length)).toThrow(InvalidHashLengthError);
    expect(() => shortHash(snapshot, length)).toThrow(expect.objectContaining({ code: "INVALID_HASH_LENGTH", length }));
  });
});

describe("commitTag", () => {
  it("returns the first 12 characters of the commit when given a snapshot", () => {
    expect(commitTag(snapshot)).toBe("0123456789ab");
  });
});
