import { fakeSession, makeGitRepo, type GitRepoFixture, fakeContext, fakeGit, fakeImageInfo, FIXED_NOW } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInfoManifest } from "./builtin/build-info.js";
import { aptPackagesManifest, condaEnvironmentManifest, rPackagesManifest } from "./builtin/docker-stacks.js";
import { buildTimestamp } from "./files/build-timestamp.js";
import { historyLineFileName, manifestBaseName, manifestFileName, tagsFileName } from "./files/file-names.js";
import { historyLine } from "./files/history-line.js";
import { renderManifest } from "./files/render-manifest.js";
import { tagPrefix } from "./files/tag-prefix.js";
import { imageTags, tagsFileContent } from "./files/tags-file.js";
import { fileURLToPath } from "node:url";
import { compareLines, historyLineProblems, manifestProblems, readGolden, tagsFileProblems } from "@imgs/test-utils";
import { GOLDEN_REPLIES } from "./testing/golden-replies.js";
import type { ManifestContext } from "./types.js";

const GOLDEN_DIR = fileURLToPath(new URL("./__golden__/", import.meta.url));

// docker-stacks' r-notebook: foundation's manifests (conda, apt) then its own (R), on a fake
// container with fixed outputs, and a real git repository whose commit is fixed (dates and author
// are pinned by makeGitRepo, so its hash never changes).
const BUILD = { platform: "x86_64", variant: "default", image: "r-notebook" };
const FULL_IMAGE = "quay.io/jupyter/r-notebook";
const REPOSITORY = "jupyter/docker-stacks";
const EXPECTED_COMMIT = "7212f69f53b1dc7511280314e6aad0026d462f74";

let repo: GitRepoFixture;
let ctx: ManifestContext;

beforeAll(() => {
  repo = makeGitRepo(
    { "images/r-notebook/Dockerfile": "ARG BASE_IMAGE=quay.io/jupyter/minimal-notebook\nFROM $BASE_IMAGE\n" },
    { message: "Add R packages to r-notebook\n\nThe body says why." },
  );
  // What docker-stacks' GitHelper asks git: rev-parse HEAD and log -1 --pretty=%B, stripped.
  const git = fakeGit({ root: repo.dir, commit: repo.git("rev-parse", "HEAD"), message: repo.git("log", "-1", "--pretty=%B") });
  ctx = fakeContext(fakeSession(GOLDEN_REPLIES, `${FULL_IMAGE}:latest`), {
    git,
    image: { name: BUILD.image, ref: `${FULL_IMAGE}:latest`, info: fakeImageInfo({ size: 1234567890 }) },
    build: { fullImage: FULL_IMAGE, repository: REPOSITORY },
  });
});
afterAll(() => repo.remove());

function expectGolden(name: string, actual: string): void {
  const diff = compareLines(actual, readGolden(GOLDEN_DIR, name, actual));
  expect(diff, `${name} differs from its reference file:\n${diff}`).toBe("");
}

describe("golden files", () => {
  it("uses a repository whose commit hash is stable", () => {
    expect(ctx.git.commit).toBe(EXPECTED_COMMIT);
  });

  const values = (): string[] => [ctx.git.commit.slice(0, 12), "2024-01-02", "ubuntu-24.04", "python-3.12", "python-3.12.8", "r-4.4.2"];

  it("writes the tags file as write_tags_file does", () => {
    const name = tagsFileName(BUILD);
    expect(name).toBe("x86_64-default-r-notebook.txt");
    const content = tagsFileContent(imageTags({ fullImage: FULL_IMAGE, prefix: tagPrefix(BUILD), values: values() }));
    expect(tagsFileProblems(content)).toEqual([]);
    expectGolden(name, content);
  });

  it("writes the manifest as write_manifest does", async () => {
    const name = manifestFileName({ ...BUILD, commit: ctx.git.commit });
    expect(name).toBe(`x86_64-default-r-notebook-${EXPECTED_COMMIT.slice(0, 12)}.md`);
    const pieces = [];
    for (const manifest of [buildInfoManifest, condaEnvironmentManifest, aptPackagesManifest, rPackagesManifest]) pieces.push(await manifest(ctx));
    const content = renderManifest({ image: BUILD.image, commit: ctx.git.commit, pieces });
    expect(manifestProblems(content)).toEqual([]);
    expectGolden(name, content);
  });

  it("writes the build history line as write_manifest does", () => {
    const name = historyLineFileName({ ...BUILD, commit: ctx.git.commit });
    const content = historyLine({
      buildTimestamp: buildTimestamp(FIXED_NOW),
      fullImage: FULL_IMAGE,
      image: BUILD.image,
      prefix: tagPrefix(BUILD),
      values: values(),
      commit: ctx.git.commit,
      repository: REPOSITORY,
      manifestName: manifestBaseName({ ...BUILD, commit: ctx.git.commit }),
    });
    expect(historyLineProblems(content)).toEqual([]);
    expectGolden(name, content);
  });
});

describe("compareLines", () => {
  it("names each differing line and a missing final newline", () => {
    expect(compareLines("a\nb", "a\nc\n")).toMatchInlineSnapshot(`
      "line 2:
        expected "c"
        actual   "b"
      line 3:
        expected ""
        actual   (no line)
      final newline: expected one, actual none"
    `);
  });
});
