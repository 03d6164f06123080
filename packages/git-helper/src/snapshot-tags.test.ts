import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeGitRepo } from "@imgs/test-utils";
import type { GitRepoFixture } from "@imgs/test-utils";
import { readGitSnapshot } from "./read-git-snapshot.js";

const isolated = { env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" }, homeDir: "/nonexistent-home" };

/** Tags on an old commit and on HEAD: lightweight, annotated, tag of a tag, tag of a tree. */
function taggedRepo(): GitRepoFixture {
  const repo = makeGitRepo({ "README.md": "hi" }, { tags: ["v0.9.0", { name: "v0.9.1", message: "old annotated" }] });
  repo.commit("Second commit");
  repo.git("tag", "v1.0.0");
  repo.git("tag", "--annotate", "v1.0.1", "-m", "annotated");
  repo.git("tag", "--annotate", "release/v1", "v1.0.1", "-m", "a tag of a tag");
  repo.git("tag", "--annotate", "twice", "release/v1", "-m", "a tag of a tag of a tag");
  repo.git("tag", "v10.0.0");
  repo.git("tag", "tree-of-head", "HEAD^{tree}");
  return repo;
}

/** Pack every ref, then drop the header and `^` lines, so that nothing says which tags are annotated. */
function packWithoutPeeling(repo: GitRepoFixture): void {
  repo.git("pack-refs", "--all");
  const file = join(repo.dir, ".git", "packed-refs");
  const lines = readFileSync(file, "utf8").split("\n");
  expect(lines.filter((line) => line.startsWith("^"))).toHaveLength(4);
  writeFileSync(file, lines.filter((line) => !line.startsWith("^") && !line.startsWith("#")).join("\n"));
}

describe("readGitSnapshot", () => {
  it.each([
    { layout: "loose", pack: (_repo: GitRepoFixture) => undefined },
    { layout: "packed", pack: (repo: GitRepoFixture) => repo.git("pack-refs", "--all") },
    { layout: "packed without peeled lines (as older tools write them)", pack: packWithoutPeeling },
  ])("returns lightweight, annotated and nested tags at HEAD, and no others, when refs are $layout", async ({ pack }) => {
    using repo = taggedRepo();
    pack(repo);

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot.tags).toEqual(["release/v1", "twice", "v1.0.0", "v1.0.1", "v10.0.0"]);
    expect(snapshot.allTags).toEqual(["release/v1", "tree-of-head", "twice", "v0.9.0", "v0.9.1", "v1.0.0", "v1.0.1", "v10.0.0"]);
  });

  it("returns the same tags as git tag --points-at when tags are annotated or lightweight", async () => {
    using repo = makeGitRepo({ "README.md": "hi" }, { tags: ["light", { name: "annotated", message: "m" }] });

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot.tags).toEqual(repo.git("tag", "--points-at", "HEAD").split("\n"));
    expect(snapshot.tags).toEqual(["annotated", "light"]);
  });

  it("returns a tag of an older commit in allTags only when HEAD moved on", async () => {
    using repo = makeGitRepo({ "README.md": "hi" }, { tags: [{ name: "v1.0.0", message: "first" }] });
    repo.commit("Later commit");

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot).toMatchObject({ tags: [], allTags: ["v1.0.0"] });
  });

  it("returns the loose ref's target when a tag was moved after packing", async () => {
    using repo = makeGitRepo({ "README.md": "hi" });
    repo.commit("Second commit");
    repo.git("tag", "moved");
    repo.git("tag", "--annotate", "stays", "-m", "annotated");
    repo.git("pack-refs", "--all");
    repo.git("tag", "--force", "moved", "HEAD~1");
    // Precondition: packed-refs still holds the old target, the loose ref the new one.
    expect(readFileSync(join(repo.dir, ".git", "packed-refs"), "utf8")).toContain(`${repo.git("rev-parse", "HEAD")} refs/tags/moved`);

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot).toMatchObject({ tags: ["stays"], allTags: ["moved", "stays"] });
  });

  it("returns no tags when the repository has none", async () => {
    using repo = makeGitRepo({ "README.md": "hi" });

    const snapshot = await readGitSnapshot({ dir: repo.dir, ...isolated });

    expect(snapshot).toMatchObject({ tags: [], allTags: [] });
  });
});
