import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCiOrigin } from "@imgs/test-utils";
import { gitCli, readSnapshotWithCli } from "./git-cli.js";
import { readGitSnapshot } from "./read-git-snapshot.js";
import type { HeadRef } from "./types.js";

const isolated = { env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" }, homeDir: "/nonexistent-home" };

interface Row {
  /** git commands run in a fresh clone to put HEAD where a CI would. */
  readonly checkout: readonly (readonly string[])[];
  readonly expected: HeadRef | undefined;
}

const detach = (at: string): string[] => ["checkout", "--quiet", "--detach", at];
const dropMain = ["branch", "--quiet", "-D", "main"];

const ROWS: Readonly<Record<string, Row>> = {
  "on feature/login (attached)": { checkout: [["checkout", "--quiet", "feature/login"]], expected: { ref: "refs/heads/feature/login", source: "checked-out", via: "HEAD" } },
  "detached at main's tip": { checkout: [detach("main")], expected: { ref: "refs/heads/main", source: "branch-at-head", via: "refs/heads/main" } },
  "detached at origin/main, no local branch": {
    checkout: [detach("origin/main"), dropMain],
    expected: { ref: "refs/heads/main", source: "remote-branch-at-head", via: "refs/remotes/origin/main" },
  },
  "detached at origin/feature/login's tip": {
    checkout: [detach("origin/feature/login")],
    expected: { ref: "refs/heads/feature/login", source: "remote-branch-at-head", via: "refs/remotes/origin/feature/login" },
  },
  "detached at an older commit of main": { checkout: [detach("main~1")], expected: { ref: "refs/heads/main", source: "branch-containing-head", via: "refs/heads/main" } },
  "detached at an older commit, no local branch (newest containing remote branch)": {
    checkout: [detach("origin/main~1"), dropMain],
    expected: { ref: "refs/heads/feature/login", source: "remote-branch-containing-head", via: "refs/remotes/origin/feature/login" },
  },
  "detached at a tag": { checkout: [detach("v2.0.0")], expected: { ref: "refs/tags/v2.0.0", source: "tag-at-head", via: "refs/tags/v2.0.0" } },
  "detached at a commit only a tag holds": { checkout: [detach("v2.0.0~1")], expected: { ref: "refs/tags/v2.0.0", source: "tag-containing-head", via: "refs/tags/v2.0.0" } },
  "detached at a pull request's merge ref (actions/checkout)": {
    checkout: [["fetch", "--quiet", "origin", "+refs/pull/7/merge:refs/remotes/pull/7/merge"], detach("refs/remotes/pull/7/merge")],
    expected: { ref: "refs/pull/7/merge", source: "pull-request-at-head", via: "refs/remotes/pull/7/merge" },
  },
  "detached at a commit nothing names": { checkout: [detach("main"), ["commit", "--quiet", "--allow-empty", "-m", "loose"]], expected: undefined },
};

describe("readGitSnapshot headRef", () => {
  let origin: ReturnType<typeof makeCiOrigin>;
  beforeAll(() => {
    origin = makeCiOrigin();
  });
  afterAll(() => origin.repo.remove());

  it.each(Object.entries(ROWS))("infers the ref of a clone %s, as isomorphic-git and as the git CLI", async (_name, row) => {
    using clone = origin.repo.clone();
    for (const args of row.checkout) clone.git(...args);

    const snapshot = await readGitSnapshot({ dir: clone.dir, ...isolated });
    const throughCli = await readSnapshotWithCli(gitCli(clone.dir, isolated.env));

    expect(snapshot.headRef).toEqual(row.expected);
    expect(throughCli).toEqual(snapshot);
    expect(snapshot.commit).toBe(clone.git("rev-parse", "HEAD"));
  });
});
