import { execFileSync } from "node:child_process";
import { isolatedGitEnv, makeGitRepo } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { countCommitsBetween, readFirstParentCommits } from "./first-parent-commits.js";

/** What git itself counts, exactly as docker-stacks' update_wiki.py asks it (TZ=UTC, .midnight). */
function gitCount(dir: string, since: string, until: string): number {
  const out = execFileSync("git", ["log", "--oneline", "--since", `${since}.midnight`, "--until", `${until}.midnight`, "--first-parent"], {
    cwd: dir,
    env: { ...isolatedGitEnv(), TZ: "UTC" },
    encoding: "utf8",
  });
  return out.split("\n").filter(Boolean).length;
}

const MONTHS: Array<[string, string]> = [
  ["2024-01-01", "2024-02-01"],
  ["2024-02-01", "2024-03-01"],
  ["2024-03-01", "2024-04-01"],
  ["2024-04-01", "2024-05-01"],
];

describe("readFirstParentCommits and countCommitsBetween", () => {
  it("count per month what git log --first-parent --since --until counts: merges, side commits, boundaries, a date out of order", async () => {
    using repo = makeGitRepo({ "a.txt": "1" }, { date: "2024-01-15T12:00:00Z" });
    repo.commit("on the first instant of February", "2024-02-01T00:00:00Z");
    repo.git("checkout", "--quiet", "-b", "side");
    repo.commit("side 1", "2024-02-10T10:00:00Z");
    repo.commit("side 2", "2024-02-11T10:00:00Z");
    repo.git("checkout", "--quiet", "main");
    repo.commit("main in February", "2024-02-12T10:00:00Z");
    execFileSync("git", ["merge", "--quiet", "--no-ff", "-m", "merge side", "side"], { cwd: repo.dir, env: isolatedGitEnv("2024-02-20T10:00:00Z") });
    repo.commit("dated back to January", "2024-01-20T10:00:00Z");
    repo.commit("March", "2024-03-31T23:59:59Z");
    repo.commit("the first instant of April", "2024-04-01T00:00:00Z");
    const chain = await readFirstParentCommits({ dir: repo.dir });
    expect(chain).toHaveLength(7);
    const ours = MONTHS.map(([s, u]) => countCommitsBetween(chain, new Date(`${s}T00:00:00Z`), new Date(`${u}T00:00:00Z`)));
    expect(ours).toEqual(MONTHS.map(([s, u]) => gitCount(repo.dir, s, u)));
    // The commit dated back to January ends git's walk for February (0), and counts in January
    // with the one on February's first instant (both ends are inclusive) and the root.
    expect(ours).toEqual([3, 0, 2, 1]);
  });

  it("stops at a shallow clone's boundary and after the first commit older than since", async () => {
    using repo = makeGitRepo({ "a.txt": "1" }, { date: "2024-01-15T12:00:00Z" });
    repo.commit("2", "2024-02-15T12:00:00Z");
    repo.commit("3", "2024-03-15T12:00:00Z");
    using shallow = repo.clone("--depth", "2");
    expect((await readFirstParentCommits({ dir: shallow.dir })).map((c) => c.committedAt)).toEqual([Date.parse("2024-03-15T12:00:00Z") / 1000, Date.parse("2024-02-15T12:00:00Z") / 1000]);
    expect(await readFirstParentCommits({ dir: repo.dir, since: new Date("2024-03-01T00:00:00Z") })).toHaveLength(2);
  });

  it("throws GitNoCommitsError in an empty repository", async () => {
    using repo = makeGitRepo({}, { empty: true });
    await expect(readFirstParentCommits({ dir: repo.dir })).rejects.toMatchObject({ code: "GIT_NO_COMMITS" });
  });
});
