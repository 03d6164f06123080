import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeGitRepo } from "@imgs/test-utils";
import { readGitSnapshot } from "./read-git-snapshot.js";

/** Config files written into a temporary home, relative path -> `[init] defaultBranch` value. */
type ConfigFiles = Readonly<Record<string, string>>;

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** A temporary home folder holding these config files; returns the folder. */
function homeWith(files: ConfigFiles): string {
  const home = mkdtempSync(join(tmpdir(), "imgs-home-"));
  homes.push(home);
  for (const [path, branch] of Object.entries(files)) {
    mkdirSync(dirname(join(home, path)), { recursive: true });
    writeFileSync(join(home, path), `# written by a test\n[user]\n\tname = x\n[init]\n\tdefaultBranch = ${branch}\n`);
  }
  return home;
}

const none = (): NodeJS.ProcessEnv => ({});

describe("readGitSnapshot", () => {
  it.each([
    { when: "only main exists besides HEAD's branch", branches: ["feature", "main"], files: {}, env: none, expected: "main" },
    { when: "only master exists besides HEAD's branch", branches: ["feature", "master"], files: {}, env: none, expected: "master" },
    { when: "both main and master exist", branches: ["master", "main"], files: {}, env: none, expected: "main" },
    { when: "neither main, master nor a configured branch exists", branches: ["feature"], files: {}, env: none, expected: undefined },
    {
      when: "GIT_CONFIG_GLOBAL names an existing branch",
      branches: ["feature", "main", "trunk"],
      files: { "global.conf": "trunk" },
      env: (home: string) => ({ GIT_CONFIG_GLOBAL: join(home, "global.conf") }),
      expected: "trunk",
    },
    {
      when: "init.defaultBranch names a branch that does not exist",
      branches: ["feature", "master"],
      files: { "global.conf": "trunk" },
      env: (home: string) => ({ GIT_CONFIG_GLOBAL: join(home, "global.conf") }),
      expected: "master",
    },
    {
      when: "GIT_CONFIG_GLOBAL is set, so ~/.gitconfig is not read",
      branches: ["feature", "main", "trunk"],
      files: { ".gitconfig": "trunk" },
      env: () => ({ GIT_CONFIG_GLOBAL: "/dev/null" }),
      expected: "main",
    },
    { when: "~/.gitconfig names it", branches: ["feature", "main", "trunk"], files: { ".gitconfig": "trunk" }, env: none, expected: "trunk" },
    { when: "~/.config/git/config names it", branches: ["main", "dev"], files: { ".config/git/config": "dev" }, env: none, expected: "dev" },
    {
      when: "~/.gitconfig and the XDG file disagree (~/.gitconfig wins)",
      branches: ["main", "dev", "trunk"],
      files: { ".gitconfig": "trunk", "xdg/git/config": "dev" },
      env: (home: string) => ({ XDG_CONFIG_HOME: join(home, "xdg") }),
      expected: "trunk",
    },
    {
      when: "only the system config names it",
      branches: ["main", "trunk"],
      files: { "system.conf": "trunk" },
      env: (home: string) => ({ GIT_CONFIG_SYSTEM: join(home, "system.conf"), GIT_CONFIG_NOSYSTEM: undefined }),
      expected: "trunk",
    },
    {
      when: "the system config names it but GIT_CONFIG_NOSYSTEM is set",
      branches: ["main", "trunk"],
      files: { "system.conf": "trunk" },
      env: (home: string) => ({ GIT_CONFIG_SYSTEM: join(home, "system.conf") }),
      expected: "main",
    },
    {
      when: "the repository's own config overrides the global one",
      branches: ["main", "trunk", "dev"],
      files: { "global.conf": "trunk", ".git/config": "dev" },
      env: (home: string) => ({ GIT_CONFIG_GLOBAL: join(home, "global.conf") }),
      expected: "dev",
    },
  ])("returns defaultBranch $expected when $when", async ({ branches, files, env, expected }) => {
    const [head = "main", ...others] = branches;
    using repo = makeGitRepo({ "README.md": "hi" }, { branch: head });
    for (const branch of others) repo.git("branch", branch);
    const { ".git/config": repoConfig, ...homeFiles } = files as ConfigFiles;
    if (repoConfig !== undefined) repo.git("config", "init.defaultBranch", repoConfig);
    const home = homeWith(homeFiles);
    // Rows read the system config only when they say so, so the machine's /etc/gitconfig stays out.
    const snapshot = await readGitSnapshot({ dir: repo.dir, env: { GIT_CONFIG_NOSYSTEM: "1", ...env(home) }, homeDir: home });

    expect(snapshot.defaultBranch).toBe(expected);
  });

  it("returns origin/HEAD's branch over main when both exist", async () => {
    using origin = makeGitRepo({ "README.md": "hi" }, { branch: "trunk" });
    origin.git("branch", "main");
    using clone = origin.clone();
    clone.git("checkout", "--quiet", "-b", "main", "origin/main");
    clone.git("pack-refs", "--all");

    const snapshot = await readGitSnapshot({ dir: clone.dir, env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" }, homeDir: homeWith({}) });

    expect(snapshot).toMatchObject({ branch: "main", defaultBranch: "trunk" });
    expect(clone.git("symbolic-ref", "refs/remotes/origin/HEAD")).toBe("refs/remotes/origin/trunk");
  });

  it("returns a branch that exists only on origin when origin/HEAD is gone", async () => {
    using origin = makeGitRepo({ "README.md": "hi" }, { branch: "master" });
    using clone = origin.clone();
    clone.git("checkout", "--quiet", "-b", "feature");
    clone.git("branch", "--delete", "master");
    clone.git("remote", "set-head", "origin", "--delete");

    const snapshot = await readGitSnapshot({ dir: clone.dir, env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" }, homeDir: homeWith({}) });

    expect(snapshot).toMatchObject({ branch: "feature", defaultBranch: "master" });
  });
});
