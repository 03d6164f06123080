import { describe, expect, it } from "vitest";
import { InvalidTagError } from "./errors.js";
import { validateTag } from "./validate-tag.js";

const origin = { tagger: "python", image: "base-notebook" };

describe("validateTag", () => {
  it.each(["python-3.12.4", "2024-07-01", "_x", "A", "x".repeat(128), "lab-4.2.3.dev0", "x86_64-ubuntu-24.04"])(
    "returns %j unchanged",
    (value) => {
      expect(validateTag(value, origin)).toBe(value);
    },
  );

  it.each([
    ["", "it is empty"],
    ["x".repeat(129), "it is 129 characters long; at most 128 are allowed"],
    ["-python", 'it starts with "-"; it must start with a letter, digit or _'],
    [".hidden", 'it starts with "."'],
    ["pytorch-2.3.1+cu121", 'character "+" at index 13 is not allowed'],
    ["python 3.12", 'character " " at index 6 is not allowed'],
    ["mamba-1.5.8\nconda", 'character "\\n" at index 11 is not allowed'],
    ["r-4.4:1", 'character ":" at index 5'],
  ])("throws InvalidTagError for %j: %s", (value, reason) => {
    let error: unknown;
    try {
      validateTag(value, origin);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidTagError);
    expect(error).toMatchObject({ name: "InvalidTagError", code: "INVALID_TAG", tagger: "python", image: "base-notebook", value });
    expect((error as InvalidTagError).reason).toContain(reason);
    expect((error as Error).message).toContain(`tagger "python" made an invalid Docker tag ${JSON.stringify(value)} for image base-notebook`);
  });
});
