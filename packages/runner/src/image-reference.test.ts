import { describe, expect, it } from "vitest";
import { InvalidReferenceError } from "./errors/engine.js";
import { splitRepositoryTag } from "./image-reference.js";

describe("splitRepositoryTag", () => {
  it.each([
    ["busybox", "busybox", "latest"],
    ["busybox:1.36", "busybox", "1.36"],
    ["jupyter/base-notebook:python-3.11.2", "jupyter/base-notebook", "python-3.11.2"],
    ["127.0.0.1:5000/a/b:t", "127.0.0.1:5000/a/b", "t"],
    ["127.0.0.1:5000/a/b", "127.0.0.1:5000/a/b", "latest"],
    ["localhost/x:y", "localhost/x", "y"],
    ["imgs.localhost/busybox:latest", "imgs.localhost/busybox", "latest"],
    ["quay.io/jupyter/scipy-notebook:2024-01-02", "quay.io/jupyter/scipy-notebook", "2024-01-02"],
    ["[::1]:5000/a:b", "[::1]:5000/a", "b"],
    ["a__b/c-d.e:x_Y.1", "a__b/c-d.e", "x_Y.1"],
  ])("splits %s into %s and %s", (reference, repository, tag) => {
    expect(splitRepositoryTag(reference)).toEqual({ repository, tag });
  });

  it.each([
    ["busybox@sha256:abc", /digest/],
    ["busybox:", /tag ""/],
    ["busybox:-x", /tag "-x"/],
    [`busybox:${"a".repeat(129)}`, /tag/],
    [":tag", /empty/],
    ["Busybox:1", /"Busybox"/],
    ["a/B:1", /"B"/],
    ["my_registry:5000/a:b", /registry "my_registry:5000"/],
    ["a//b:c", /part ""/],
    ["a/b-:c", /"b-"/],
  ])("throws InvalidReferenceError for %s", (reference, message) => {
    expect(() => splitRepositoryTag(reference)).toThrow(InvalidReferenceError);
    expect(() => splitRepositoryTag(reference)).toThrow(message);
  });
});
