import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeGitRepo } from "@imgs/test-utils";
import { readGitSnapshot } from "./read-git-snapshot.js";

const isolated = { env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" }, homeDir: "/nonexistent-home" };

// Both keep a `.git` file instead of a folder; isomorphic-git alone cannot read a linked worktree.
describe("readGitSnapshot", () => {
  it("returns the linked worktree's own branch and commit when reading a git worktree", async () => {
    using repo = makeGitRepo({ "README.md": "hi" }, { tags: ["v1.0.0"] });
    const parent = mkdtempSync(join(tmpdir(), "imgs-worktree-"));
    try {
      const worktree = join(parent, "wt");
      repo.git("worktree", "add", "--quiet", "-b", "feature/wt", worktree);
      repo.git("-C", worktree, "commit", "--quiet", "--allow-empty", "-m", "In the worktree");

      const snapshot = await readGitSnapshot({ dir: worktree, ...isolated });

      expect(snapshot).toMatchObject({
        root: worktree,
        commit: repo.git("-C", worktree, "rev-parse", "HEAD"),
        message: "In the worktree",
        branch: "feature/wt",
        tags: [],
        allTags: ["v1.0.0"],
        defaultBranch: "main",
        shallow: false,
      });
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("returns the submodule's own commit and root when reading inside a submodule", async () => {
    using library = makeGitRepo({ "lib.txt": "lib" }, { branch: "trunk", tags: ["lib-1.0"] });
    using app = makeGitRepo({ "README.md": "app" });
    // git refuses file:// submodules unless told otherwise (CVE-2022-39253).
    app.git("-c", "protocol.file.allow=always", "submodule", "add", "--quiet", `file://${library.dir}`, "vendor/lib");
    app.commit("Add the library");
    const submodule = join(app.dir, "vendor", "lib");

    const snapshot = await readGitSnapshot({ dir: submodule, ...isolated });

    expect(snapshot).toMatchObject({
      root: submodule,
      commit: library.git("rev-parse", "HEAD"),
      branch: "trunk",
      tags: ["lib-1.0"],
      defaultBranch: "trunk",
    });
  });
});
