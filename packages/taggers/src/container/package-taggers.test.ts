import { fakeReplyContext } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { runTagger } from "../run-tagger.js";
import { aptPackageTagger, upstreamVersion } from "./apt.js";
import { InvalidTaggerSpecError, TaggerFailedError, UnparsableOutputError } from "./errors.js";
import { pipPackageTagger } from "./pip.js";

const DPKG = "dpkg-query --showformat=${db:Status-Status}\\t${Version}\\n --show";

describe("pipPackageTagger", () => {
  it.each([
    ["numpy", {}, "2.1.3", "numpy-2.1.3"],
    ["torch", {}, "2.3.1+cu121", "torch-2.3.1"],
    ["scikit-learn", { prefix: "sklearn" }, "1.5.2", "sklearn-1.5.2"],
    ["ruamel.yaml", {}, "0.18.6", "ruamel.yaml-0.18.6"],
  ])("tags %s with options %j and version %s as %s", async (name, options, version, expected) => {
    const tagger = pipPackageTagger(name, options);
    expect(tagger.name).toBe(`pip-package(${name})`);
    const { ctx } = fakeReplyContext({ [`pip show ${name}`]: { stdout: `Name: ${name}\nVersion: ${version}\nSummary: x\n` } });
    await expect(tagger(ctx)).resolves.toBe(expected);
  });

  it("throws TaggerFailedError naming the tagger when pip does not know the package", async () => {
    const { ctx } = fakeReplyContext({ "pip show numpy": { stderr: "WARNING: Package(s) not found: numpy\n", exitCode: 1 } });
    await expect(runTagger(pipPackageTagger("numpy"), ctx)).rejects.toThrow(
      /^tagger "pip-package\(numpy\)" failed for image base: command "pip show numpy" exited with code 1 .*\nWARNING: Package\(s\) not found: numpy$/s,
    );
  });

  it.each(["", "numpy; rm -rf /", "-numpy", "numpy ", "a/b"])("throws InvalidTaggerSpecError for the name %j", (name) => {
    expect(() => pipPackageTagger(name)).toThrow(InvalidTaggerSpecError);
  });

  it("throws InvalidTaggerSpecError for a prefix that cannot start a tag", () => {
    expect(() => pipPackageTagger("numpy", { prefix: "-np" })).toThrow(/tag prefix for package "numpy" is not valid/);
  });
});

describe("upstreamVersion", () => {
  it.each([
    ["1.21.23", "1.21.23"],
    ["7.88.1-10+deb12u8", "7.88.1"],
    ["1:2.39.5-0+deb12u2", "2.39.5"],
    ["12.4+deb12u15", "12.4"],
    ["1:9.2p1-2+deb12u3", "9.2p1"],
    ["2.0.0~rc1-1", "2.0.0-rc1"],
    ["1.2.3-beta-4", "1.2.3-beta"],
  ])("turns %s into %s", (version, expected) => {
    expect(upstreamVersion(version)).toBe(expected);
  });
});

describe("aptPackageTagger", () => {
  it.each([
    ["curl", {}, "installed\t7.88.1-10+deb12u8\n", "curl-7.88.1"],
    ["libc6:amd64", {}, "installed\t2.36-9+deb12u7\n", "libc6-2.36"],
    ["libstdc++6", { prefix: "libstdcxx6" }, "installed\t12.2.0-14\n", "libstdcxx6-12.2.0"],
    ["git", {}, "config-files\t1:2.30.2-1\ninstalled\t1:2.39.5-0+deb12u2\n", "git-2.39.5"],
  ])("tags %s with options %j from %j as %s", async (name, options, stdout, expected) => {
    const { ctx, container } = fakeReplyContext({ [`${DPKG} ${name}`]: { stdout } });
    await expect(aptPackageTagger(name, options)(ctx)).resolves.toBe(expected);
    expect(container.calls).toEqual([`${DPKG} ${name}`]);
  });

  it("throws TaggerFailedError wrapping UnparsableOutputError when only configuration files remain", async () => {
    const { ctx } = fakeReplyContext({ [`${DPKG} curl`]: { stdout: "config-files\t7.88.1-10\n" } });
    const error: unknown = await runTagger(aptPackageTagger("curl"), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaggerFailedError);
    expect((error as Error).cause).toBeInstanceOf(UnparsableOutputError);
    expect((error as Error).message).toContain("could not find an installed version of curl");
  });

  it.each(["Curl", "curl;id", "", "libstdc++6 x"])("throws InvalidTaggerSpecError for the name %j", (name) => {
    expect(() => aptPackageTagger(name)).toThrow(InvalidTaggerSpecError);
  });

  it("asks for a prefix when the package name cannot be a tag", () => {
    expect(() => aptPackageTagger("libstdc++6")).toThrow(/set "prefix"/);
  });
});
