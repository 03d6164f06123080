import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Options of makeGitRepo. */
export interface MakeGitRepoOptions {
  /** Branch name of the first commit (default "main"). */
  readonly branch?: string;
  /** Message of the first commit. */
  readonly message?: string;
  /** Author and committer date of the first commit, as git accepts it (default a fixed instant). */
  readonly date?: string;
  /** Tags on the first commit: a name makes a lightweight tag, {name, message} an annotated one. */
  readonly tags?: readonly (string | { readonly name: string; readonly message: string })[];
  /** Only `git init`: no files, no commit, no tags (an empty repository). */
  readonly empty?: boolean;
}

/** A real repository in a temporary folder; `git(...)` runs the git CLI in it. */
export interface GitRepoFixture extends Disposable {
  readonly dir: string;
  /** Run git with these arguments in the repository and return its trimmed stdout. */
  git(...args: string[]): string;
  /** Write files (relative path -> content) into the work tree. */
  write(files: Readonly<Record<string, string>>): void;
  /** Stage everything and commit it; returns the new commit's hash. */
  commit(message: string, date?: string): string;
  /** `git clone <args> file://<dir>` into a new temporary folder (file:// so that --depth works). */
  clone(...args: string[]): GitRepoFixture;
  remove(): void;
}

const FIXED_DATE = "2024-01-02T03:04:05Z";

/** Environment that keeps the user's own git configuration out of the fixtures. */
export function isolatedGitEnv(date = FIXED_DATE): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "imgs test",
    GIT_AUTHOR_EMAIL: "test@imgs.invalid",
    GIT_COMMITTER_NAME: "imgs test",
    GIT_COMMITTER_EMAIL: "test@imgs.invalid",
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

/**
 * Build a real temporary git repository with one commit of `files` (the git CLI makes it).
 *
 * @example using repo = makeGitRepo({ "README.md": "hi" }, { tags: ["v1.2.3"] });
 */
export function makeGitRepo(files: Readonly<Record<string, string>>, options: MakeGitRepoOptions = {}): GitRepoFixture {
  const repo = fixtureAt(mkdtempSync(join(tmpdir(), "imgs-git-")));
  repo.git("init", "--quiet", `--initial-branch=${options.branch ?? "main"}`);
  if (options.empty) return repo;
  repo.write(files);
  repo.commit(options.message ?? "Initial commit", options.date);
  for (const tag of options.tags ?? []) {
    if (typeof tag === "string") repo.git("tag", tag);
    else repo.git("tag", "--annotate", tag.name, "-m", tag.message);
  }
  return repo;
}

/** The fixture methods for an existing repository folder (which `remove` deletes). */
function fixtureAt(dir: string): GitRepoFixture {
  const git = (...args: string[]): string =>
    execFileSync("git", args, { cwd: dir, env: isolatedGitEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  const write = (more: Readonly<Record<string, string>>): void => {
    for (const [path, content] of Object.entries(more)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  };
  const commit = (message: string, date = FIXED_DATE): string => {
    git("add", "--all");
    execFileSync("git", ["commit", "--quiet", "--allow-empty", "-m", message], { cwd: dir, env: isolatedGitEnv(date) });
    return git("rev-parse", "HEAD");
  };
  const clone = (...args: string[]): GitRepoFixture => {
    const target = mkdtempSync(join(tmpdir(), "imgs-git-clone-"));
    execFileSync("git", ["clone", "--quiet", ...args, pathToFileURL(dir).href, target], { env: isolatedGitEnv(), stdio: ["ignore", "ignore", "pipe"] });
    return fixtureAt(target);
  };
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  return { dir, git, write, commit, clone, remove, [Symbol.dispose]: remove };
}
