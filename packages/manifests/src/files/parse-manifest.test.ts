import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidManifestFileError, parseManifest } from "./parse-manifest.js";
import { renderManifest } from "./render-manifest.js";

const fixtures = join(import.meta.dirname, "../__fixtures__/docker-stacks");
const golden = join(import.meta.dirname, "../__golden__");
const read = (dir: string, name: string): string => readFileSync(join(dir, name), "utf8");

describe("parseManifest", () => {
  it.each([
    [fixtures, "x86_64-default-base-notebook-3b7e9a1c4f02.md"],
    [fixtures, "aarch64-default-julia-notebook-3b7e9a1c4f02.md"],
    [fixtures, "x86_64-default-pyspark-notebook-3b7e9a1c4f02.md"],
    [fixtures, "x86_64-base-notebook-0a1b2c3d4e5f.md"],
    [golden, "x86_64-default-r-notebook-7212f69f53b1.md"],
  ])("reads %s/%s back into pieces that render to the same file", (dir, name) => {
    const text = read(dir, name);
    const parsed = parseManifest(text, name);
    expect(renderManifest({ image: parsed.image, commit: parsed.commitTag, pieces: parsed.pieces })).toBe(text);
  });

  it("reads build info and mamba 2's table and apt's list of a docker-stacks manifest", () => {
    const parsed = parseManifest(read(fixtures, "x86_64-default-base-notebook-3b7e9a1c4f02.md"));
    expect(parsed.image).toBe("base-notebook");
    expect(parsed.commitTag).toBe("3b7e9a1c4f02");
    expect(parsed.buildInfo).toEqual({
      buildTimestamp: "2025-01-13T09:41:27Z",
      dockerImage: "quay.io/jupyter/base-notebook:3b7e9a1c4f02",
      size: "1.05GB",
      commit: "3b7e9a1c4f0287d5e6b1a9c0f3d2e4b5a6c7d8e9",
      message: "Update micromamba to 2.0.5 (#2211)",
    });
    const conda = parsed.packages.filter((p) => p.ecosystem === "conda");
    expect(conda).toHaveLength(16);
    expect(conda).toContainEqual({ ecosystem: "conda", name: "jupyterlab", version: "4.3.4", source: "  jupyterlab       4.3.4       pyhd8ed1ab_0        conda-forge" });
    const apt = parsed.packages.filter((p) => p.ecosystem === "apt");
    expect(apt).toHaveLength(16);
    expect(apt[0]).toEqual({ ecosystem: "apt", name: "adduser", version: "3.137ubuntu1", source: "adduser/noble,now 3.137ubuntu1 all [installed]" });
    expect(parsed.pieces.map((p) => [p.title, p.packages?.length])).toEqual([
      ["Build Info", undefined],
      ["Python Packages", 16],
      ["Apt Packages", 16],
    ]);
  });

  it("reads the older layout: conda's list format, and libc6 for two architectures", () => {
    const parsed = parseManifest(read(fixtures, "x86_64-base-notebook-0a1b2c3d4e5f.md"));
    expect(parsed.packages.filter((p) => p.ecosystem === "conda").map((p) => `${p.name}=${p.version}`)).toEqual([
      "_libgcc_mutex=0.1",
      "jupyterlab=4.0.1",
      "mamba=1.4.2",
      "python=3.11.3",
    ]);
    expect(parsed.packages.filter((p) => p.ecosystem === "apt").map((p) => p.name)).toEqual(["adduser", "libc6:amd64", "libc6:i386"]);
  });

  it("reads Julia's Pkg.status (upgrade marks, a stdlib without version) and Spark's banner", () => {
    const julia = parseManifest(read(fixtures, "aarch64-default-julia-notebook-3b7e9a1c4f02.md")).packages;
    expect(julia.map((p) => [p.name, p.version])).toEqual([
      ["IJulia", "1.26.0"],
      ["PlotlyJS", "0.18.14"],
      ["Pluto", "0.20.4"],
      ["LinearAlgebra", ""],
    ]);
    const spark = parseManifest(read(fixtures, "x86_64-default-pyspark-notebook-3b7e9a1c4f02.md")).packages;
    expect(spark.map((p) => [p.ecosystem, p.name, p.version])).toEqual([
      ["spark", "spark", "3.5.4"],
      ["spark", "scala", "2.12.18"],
    ]);
  });

  it("reads R's installed.packages table of the golden r-notebook manifest", () => {
    const parsed = parseManifest(read(golden, "x86_64-default-r-notebook-7212f69f53b1.md"));
    expect(parsed.packages.filter((p) => p.ecosystem === "r")).toEqual([
      { ecosystem: "r", name: "base", version: "4.4.2", source: 'base       "base"       "4.4.2"' },
      { ecosystem: "r", name: "compiler", version: "4.4.2", source: 'compiler   "compiler"   "4.4.2"' },
    ]);
  });

  it("throws InvalidManifestFileError naming the file for text without the header", () => {
    expect(() => parseManifest("# Notes\n\nhello\n", "notes.md")).toThrow(InvalidManifestFileError);
    expect(() => parseManifest("# Notes\n", "notes.md")).toThrow(/notes\.md is not a build manifest: its first line is "# Notes"/);
  });
});
