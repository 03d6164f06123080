import * as nodeFs from "node:fs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeGitRepo } from "@imgs/test-utils";
import { GitNoCommitsError, GitPermissionDeniedError, GitUnreadableError, NotARepositoryError } from "./errors.js";
import { readGitSnapshot } from "./read-git-snapshot.js";

const isolated = { env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" }, homeDir: "/nonexistent-home" };

/** node:fs, except that reading or stat-ing a path that matches `failing` rejects with `code`. */
function failingFs(failing: RegExp, code: string): typeof nodeFs {
  const fail = (path: unknown): Promise<never> =>
    Promise.reject(Object.assign(new Error(`${code}: simulated failure of ${String(path)}`), { code, path: String(path) }));
  const real = nodeFs.promises;
  const promises = {
    ...real,
    readFile: (path: nodeFs.PathLike, options?: unknown) => (failing.test(String(path)) ? fail(path) : real.readFile(path, options as undefined)),
    stat: (path: nodeFs.PathLike) => (failing.test(String(path)) ? fail(path) : real.stat(path)),
  };
  return { ...nodeFs, promises: promises as typeof real };
}

describe("readGitSnapshot", () => {
  it("throws NotARepositoryError naming the folder when it is outside any repository", async () => {
    const outside = mkdtempSync(join(tmpdir(), "imgs-no-repo-"));
    try {
      // Precondition: git itself agrees that no repository encloses the folder.
      expect(() => execFileSync("git", ["rev-parse", "--git-dir"], { cwd: outside, stdio: "ignore" })).toThrow();

      const error = await readGitSnapshot({ dir: outside, ...isolated }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(NotARepositoryError);
      expect(error).toMatchObject({ code: "NOT_A_REPOSITORY", dir: outside, message: `${outside} is not inside a git work tree` });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("throws NotARepositoryError with the cause when the folder does not exist, even inside a repository", async () => {
    using repo = makeGitRepo({ "README.md": "hi" });
    const missing = join(repo.dir, "no-such-folder");

    const error = await readGitSnapshot({ dir: missing, ...isolated }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NotARepositoryError);
    expect(error).toMatchObject({ dir: missing, cause: { code: "ENOENT" } });
  });

  it.each(["main", "feature/new"])("throws GitNoCommitsError when the repository is empty on branch %s", async (branch) => {
    using repo = makeGitRepo({}, { empty: true, branch });

    const error = await readGitSnapshot({ dir: repo.dir, ...isolated }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GitNoCommitsError);
    expect(error).toMatchObject({ code: "GIT_NO_COMMITS", dir: repo.dir, branch });
    expect((error as Error).message).toBe(`the git repository at ${repo.dir} has no commits yet (branch ${branch} is unborn)`);
  });

  it.each([
    { part: "HEAD", failing: /\/\.git\/HEAD$/, code: "EIO", what: "HEAD" },
    { part: "HEAD's commit object", failing: /\/\.git\/objects\/[0-9a-f]{2}\//, code: "EIO", what: /^commit [0-9a-f]{40}$/ },
    { part: "shallow marker", failing: /\/\.git\/shallow$/, code: "EIO", what: "the shallow marker" },
    { part: "system git config", failing: /system\.conf$/, code: "EIO", what: "the default branch" },
    { part: "global git config", failing: /global\.conf$/, code: "EIO", what: "the default branch" },
  ])("throws GitUnreadableError with a cause when the $part cannot be read", async ({ failing, code, what }) => {
    using repo = makeGitRepo({ "README.md": "hi" });
    const env = { GIT_CONFIG_GLOBAL: join(repo.dir, "global.conf"), GIT_CONFIG_SYSTEM: join(repo.dir, "system.conf") };

    const error = await readGitSnapshot({ dir: repo.dir, fs: failingFs(failing, code), env, homeDir: "/nonexistent-home" }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(GitUnreadableError);
    expect(error).toMatchObject({ code: "GIT_UNREADABLE", dir: repo.dir, what });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it.each([
    { part: "shallow marker", failing: /\/\.git\/shallow$/ },
    { part: "system git config", failing: /system\.conf$/ },
    { part: "HEAD", failing: /\/\.git\/HEAD$/ },
    { part: "object store", failing: /\/\.git\/objects\/[0-9a-f]{2}\// },
  ])("throws GitPermissionDeniedError naming the file when the $part may not be read", async ({ failing }) => {
    using repo = makeGitRepo({ "README.md": "hi" });
    const env = { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_SYSTEM: join(repo.dir, "system.conf") };

    const error = await readGitSnapshot({ dir: repo.dir, fs: failingFs(failing, "EACCES"), env, homeDir: "/nonexistent-home" }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(GitPermissionDeniedError);
    expect(error).toMatchObject({ code: "GIT_PERMISSION_DENIED", category: "failure", dir: repo.dir });
    expect((error as GitPermissionDeniedError).path).toMatch(failing);
    expect((error as Error).message).toBe(
      `permission denied reading the git repository at ${repo.dir} (${(error as GitPermissionDeniedError).path}): run as a user who may read it, or fix its permissions`,
    );
    expect((error as Error).message).not.toContain("no commits");
  });

  it("returns a snapshot through an injected fs when nothing fails", async () => {
    using repo = makeGitRepo({ "README.md": "hi" });

    const snapshot = await readGitSnapshot({ dir: repo.dir, fs: failingFs(/^$/, "EIO"), ...isolated });

    expect(snapshot.commit).toBe(repo.git("rev-parse", "HEAD"));
  });

  it("returns a snapshot when the user's own git config may not be read, as git does", async () => {
    using repo = makeGitRepo({ "README.md": "hi" });
    const fs = failingFs(/\/home\/(\.gitconfig|\.config\/git\/config)$/, "EACCES");

    const snapshot = await readGitSnapshot({ dir: repo.dir, fs, env: { GIT_CONFIG_NOSYSTEM: "1" }, homeDir: "/home" });

    expect(snapshot).toMatchObject({ commit: repo.git("rev-parse", "HEAD"), defaultBranch: "main" });
  });
});
