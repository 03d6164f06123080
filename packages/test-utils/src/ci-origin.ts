import { makeGitRepo, type GitRepoFixture } from "./make-git-repo.js";

/** The commits of makeCiOrigin's repository, by role. */
export interface CiOriginCommits {
  /** main's first commit. */
  readonly first: string;
  /** main's tip. */
  readonly main: string;
  /** feature/login's tip, newer than main's (branched from main's tip). */
  readonly login: string;
  /** A commit only the tag v2.0.0's history holds (no branch). */
  readonly releasePrep: string;
  /** The commit tagged v2.0.0 (no branch). */
  readonly release: string;
  /** The commit refs/pull/7/merge points at (on top of main's tip). */
  readonly pullMerge: string;
}

/**
 * A repository shaped like the origin a CI clones: main (two commits), feature/login (one more,
 * newer), a tag v2.0.0 on a commit no branch holds (its parent neither), and a pull request's
 * merge ref refs/pull/7/merge. Clone it and check out what a CI would.
 *
 * @example using origin = makeCiOrigin(); using clone = origin.repo.clone(); clone.git("checkout", "--detach", "origin/main");
 */
export function makeCiOrigin(): { readonly repo: GitRepoFixture; readonly commits: CiOriginCommits } & Disposable {
  const repo = makeGitRepo({ "README.md": "1" }, { date: "2024-01-01T00:00:00Z" });
  const first = repo.git("rev-parse", "HEAD");
  repo.write({ "README.md": "2" });
  const main = repo.commit("Second on main", "2024-01-02T00:00:00Z");
  repo.git("checkout", "--quiet", "-b", "feature/login");
  repo.write({ "login.txt": "3" });
  const login = repo.commit("Login", "2024-01-05T00:00:00Z");
  repo.git("checkout", "--quiet", "--detach", "main");
  repo.write({ "release.txt": "4a" });
  const releasePrep = repo.commit("Release prep", "2024-01-03T00:00:00Z");
  repo.write({ "release.txt": "4b" });
  const release = repo.commit("Release", "2024-01-03T01:00:00Z");
  repo.git("tag", "v2.0.0");
  repo.git("checkout", "--quiet", "--detach", "main");
  repo.write({ "pr.txt": "5" });
  const pullMerge = repo.commit("Merge pull request 7", "2024-01-04T00:00:00Z");
  repo.git("update-ref", "refs/pull/7/merge", pullMerge);
  repo.git("checkout", "--quiet", "main");
  return { repo, commits: { first, main, login, releasePrep, release, pullMerge }, [Symbol.dispose]: () => repo.remove() };
}
