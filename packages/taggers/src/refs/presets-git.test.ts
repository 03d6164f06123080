import { readGitSnapshot } from "@imgs/git-helper";
import { makeGitRepo, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeRefTags } from "./compute.js";
import { refContextFrom } from "./context-from.js";
import type { RefContext } from "./context.js";

// Three real repositories, one per checkout state the presets must handle.
type Scenario = "release tag" | "feature branch" | "detached HEAD";
const repos = new Map<Scenario, { repo: GitRepoFixture; sha: string }>();

beforeAll(() => {
  const release = makeGitRepo({ "Dockerfile": "FROM scratch\n" }, { tags: [{ name: "1.2.3", message: "1.2.3" }] });
  repos.set("release tag", { repo: release, sha: release.git("rev-parse", "HEAD") });

  const feature = makeGitRepo({ "Dockerfile": "FROM scratch\n" });
  feature.git("checkout", "--quiet", "-b", "tickets/DM-1234");
  feature.write({ "app.txt": "work in progress\n" });
  repos.set("feature branch", { repo: feature, sha: feature.commit("DM-1234: work", "2024-02-03T04:05:06Z") });

  const detached = makeGitRepo({ "Dockerfile": "FROM scratch\n" });
  detached.write({ "app.txt": "second\n" });
  detached.commit("Second commit");
  detached.git("checkout", "--quiet", "--detach", "HEAD~1");
  repos.set("detached HEAD", { repo: detached, sha: detached.git("rev-parse", "HEAD") });
});

afterAll(() => {
  for (const { repo } of repos.values()) repo.remove();
});

/** Tags for a preset on a scenario's repository; `ci` makes it a CI build (not local). */
async function tagsOf(preset: string, scenario: Scenario, ci: Partial<RefContext> | undefined): Promise<readonly string[]> {
  const entry = repos.get(scenario);
  if (entry === undefined) throw new Error(`no repository for ${scenario}`);
  // An empty env and home keep the developer's own git configuration out of the default branch.
  const git = await readGitSnapshot({ dir: entry.repo.dir, env: {}, homeDir: entry.repo.dir });
  const context = refContextFrom({ git, overrides: ci === undefined ? undefined : { local: false, ...ci }, now: "2024-06-01T00:00:00Z" });
  const result = await computeRefTags({ images: ["acme/app"], tags: [`preset=${preset}`], context });
  return result.tags.map((tag) => tag.replace(entry.sha.slice(0, 12), "<sha12>").replace(entry.sha.slice(0, 7), "<sha7>"));
}

describe("computeRefTags presets on real repositories", () => {
  it.each<[string, Scenario, readonly string[]]>([
    ["ltd-keeper", "release tag", ["acme/app:1.2.3"]],
    ["ltd-keeper", "feature branch", ["acme/app:tickets-DM-1234"]],
    // Detached at an older commit of main: the branch is inferred as main (metadata-action's git context does so too).
    ["ltd-keeper", "detached HEAD", ["acme/app:latest"]],
    ["marketplace", "release tag", ["acme/app:<sha7>"]],
    ["marketplace", "feature branch", ["acme/app:<sha7>"]],
    ["marketplace", "detached HEAD", ["acme/app:<sha7>", "acme/app:latest"]],
    ["cyber-dojo", "release tag", ["acme/app:<sha7>", "acme/app:latest"]],
    ["cyber-dojo", "feature branch", ["acme/app:<sha7>", "acme/app:latest"]],
    ["cyber-dojo", "detached HEAD", ["acme/app:<sha7>", "acme/app:latest"]],
    ["docker-stacks", "release tag", ["acme/app:<sha12>"]],
    ["docker-stacks", "feature branch", ["acme/app:<sha12>"]],
    ["docker-stacks", "detached HEAD", ["acme/app:<sha12>"]],
  ])("%s on a CI build of a %s", async (preset, scenario, expected) => {
    expect(await tagsOf(preset, scenario, {})).toEqual(expected);
  });

  it.each<Scenario>(["release tag", "feature branch", "detached HEAD"])("ltd-keeper tags a local build of a %s as build", async (scenario) => {
    expect(await tagsOf("ltd-keeper", scenario, undefined)).toEqual(["acme/app:build"]);
  });

  it("ltd-keeper tags a CI build of the default branch as latest", async () => {
    expect(await tagsOf("ltd-keeper", "detached HEAD", { ref: "refs/heads/main" })).toEqual(["acme/app:latest"]);
  });

  it("marketplace adds latest on the default branch", async () => {
    expect(await tagsOf("marketplace", "detached HEAD", { ref: "refs/heads/main" })).toEqual(["acme/app:<sha7>", "acme/app:latest"]);
  });

  it("reads the release tag, commit and date from the repository", async () => {
    const entry = repos.get("release tag");
    const git = await readGitSnapshot({ dir: entry?.repo.dir ?? "", env: {}, homeDir: entry?.repo.dir ?? "" });
    expect(refContextFrom({ git, now: "2024-05-01T00:00:00Z" })).toMatchObject({
      ref: "refs/tags/1.2.3",
      baseRef: "main",
      sha: entry?.sha,
      defaultBranch: "main",
      commitDate: "2024-01-02T03:04:05.000Z",
      repoTags: ["1.2.3"],
      local: true,
    });
  });
});
