import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { hasErrorCode } from "@imgs/errors";
import { GitNoCommitsError, GitUnreadableError } from "./errors.js";
import type { RefStore, RefTip } from "./head-ref.js";
import { inferHeadRef } from "./head-ref.js";
import type { GitSnapshot } from "./types.js";
import { partialTagsReason } from "./partial-tags.js";

const execFileAsync = promisify(execFile);

/** What running git printed, and how it ended. */
interface GitRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Runs the git CLI in one repository: argv only, never a shell. */
export interface GitCli {
  readonly root: string;
  /** `git <args>` in the repository; rejects only when git cannot be started. */
  run(args: readonly string[]): Promise<GitRun>;
  /** Like run, but a non-zero exit rejects with GitUnreadableError naming `what`. */
  output(what: string, args: readonly string[]): Promise<string>;
}

// A variable that points git elsewhere would make it read another repository than `root`.
const REPOSITORY_VARIABLES = ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE"];

/**
 * A GitCli for the repository at `root` (its git folder `gitDir`, default `root/.git`), with `env`
 * (PATH finds git; git's own variables apply, except those naming another repository).
 */
export function gitCli(root: string, env: NodeJS.ProcessEnv, gitDir?: string): GitCli {
  const where = gitDir === undefined ? ["-C", root] : ["--git-dir", gitDir, "--work-tree", root];
  const childEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !REPOSITORY_VARIABLES.includes(name)));
  const run = async (args: readonly string[]): Promise<GitRun> => {
    try {
      const { stdout, stderr } = await execFileAsync("git", [...where, ...args], { env: childEnv, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      return { stdout, stderr, exitCode: 0 };
    } catch (error) {
      // A number is git's exit status; anything else (ENOENT: no git on PATH) means git never ran.
      const { code, stdout, stderr } = error as { code?: unknown; stdout?: string; stderr?: string };
      if (typeof code === "number") return { stdout: stdout ?? "", stderr: stderr ?? "", exitCode: code };
      throw error;
    }
  };
  const output = async (what: string, args: readonly string[]): Promise<string> => {
    const result = await run(args);
    if (result.exitCode !== 0) throw new GitUnreadableError(root, what, new Error(`git ${args.join(" ")} exited ${result.exitCode}: ${result.stderr.trim()}`));
    return result.stdout;
  };
  return { root, run, output };
}

/** The git CLI's version (`2.39.5`), or undefined when no git is on PATH. */
export async function gitVersion(cli: GitCli): Promise<string | undefined> {
  try {
    const { stdout } = await cli.run(["--version"]);
    return /git version (\S+)/.exec(stdout)?.[1] ?? stdout.trim();
  } catch (error) {
    if (hasErrorCode(error, "ENOENT")) return undefined;
    throw error;
  }
}

const lines = (text: string): string[] => text.split("\n").filter((line) => line !== "");
const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * readGitSnapshot's facts read through the git CLI, for repositories isomorphic-git cannot read
 * (SHA-256 objects, reftable refs with a git that has them). Same fields, same rules.
 *
 * @throws GitNoCommitsError when HEAD's branch has no commit yet
 * @throws GitUnreadableError when git refuses the repository, saying why
 */
export async function readSnapshotWithCli(cli: GitCli): Promise<GitSnapshot> {
  const [head, symbolic] = await Promise.all([cli.run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]), cli.run(["symbolic-ref", "--quiet", "HEAD"])]);
  const target = symbolic.exitCode === 0 ? symbolic.stdout.trim() : undefined;
  const branch = target?.startsWith("refs/heads/") ? target.slice("refs/heads/".length) : undefined;
  if (head.exitCode !== 0) {
    // rev-parse is quiet about an unborn branch but not about a repository it cannot read.
    if (head.stderr.trim() !== "" || target === undefined) throw new GitUnreadableError(cli.root, "HEAD", new Error(head.stderr.trim() || "HEAD names no commit"));
    throw new GitNoCommitsError(cli.root, branch);
  }
  const commit = head.stdout.trim();
  const [details, tags, shallow, tagOpts] = await Promise.all([
    cli.output("HEAD's commit", ["show", "-s", "--format=%ct%n%B", commit]),
    readTagsWithCli(cli),
    cli.output("the shallow marker", ["rev-parse", "--is-shallow-repository"]),
    // Exits 1 when no remote sets tagOpt.
    cli.run(["config", "--local", "--get-regexp", "^remote\\..*\\.tagopt$"]),
  ]);
  const noTags = /^remote\.(.+)\.tagopt --no-tags$/m.exec(tagOpts.stdout)?.[1];
  const newline = details.indexOf("\n");
  const store = cliRefStore(cli, commit);
  const [headRef, defaultBranch] = await Promise.all([inferHeadRef({ commit, branch, tags, store }), readDefaultBranchWithCli(cli, store)]);
  return Object.freeze({
    root: cli.root,
    commit,
    message: details.slice(newline + 1).trim(),
    branch,
    headRef,
    tags: Object.freeze(tags.filter((tag) => tag.target === commit).map((tag) => tag.name)),
    allTags: Object.freeze(tags.map((tag) => tag.name)),
    defaultBranch,
    commitDate: new Date(Number(details.slice(0, newline)) * 1000).toISOString(),
    shallow: shallow.trim() === "true",
    partialTags: partialTagsReason(shallow.trim() === "true", noTags),
  });
}

/** Every tag with the object it finally names (show-ref's `^{}` lines are fully peeled). */
async function readTagsWithCli(cli: GitCli): Promise<{ name: string; target: string }[]> {
  const result = await cli.run(["show-ref", "--tags", "--dereference"]);
  // show-ref exits 1 when there is no tag at all.
  if (result.exitCode !== 0 && result.stdout === "" && result.stderr === "") return [];
  if (result.exitCode !== 0) throw new GitUnreadableError(cli.root, "the tag list", new Error(result.stderr.trim()));
  const targets = new Map<string, string>();
  for (const line of lines(result.stdout)) {
    const [oid = "", ref = ""] = line.split(" ");
    const name = ref.slice("refs/tags/".length);
    if (name.endsWith("^{}")) targets.set(name.slice(0, -3), oid);
    else if (!targets.has(name)) targets.set(name, oid);
  }
  return [...targets].map(([name, target]) => ({ name, target })).sort(byName);
}

function cliRefStore(cli: GitCli, commit: string): RefStore {
  return {
    async tips(prefix) {
      const text = await cli.output(`the refs under ${prefix}`, ["for-each-ref", "--format=%(refname)%09%(objectname)%09%(symref)", prefix]);
      return lines(text)
        .map((line) => line.split("\t"))
        .filter(([, , symref]) => symref === "")
        .map(([name = "", oid = ""]): RefTip => ({ name, oid }))
        .sort(byName);
    },
    async contains(tip) {
      if (tip === commit) return true;
      const { exitCode } = await cli.run(["merge-base", "--is-ancestor", commit, tip]);
      return exitCode === 0;
    },
    async commitTime(oid) {
      return Number((await cli.output(`commit ${oid}`, ["show", "-s", "--format=%ct", oid])).trim());
    },
  };
}

/** The default-branch rule of readDefaultBranch (origin/HEAD, init.defaultBranch, main, master), through git. */
async function readDefaultBranchWithCli(cli: GitCli, store: RefStore): Promise<string | undefined> {
  const [originHead, configured, local, remote] = await Promise.all([
    cli.run(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]),
    cli.run(["config", "--get", "init.defaultBranch"]),
    store.tips("refs/heads"),
    store.tips("refs/remotes/origin"),
  ]);
  const existing = new Set([...local.map((tip) => tip.name.slice("refs/heads/".length)), ...remote.map((tip) => tip.name.slice("refs/remotes/origin/".length))]);
  const fromOrigin = originHead.exitCode === 0 ? originHead.stdout.trim().replace(/^refs\/remotes\/origin\//, "") : undefined;
  const fromConfig = configured.exitCode === 0 ? configured.stdout.trim() : undefined;
  return [fromOrigin, fromConfig, "main", "master"].find((name) => name !== undefined && existing.has(name));
}
