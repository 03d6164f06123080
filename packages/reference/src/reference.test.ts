import { describe, expect, it } from "vitest";
import { InvalidReferenceError } from "./errors.js";
import { canonicalReference, formatReference, imageRepository, parseReference, repositoryOf } from "./reference.js";

const DIGEST = `sha256:${"ab".repeat(32)}`;

describe("parseReference", () => {
  it.each([
    ["busybox", undefined, "busybox", undefined],
    ["busybox:1.36", undefined, "busybox", "1.36"],
    ["jupyter/base-notebook:python-3.11.2", undefined, "jupyter/base-notebook", "python-3.11.2"],
    ["127.0.0.1:5000/a/b:t", "127.0.0.1:5000", "a/b", "t"],
    ["127.0.0.1:5000/a/b", "127.0.0.1:5000", "a/b", undefined],
    ["localhost/x:y", "localhost", "x", "y"],
    ["imgs.localhost/busybox:latest", "imgs.localhost", "busybox", "latest"],
    ["quay.io/jupyter/scipy-notebook:2024-01-02", "quay.io", "jupyter/scipy-notebook", "2024-01-02"],
    ["[::1]:5000/a:b", "[::1]:5000", "a", "b"],
    ["a__b/c-d.e:x_Y.1", undefined, "a__b/c-d.e", "x_Y.1"],
    ["Registry.Example/a:b", "Registry.Example", "a", "b"],
  ])("reads %s as registry %s, path %s, tag %s", (text, registry, path, tag) => {
    const ref = parseReference(text);
    expect(ref).toEqual({ registry, path, tag, digest: undefined });
    expect(formatReference(ref)).toBe(text);
  });

  it("reads a digest, with or without a tag", () => {
    expect(parseReference(`r.io/a/b@${DIGEST}`)).toEqual({ registry: "r.io", path: "a/b", tag: undefined, digest: DIGEST });
    expect(parseReference(`r.io/a/b:t@${DIGEST}`)).toMatchObject({ tag: "t", digest: DIGEST });
    expect(formatReference(parseReference(`r.io/a/b:t@${DIGEST}`))).toBe(`r.io/a/b:t@${DIGEST}`);
  });

  it.each([
    ["busybox@sha256:abc", /digest "sha256:abc"/],
    [`busybox@sha256:${"AB".repeat(32)}`, /digest/],
    ["busybox:", /tag ""/],
    ["busybox:-x", /tag "-x"/],
    [`busybox:${"a".repeat(129)}`, /129 characters/],
    [":tag", /empty/],
    ["Busybox:1", /"Busybox"/],
    ["a/B:1", /"B"/],
    ["my_registry:5000/a:b", /registry "my_registry:5000"/],
    ["a//b:c", /part ""/],
    ["a/b-:c", /"b-"/],
    [`r.io/${"a".repeat(260)}`, /longer than 255/],
  ])("throws InvalidReferenceError for %s", (text, message) => {
    expect(() => parseReference(text)).toThrow(InvalidReferenceError);
    expect(() => parseReference(text)).toThrow(message);
  });

  it("marks a bad reference as a usage error naming the reference", () => {
    try {
      parseReference("a/B");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "INVALID_REFERENCE", category: "usage", reference: "a/B" });
    }
  });
});

describe("repositoryOf", () => {
  it("drops tag and digest and keeps the registry's port", () => {
    expect(repositoryOf(parseReference(`127.0.0.1:5000/a/b:t@${DIGEST}`))).toBe("127.0.0.1:5000/a/b");
    expect(repositoryOf(parseReference("busybox:1"))).toBe("busybox");
  });
});

describe("canonicalReference", () => {
  it.each([
    ["busybox", "docker.io", "library/busybox", "latest"],
    ["acme/app:1", "docker.io", "acme/app", "1"],
    ["quay.io/jupyter/base-notebook", "quay.io", "jupyter/base-notebook", "latest"],
    ["127.0.0.1:5000/busybox:t", "127.0.0.1:5000", "busybox", "t"],
  ])("resolves %s as the engine does", (text, registry, path, tag) => {
    expect(canonicalReference(parseReference(text))).toEqual({ registry, path, tag, digest: undefined });
  });

  it("adds no tag to a digest reference", () => {
    expect(canonicalReference(parseReference(`busybox@${DIGEST}`)).tag).toBeUndefined();
  });
});

describe("imageRepository", () => {
  it("joins registry, owner and image, leaving out empty parts", () => {
    expect(imageRepository({ registry: "quay.io", owner: "jupyter" }, "base-notebook")).toBe("quay.io/jupyter/base-notebook");
    expect(imageRepository({ registry: "", owner: "jupyter" }, "base")).toBe("jupyter/base");
    expect(imageRepository({ registry: "", owner: "" }, "base")).toBe("base");
  });
});
