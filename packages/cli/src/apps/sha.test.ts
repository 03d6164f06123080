import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { shaPlatformOf } from "./sha.js";

describe("shaPlatformOf", () => {
  it.each([
    [undefined, "x86_64", { os: "linux", architecture: "amd64" }],
    [undefined, "aarch64", { os: "linux", architecture: "arm64" }],
    // A Mac's uname -m.
    [undefined, "arm64", { os: "linux", architecture: "arm64" }],
    // Machines docker-stacks does not build: uname -m is the OCI architecture for these.
    [undefined, "riscv64", { os: "linux", architecture: "riscv64" }],
    ["linux/arm64", "x86_64", { os: "linux", architecture: "arm64" }],
    ["linux/arm/v7", "x86_64", { os: "linux", architecture: "arm", variant: "v7" }],
    ["aarch64", "x86_64", { os: "linux", architecture: "arm64" }],
    ["x86_64", "aarch64", { os: "linux", architecture: "amd64" }],
    ["amd64", "aarch64", { os: "linux", architecture: "amd64" }],
  ])("--platform %s on a %s machine is %j", (value, machine, platform) => {
    expect(shaPlatformOf(value, machine)).toEqual(platform);
  });

  it.each([["mips"], ["linux"], ["linux/"], ["Linux/AMD64"], ["linux/arm/v7/x"], [""]])("refuses %j with a UsageError", (value) => {
    expect(() => shaPlatformOf(value, "x86_64")).toThrow(UsageError);
  });
});
