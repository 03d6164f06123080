import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedGitEnv, makeGitRepo, type GitRepoFixture } from "@imgs/test-utils";
import { GitObjectMissingError, GitRepositoryFormatError } from "./errors.js";
import { readGitSnapshot } from "./read-git-snapshot.js";

// Repositories isomorphic-git cannot read, or that lack what they refer to: each is named for what it is.
const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const withoutGit = { ...env, PATH: "/nonexistent" };
const options = (dir: string, over: NodeJS.ProcessEnv = env) => ({ dir, env: over, homeDir: "/nonexistent-home" });
const failure = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (caught: unknown) => caught);

/** A repository made by git with `git init <args>`, one commit on main and a tag. */
function initWith(...args: string[]): GitRepoFixture & { readonly dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "imgs-git-format-"));
  const git = (...more: string[]): string => execFileSync("git", more, { cwd: dir, env: isolatedGitEnv(), encoding: "utf8" }).trim();
  git("init", "--quiet", "--initial-branch=main", ...args);
  git("commit", "--quiet", "--allow-empty", "-m", "First");
  git("tag", "v1.0.0");
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  return { dir, git, write: () => undefined, commit: () => "", clone: () => { throw new Error("not used"); }, remove, [Symbol.dispose]: remove };
}

/** Mark an ordinary repository as being in another format, the way git writes it in the config. */
function declareFormat(repo: GitRepoFixture, config: string): void {
  repo.git("config", "core.repositoryformatversion", config.startsWith("version ") ? config.slice(8) : "1");
  if (!config.startsWith("version ")) appendFileSync(join(repo.dir, ".git", "config"), `[extensions]\n\t${config}\n`);
}

describe("readGitSnapshot on repositories isomorphic-git cannot read", () => {
  it("reads a SHA-256 repository through the git CLI, with the facts git gives", async () => {
    using repo = initWith("--object-format=sha256");
    repo.git("checkout", "--quiet", "--detach");

    const snapshot = await readGitSnapshot(options(repo.dir));

    expect(snapshot).toMatchObject({
      commit: repo.git("rev-parse", "HEAD"),
      message: "First",
      branch: undefined,
      headRef: { ref: "refs/tags/v1.0.0", source: "tag-at-head", via: "refs/tags/v1.0.0" },
      tags: ["v1.0.0"],
      defaultBranch: "main",
    });
    expect(snapshot.commit).toHaveLength(64);
    expect(snapshot.partialTags).toBeUndefined();
  });

  it("says through the git CLI too when a remote is set to fetch no tags", async () => {
    using repo = initWith("--object-format=sha256");
    repo.git("remote", "add", "upstream", "https://example.invalid/x.git");
    repo.git("config", "remote.upstream.tagOpt", "--no-tags");

    const snapshot = await readGitSnapshot(options(repo.dir));

    expect(snapshot.partialTags).toBe("remote upstream is set to fetch no tags (remote.upstream.tagOpt=--no-tags; git fetch --tags upstream fetches them)");
  });

  it.each([
    { kind: "SHA-256 objects", make: () => initWith("--object-format=sha256"), format: "extensions.objectformat = sha256 (SHA-256 object names)" },
    { kind: "reftable refs", make: () => declared("refStorage = reftable"), format: "extensions.refstorage = reftable (reftable ref storage)" },
  ])("throws GitRepositoryFormatError naming $kind when no git CLI is on PATH", async ({ make, format }) => {
    using repo = make();

    const error = await failure(readGitSnapshot(options(repo.dir, withoutGit)));

    expect(error).toBeInstanceOf(GitRepositoryFormatError);
    expect(error).toMatchObject({ code: "GIT_REPOSITORY_FORMAT", category: "failure", dir: repo.dir, format });
    expect((error as Error).message).toBe(
      `the git repository at ${repo.dir} uses ${format}, which imgs' git reader (isomorphic-git) cannot read, and no git CLI is on PATH to read it instead: install git`,
    );
  });

  it.each([
    { kind: "reftable ref storage this git cannot read", config: "refStorage = reftable", format: "extensions.refstorage = reftable (reftable ref storage)" },
    { kind: "an unknown extension", config: "imgsTestOnly = yes", format: "extensions.imgstestonly = yes (an extension isomorphic-git does not know)" },
    { kind: "a repository format from the future", config: "version 2", format: "repository format version 2" },
  ])("throws GitRepositoryFormatError with git's own words for $kind, never 'no commits yet'", async ({ config, format }) => {
    using repo = declared(config);
    // Precondition: the git CLI on PATH refuses this repository too.
    const gitSays = gitRefusal(repo.dir);

    const error = await failure(readGitSnapshot(options(repo.dir)));

    expect(error).toBeInstanceOf(GitRepositoryFormatError);
    expect(error).toMatchObject({ dir: repo.dir, format });
    expect((error as Error).message).toMatch(new RegExp(`^the git repository at .* uses ${escape(format)}, which imgs' git reader \\(isomorphic-git\\) cannot read, and git \\S+ on PATH cannot read it either \\(.*${escape(gitSays)}.*\\): use a git that can$`));
    expect((error as Error).message).not.toContain("no commits");
  });
});

describe("readGitSnapshot on repositories that lack an object", () => {
  it("throws GitObjectMissingError naming HEAD's commit when its object is gone", async () => {
    using repo = makeGitRepo({ "README.md": "hi" });
    const commit = repo.git("rev-parse", "HEAD");
    unlinkSync(join(repo.dir, ".git", "objects", commit.slice(0, 2), commit.slice(2)));

    const error = await failure(readGitSnapshot(options(repo.dir)));

    expect(error).toBeInstanceOf(GitObjectMissingError);
    expect(error).toMatchObject({ code: "GIT_OBJECT_MISSING", dir: repo.dir, oid: commit });
    expect((error as Error).message).toContain(`lacks object ${commit}`);
    expect((error as Error).message).not.toContain("no commits");
  });

  it("throws GitObjectMissingError naming the tag whose object is gone", async () => {
    using repo = makeGitRepo({ "README.md": "hi" }, { tags: [{ name: "v1.0.0", message: "Release" }] });
    const tagObject = repo.git("rev-parse", "refs/tags/v1.0.0");
    unlinkSync(join(repo.dir, ".git", "objects", tagObject.slice(0, 2), tagObject.slice(2)));

    const error = await failure(readGitSnapshot(options(repo.dir)));

    expect(error).toBeInstanceOf(GitObjectMissingError);
    expect(error).toMatchObject({ oid: tagObject, what: "the tag v1.0.0" });
  });
});

function declared(config: string): GitRepoFixture {
  const repo = makeGitRepo({ "README.md": "hi" });
  declareFormat(repo, config);
  return repo;
}

/** What the git CLI says when asked for HEAD in a repository it refuses, on one line. */
function gitRefusal(dir: string): string {
  try {
    execFileSync("git", ["-C", dir, "rev-parse", "HEAD"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    return (error as { stderr: string }).stderr.trim().replace(/\s+/g, " ");
  }
  throw new Error(`git reads ${dir}; this test needs a repository it refuses`);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
