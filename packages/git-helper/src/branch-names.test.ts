import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makeGitRepo } from "@imgs/test-utils";
import { readGitSnapshot } from "./read-git-snapshot.js";

const isolated = { env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" }, homeDir: "/nonexistent-home" };

// git forbids spaces in ref names, so ${IFS} stands in for them: a shell would still run `touch pwned`.
const HOSTILE_NAMES = [
  "feature/x",
  "dependabot/npm_and_yarn/@scope/pkg-1.2.3",
  "a$(touch${IFS}pwned)b",
  "x;touch${IFS}pwned;y",
  'q"uo`touch${IFS}pwned`te|&<>#',
  "ümlaut-ß-名前",
];

describe("readGitSnapshot", () => {
  it.each(HOSTILE_NAMES)("returns branch %j verbatim and runs nothing when HEAD is on it", async (name) => {
    using repo = makeGitRepo({ "README.md": "hi" }, { branch: name, tags: [`v1-${name}`] });

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot).toMatchObject({ branch: name, tags: [`v1-${name}`], defaultBranch: undefined });
    expect(repo.git("branch", "--show-current")).toBe(name);
    expect(readdirSync(repo.dir).sort()).toEqual([".git", "README.md"]);
    expect(existsSync("pwned")).toBe(false);
  });

  it.each(HOSTILE_NAMES)("returns origin/HEAD's branch %j verbatim when reading a clone", async (name) => {
    using origin = makeGitRepo({ "README.md": "hi" }, { branch: name });
    using clone = origin.clone();
    // Pack the remote-tracking branch too, so the name is read from packed-refs as well.
    clone.git("pack-refs", "--all");

    const snapshot = await readGitSnapshot({ dir: clone.dir, ...isolated });

    expect(snapshot).toMatchObject({ branch: name, defaultBranch: name });
    expect(readdirSync(clone.dir).sort()).toEqual([".git", "README.md"]);
    expect(existsSync("pwned")).toBe(false);
  });
});
