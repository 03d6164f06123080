import { execFile } from "node:child_process";
import { join } from "node:path";
import { makeGitRepo, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const example = "examples/debian-stack/imgs.config.ts";
// No CI variables of the machine running the tests: the context comes from the repository.
const env = { ...process.env, GITHUB_ACTIONS: "", GITLAB_CI: "", JENKINS_URL: "", TRAVIS: "", IMGS_DEBUG: "" };

/** Runs the imgs binary (bin.ts, as a separate process) and returns its exit status and output. */
function imgs(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "packages/cli/src/bin.ts", ...argv], { cwd: root, env, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error?.code;
      resolve({ status: typeof code === "number" ? code : error ? -1 : 0, stdout, stderr });
    });
  });
}

// Each case starts node with tsx: seconds each on a loaded machine.
describe("the exit status of imgs", { timeout: 30_000 }, () => {
  let repo: GitRepoFixture;
  beforeAll(() => {
    repo = makeGitRepo({ "README.md": "release\n" }, { branch: "main", tags: [{ name: "v1.2.3", message: "Release 1.2.3" }] });
  });
  afterAll(() => repo.remove());

  it.each([
    [["-t", "type=semver"], 'imgs: invalid tag rule "type=semver": type=semver needs a pattern attribute [REF_RULE_INVALID]\n'],
    [["--preset", "nope"], 'imgs: unknown preset "nope" in "preset=nope"; known presets: ltd-keeper, marketplace, cyber-dojo, docker-stacks [UNKNOWN_PRESET]\n'],
    [["--flavor", "latest=maybe"], 'imgs: invalid flavor "latest=maybe": latest must be auto, true or false, not "maybe" [REF_FLAVOR_INVALID]\n'],
  ])("is 2 for imgs refs %j, with a message naming the input", async (args, message) => {
    const { status, stdout, stderr } = await imgs("refs", "--git-dir", repo.dir, ...args);
    expect({ status, stdout, stderr }).toEqual({ status: 2, stdout: "", stderr: message });
  });

  it("is 0 for valid refs input, so the 2s above come from the input", async () => {
    const { status, stdout } = await imgs("refs", "--git-dir", repo.dir, "-t", "type=semver,pattern={{version}}", "--flavor", "latest=false", "--format", "tags");
    expect({ status, stdout }).toEqual({ status: 0, stdout: "1.2.3\n" });
  });

  it.each([["build"], ["tag"]])("is 2 for imgs %s --jobs 0, with the message of the one --jobs check", async (command) => {
    const { status, stderr } = await imgs("-c", example, command, "--all", "--jobs", "0");
    expect({ status, stderr }).toEqual({ status: 2, stderr: "imgs: --jobs must be a whole number of at least 1, got 0\n" });
  });

  it("is 2 for what yargs refuses (a choice that does not exist, an unknown option)", async () => {
    const choice = await imgs("refs", "--git-dir", repo.dir, "--format", "yaml");
    expect(choice.status).toBe(2);
    expect(choice.stderr).toMatch(/^imgs: Invalid values:\n {2}Argument: format, Given: "yaml"/);
    const unknown = await imgs("hierarchy", "--colour");
    expect({ status: unknown.status, stderr: unknown.stderr }).toEqual({ status: 2, stderr: "imgs: Unknown argument: colour\n" });
  });

  it.each([["tag"], ["prune"], ["image-ref"]])("is 2 for imgs %s --platform outside docker-stacks' choices (x86_64, aarch64, arm64)", async (command) => {
    const { status, stdout, stderr } = await imgs("-c", example, command, "--platform", "s390x");
    expect({ status, stdout }).toEqual({ status: 2, stdout: "" });
    expect(stderr).toMatch(/^imgs: Invalid values:\n {2}Argument: platform, Given: "s390x", Choices: "x86_64", "aarch64", "arm64"/);
  });
});
