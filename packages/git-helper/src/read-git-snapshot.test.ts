import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeGitRepo } from "@imgs/test-utils";
import { readGitSnapshot } from "./read-git-snapshot.js";

/** Keep the machine's own git configuration out of every snapshot. */
const isolated = { env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" }, homeDir: "/nonexistent-home" };

describe("readGitSnapshot", () => {
  it("returns HEAD's facts and origin/HEAD's branch when reading a normal clone", async () => {
    using origin = makeGitRepo({ "README.md": "hi" }, { branch: "trunk", tags: ["v1.0.0"] });
    origin.write({ "a.txt": "a" });
    const second = origin.commit("Second commit", "2024-03-04T05:06:07Z");
    using clone = origin.clone();

    const snapshot = await readGitSnapshot({ dir: clone.dir, ...isolated });

    expect(snapshot).toEqual({
      root: clone.dir,
      commit: second,
      message: "Second commit",
      branch: "trunk",
      headRef: { ref: "refs/heads/trunk", source: "checked-out", via: "HEAD" },
      tags: [],
      allTags: ["v1.0.0"],
      // Neither main nor master exists and init.defaultBranch is unset: only origin/HEAD says trunk.
      defaultBranch: "trunk",
      commitDate: "2024-03-04T05:06:07.000Z",
      shallow: false,
    });
    expect(Object.isFrozen(snapshot) && Object.isFrozen(snapshot.tags)).toBe(true);
  });

  it("returns no branch and the detached commit's tags when HEAD is detached", async () => {
    using repo = makeGitRepo({ "README.md": "hi" }, { tags: ["v1.0.0"] });
    const first = repo.git("rev-parse", "HEAD");
    repo.commit("Second commit");
    repo.git("checkout", "--quiet", "--detach", "HEAD~1");

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot).toMatchObject({ commit: first, branch: undefined, tags: ["v1.0.0"], defaultBranch: "main" });
    expect(repo.git("branch", "--show-current")).toBe("");
  });

  it("returns shallow true and the tags git fetched when reading a shallow clone", async () => {
    using origin = makeGitRepo({ "README.md": "hi" }, { tags: ["v0.1.0"] });
    const head = origin.commit("Release");
    origin.git("tag", "--annotate", "v1.0.0", "-m", "release");
    using clone = origin.clone("--depth", "1");

    const snapshot = await readGitSnapshot({ dir: clone.dir, ...isolated });

    expect(snapshot).toMatchObject({ commit: head, message: "Release", branch: "main", tags: ["v1.0.0"], shallow: true });
    expect(snapshot.partialTags).toBe("the repository is a shallow clone, which fetches only some tags (git fetch --unshallow --tags fetches the rest)");
    expect(snapshot.allTags).toEqual(clone.git("tag", "--list").split("\n").sort());
    expect(clone.git("rev-parse", "--is-shallow-repository")).toBe("true");
  });

  it("says the tags may be partial in a clone made with --no-tags, and not in a normal clone", async () => {
    using origin = makeGitRepo({ "README.md": "hi" }, { tags: ["v1.0.0", "v2.0.0"] });
    using noTags = origin.clone("--no-tags");
    using full = origin.clone();

    const [partial, whole] = await Promise.all([readGitSnapshot({ dir: noTags.dir, ...isolated }), readGitSnapshot({ dir: full.dir, ...isolated })]);

    expect(partial).toMatchObject({ allTags: [], shallow: false, partialTags: "remote origin is set to fetch no tags (remote.origin.tagOpt=--no-tags; git fetch --tags origin fetches them)" });
    expect(noTags.git("config", "remote.origin.tagOpt")).toBe("--no-tags");
    expect(whole).toMatchObject({ allTags: ["v1.0.0", "v2.0.0"], partialTags: undefined });
  });

  it("returns the same snapshot when every ref and object is packed", async () => {
    using repo = makeGitRepo({ "README.md": "hi" }, { tags: ["light", { name: "v1.0.0", message: "annotated" }] });
    repo.git("branch", "feature/x");
    const loose = await readGitSnapshot({ dir: repo.dir, ...isolated });
    repo.git("pack-refs", "--all");
    repo.git("repack", "-a", "-d", "--quiet");
    repo.git("prune-packed");
    // The preconditions that make this test meaningful: no loose ref or object is left.
    expect(readdirSync(join(repo.dir, ".git", "refs", "tags"))).toEqual([]);
    expect(readdirSync(join(repo.dir, ".git", "refs", "heads"))).toEqual([]);
    expect(readFileSync(join(repo.dir, ".git", "packed-refs"), "utf8")).toMatch(/ refs\/tags\/v1\.0\.0\n\^[0-9a-f]{40}\n/);
    expect(repo.git("count-objects", "-v")).toMatch(/^count: 0$/m);

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot).toEqual(loose);
    expect(snapshot.tags).toEqual(["light", "v1.0.0"]);
  });

  it("returns the work tree's root when reading from a subfolder", async () => {
    using repo = makeGitRepo({ "a/b/c.txt": "c" });
    mkdirSync(join(repo.dir, "a", "b", "empty"));

    const snapshot = await readGitSnapshot({ dir: join(repo.dir, "a", "b", "empty"), ...isolated });

    expect(snapshot.root).toBe(repo.dir);
    expect(snapshot.commit).toBe(repo.git("rev-parse", "HEAD"));
  });

  it("returns the whole message without surrounding white space when it has several lines", async () => {
    using repo = makeGitRepo({ "README.md": "hi" });
    const message = "\n\n  Title line  \n\nBody line 1\n  indented line\n\nTrailer: yes\n\n\n";
    repo.git("commit", "--quiet", "--allow-empty", "--cleanup=verbatim", "-m", message);

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot.message).toBe("Title line  \n\nBody line 1\n  indented line\n\nTrailer: yes");
    expect(snapshot.message).toBe(repo.git("log", "-1", "--pretty=%B"));
  });

  it.each([
    { date: "2024-01-02T03:04:05+05:30", expected: "2024-01-01T21:34:05.000Z" },
    { date: "2024-01-02T03:04:05-08:00", expected: "2024-01-02T11:04:05.000Z" },
    { date: "2024-06-30T23:59:59Z", expected: "2024-06-30T23:59:59.000Z" },
  ])("returns commitDate $expected in UTC when the committer date is $date", async ({ date, expected }) => {
    using repo = makeGitRepo({ "README.md": "hi" }, { date });

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot.commitDate).toBe(expected);
    expect(new Date(repo.git("log", "-1", "--format=%cI")).toISOString()).toBe(expected);
  });
});
