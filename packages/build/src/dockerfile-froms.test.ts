import { describe, expect, it } from "vitest";
import { ignoredParentArg, unpinnedFroms } from "./check-pinning.js";
import { readFroms, rootFromOf } from "./dockerfile-froms.js";

const multiStage = [
  "# syntax=docker/dockerfile:1",
  "ARG REG=docker.io",
  "ARG TAG=25",
  "ARG BASE_IMAGE",
  "FROM --platform=$BUILDPLATFORM ${REG}/fedora:${TAG} AS build",
  "RUN make \\",
  "  all",
  "FROM $BASE_IMAGE AS runtime",
  "COPY --from=build /out /out",
  "FROM runtime AS final",
  "FROM scratch AS empty",
].join("\n");

describe("readFroms", () => {
  it("reads stages, flags, lines and ARG defaults", () => {
    const froms = readFroms(multiStage, { BASE_IMAGE: "sha256:abc" });
    expect(froms.map((f) => [f.line, f.resolved, f.stage, f.source, f.platform])).toEqual([
      [5, "docker.io/fedora:25", "build", "image", "$BUILDPLATFORM"],
      [8, "sha256:abc", "runtime", "image", undefined],
      [10, "runtime", "final", "stage", undefined],
      [11, "scratch", "empty", "scratch", undefined],
    ]);
    expect(froms[0]?.defaults).toEqual(["REG", "TAG"]);
    expect(froms[0]?.text).toBe("FROM --platform=$BUILDPLATFORM ${REG}/fedora:${TAG} AS build");
  });

  it.each([
    ["ARG V\nFROM base:${V:-1.0}", {}, "base:1.0"],
    ["ARG V=2\nFROM base:${V:-1.0}", {}, "base:2"],
    ["ARG V\nFROM base${V:+:pinned}", { V: "x" }, "base:pinned"],
    ["ARG V\nFROM base${V:+:pinned}", {}, "base"],
    ["FROM $UNDECLARED", { UNDECLARED: "x" }, undefined],
  ])("substitutes %j with %j as Docker does", (text, args, expected) => {
    expect(readFroms(text, args)[0]?.resolved).toBe(expected);
  });

  it("follows stages back to the FROM the built image rests on", () => {
    const froms = readFroms(multiStage);
    expect(rootFromOf(froms)?.line).toBe(11);
    expect(rootFromOf(froms, "final")?.line).toBe(8);
    expect(rootFromOf(froms, "BUILD")?.line).toBe(5);
  });
});

describe("unpinnedFroms", () => {
  const check = (text: string, extra: { parentArg?: string; buildArgs?: Record<string, string> } = {}) =>
    unpinnedFroms({ image: "app", dockerfile: "/r/app/Dockerfile", text, ...extra }).map((u) => [u.line, u.reason, u.reference]);

  it("lists no tag, latest, ARG defaults resolving to either, and ARGs with no value", () => {
    const text = [
      "FROM debian",
      "FROM debian:latest",
      "FROM debian:12.5",
      `FROM debian@sha256:${"0".repeat(64)}`,
      "ARG X",
      "FROM $X",
    ].join("\n");
    expect(check(text)).toEqual([
      [1, "no-tag", "debian"],
      [2, "latest", "debian:latest"],
      [6, "unresolved", undefined],
    ]);
    expect(check("ARG IMG=fedora\nARG T=latest\nFROM ${IMG}:${T}")).toEqual([[3, "latest", "fedora:latest"]]);
    expect(check("ARG T=latest\nFROM fedora:${T}", { buildArgs: { T: "25" } })).toEqual([]);
  });

  it("takes FROMs through the parent argument, earlier stages and scratch as pinned", () => {
    expect(check(multiStage.replace("TAG=25", "TAG=latest"), { parentArg: "BASE_IMAGE" })).toEqual([[5, "latest", "docker.io/fedora:latest"]]);
    expect(check("ARG BASE_IMAGE\nFROM $BASE_IMAGE", { parentArg: "BASE_IMAGE" })).toEqual([]);
    // A root image has no parent: its BASE_IMAGE is an ordinary ARG.
    expect(check("ARG BASE_IMAGE=debian\nFROM $BASE_IMAGE")).toEqual([[2, "no-tag", "debian"]]);
  });

  it("says where the reference came from", () => {
    const [found] = unpinnedFroms({ image: "app", dockerfile: "/d", text: "ARG T=latest\nFROM fedora:${T}" });
    expect(found?.message).toBe("fedora:latest (from the default of ARG T) has the moving tag latest: the build is not repeatable; pin a version tag or a digest");
  });
});

describe("ignoredParentArg", () => {
  it("names the FROM the image rests on when it does not use the argument", () => {
    const warning = ignoredParentArg("/r/child/Dockerfile", "ARG BASE_IMAGE\nFROM imgs.localhost/o/base:latest\nRUN true", "BASE_IMAGE");
    expect(warning).toMatchObject({ line: 2, instruction: "FROM imgs.localhost/o/base:latest" });
    expect(ignoredParentArg("/d", multiStage, "BASE_IMAGE", "final")).toBeUndefined();
    expect(ignoredParentArg("/d", multiStage, "BASE_IMAGE", "build")?.line).toBe(5);
  });
});

describe("unpinnedFroms with references the grammar refuses", () => {
  it("reports them as invalid", () => {
    const [found] = unpinnedFroms({ image: "app", dockerfile: "/d", text: "FROM Debian:12" });
    expect(found).toMatchObject({ reason: "invalid", message: "Debian:12 is not a valid image reference, so the build fails" });
  });
});
