import { describe, expect, it } from "vitest";
import { isDigest, isPathComponent, isRegistryHost, isRepositoryPath, isTag, tagProblem } from "./grammar.js";

describe("tagProblem", () => {
  it.each(["python-3.12.4", "2024-07-01", "_x", "A", "x".repeat(128), "lab-4.2.3.dev0", "x86_64-ubuntu-24.04"])("accepts %j", (value) => {
    expect(tagProblem(value)).toBeUndefined();
    expect(isTag(value)).toBe(true);
  });

  it.each([
    ["", "it is empty"],
    ["x".repeat(129), "it is 129 characters long; at most 128 are allowed"],
    ["-python", 'it starts with "-"; it must start with a letter, digit or _'],
    ["-rf", 'it starts with "-"'],
    [".hidden", 'it starts with "."'],
    ["pytorch-2.3.1+cu121", 'character "+" at index 13 is not allowed'],
    ["python 3.12", 'character " " at index 6 is not allowed'],
    ["mamba-1.5.8\nconda", 'character "\\n" at index 11 is not allowed'],
    ["r-4.4:1", 'character ":" at index 5'],
  ])("refuses %j: %s", (value, reason) => {
    expect(tagProblem(value)).toContain(reason);
    expect(isTag(value)).toBe(false);
  });
});

describe("names", () => {
  it.each([
    ["base-notebook", true],
    ["a.b_c__d--e", true],
    ["Base", false],
    ["-a", false],
    ["a-", false],
    ["a/b", false],
  ])("isPathComponent(%j) is %s", (value, expected) => {
    expect(isPathComponent(value)).toBe(expected);
  });

  it.each([
    ["jupyter", true],
    ["acme/team", true],
    ["acme//team", false],
    ["Acme", false],
  ])("isRepositoryPath(%j) is %s", (value, expected) => {
    expect(isRepositoryPath(value)).toBe(expected);
  });

  it.each([
    ["quay.io", true],
    ["127.0.0.1:5000", true],
    ["[::1]:5000", true],
    ["localhost", true],
    ["my_registry:5000", false],
    ["quay.io:port", false],
    ["-a.io", false],
  ])("isRegistryHost(%j) is %s", (value, expected) => {
    expect(isRegistryHost(value)).toBe(expected);
  });

  it.each([
    [`sha256:${"0".repeat(64)}`, true],
    [`sha256:${"0".repeat(63)}`, false],
    [`sha512:${"0".repeat(128)}`, true],
    ["sha256:abc", false],
    ["latest", false],
  ])("isDigest(%j) is %s", (value, expected) => {
    expect(isDigest(value)).toBe(expected);
  });
});
