import { describe, expect, it } from "vitest";
import { imagesOf } from "./dockerfile-images.js";

const names = (dockerfile: string, buildArgs?: Record<string, string>): string[] => imagesOf(dockerfile, buildArgs).map((entry) => entry.image);

describe("imagesOf", () => {
  it.each([
    ["a plain FROM", "FROM imgs.localhost/busybox:latest\nRUN true", ["imgs.localhost/busybox:latest"]],
    ["lowercase keywords and a platform flag", "from --platform=linux/amd64 base:1 as b", ["base:1"]],
    ["stages and scratch", "FROM a:1 AS build\nFROM build\nFROM Build AS again\nFROM scratch\nFROM b:2", ["a:1", "b:2"]],
    ["COPY --from an image, a stage and an index", "FROM a AS s\nCOPY --from=s /x /x\nCOPY --from=0 /x /x\nCOPY --from=tools:1 /t /t", ["a", "tools:1"]],
    ["ARG defaults", "ARG REGISTRY=imgs.localhost\nARG TAG=latest\nFROM ${REGISTRY}/busybox:$TAG", ["imgs.localhost/busybox:latest"]],
    ["default words", "ARG TAG\nFROM busybox:${TAG:-1.36}\nFROM x${TAG:+-never}", ["busybox:1.36", "x"]],
    ["an ARG without value", "ARG BASE\nFROM $BASE\nFROM known", ["known"]],
    ["an ARG declared after FROM", "FROM a\nARG B=b\nFROM $B", ["a"]],
    ["continuations and comments", "# syntax=x\nFROM \\\n  # a comment inside\n  cont:1 \\\n  AS c\nCOPY --from=c . .", ["cont:1"]],
    ["the escape directive", "# escape=`\nFROM win:1 `\n  AS w\nRUN dir \\", ["win:1"]],
    ["duplicates", "FROM a\nFROM a", ["a"]],
  ])("finds the images of %s", (_case, dockerfile, expected) => {
    expect(names(dockerfile)).toEqual(expected);
  });

  it("lets build args override the defaults of ARGs declared before the first FROM, and only those", () => {
    const dockerfile = "ARG BASE=imgs.localhost/busybox:latest\nARG OTHER\nFROM $BASE\nFROM ${OTHER}";
    expect(names(dockerfile, { BASE: "imgs.localhost/debian:bookworm", OTHER: "x:1", UNDECLARED: "y" })).toEqual([
      "imgs.localhost/debian:bookworm",
      "x:1",
    ]);
  });

  it("says which instruction names the image", () => {
    expect(imagesOf("FROM a:1 AS base\nCOPY --from=b:2 / /")).toEqual([
      { image: "a:1", instruction: "FROM a:1 AS base" },
      { image: "b:2", instruction: "COPY --from=b:2 / /" },
    ]);
  });
});
