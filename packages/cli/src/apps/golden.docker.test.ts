import { fileURLToPath } from "node:url";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatImageSize } from "@imgs/manifests";
import { inspectImage, removeImage } from "@imgs/runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestImage,
  compareLines,
  historyLineProblems,
  makeGitRepo,
  manifestProblems,
  readGolden,
  tagsFileProblems,
  type GitRepoFixture, processDocker } from "@imgs/test-utils";
import { engineDeps } from "../__fixtures__/engine.js";

const GOLDEN_DIR = fileURLToPath(new URL("../__golden__/", import.meta.url));
import { runCli } from "../cli.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

// `imgs hook golden` on a fixed image (__fixtures__/golden-image) with a real git repository whose
// commit is fixed, and the fixed clock of capturedDeps; its three files must equal the reference
// files in ../__golden__/ line by line (see the README there for each line's docker-stacks origin).
const IMAGE_REF = "imgs.localhost/imgs-test-cli/golden:latest";
const EXPECTED_COMMIT = "7312b60956aab189009af31f91fcd9eb108d6c4d";

const CONFIG = `# The golden test's hierarchy: golden-base's taggers and manifests come first in golden's files.
registry: imgs.localhost
owner: imgs-test-cli
repository: imgs-dev/golden-stack
images:
  golden-base:
    dockerfile: images/golden-base/Dockerfile
    taggers:
      - commit-sha
      - date
      - os-version
      - {apt-package: bash}
      - {refs: ["type=ref,event=branch"]}
    manifests: [apt-packages, os-release]
  golden:
    parent: golden-base
    dockerfile: images/golden/Dockerfile
    taggers: [python-major-minor, python, {pip-package: numpy}]
    manifests: [pip-packages]
`;

/** The placeholder of the image size line: the size depends on the local busybox build. */
const SIZE_LINE = /^- Docker image size: .+$/m;
const SIZE_PLACEHOLDER = "- Docker image size: <IMAGE SIZE>";

let repo: GitRepoFixture;
let out: string;
let stdout: string;

beforeAll(async () => {
  await buildTestImage(IMAGE_REF, new URL("../__fixtures__/golden-image/", import.meta.url));
  repo = makeGitRepo(
    {
      "imgs.config.yaml": CONFIG,
      "images/golden-base/Dockerfile": "FROM imgs.localhost/busybox:latest\n",
      "images/golden/Dockerfile": "FROM imgs.localhost/imgs-test-cli/golden-base:latest\n",
    },
    { branch: "main", message: "Build the golden image\n\nA fixed author, date and message make a fixed commit hash." },
  );
  out = await mkdtemp(join(tmpdir(), "imgs-golden-"));
  const deps = engineDeps({ cwd: repo.dir });
  const dirs = ["--tags-dir", join(out, "tags"), "--manifests-dir", join(out, "manifests"), "--hist-lines-dir", join(out, "hist-lines")];
  // --platform pins the prefix, which otherwise is this machine's `uname -m`.
  await runCli(["hook", "golden", "--platform", "x86_64", ...dirs], deps);
  stdout = deps.out();
});

afterAll(async () => {
  repo.remove();
  await rm(out, { recursive: true, force: true });
  await removeImage(IMAGE_REF, { ...engine, force: true });
});

function expectGolden(name: string, actual: string): void {
  const diff = compareLines(actual, readGolden(GOLDEN_DIR, name, actual));
  expect(diff, `${name} differs from ../__golden__/${name}:\n${diff}`).toBe("");
}

const SHORT = EXPECTED_COMMIT.slice(0, 12);

describe("imgs hook (golden files)", () => {
  it("uses a repository whose commit hash is stable", () => {
    expect(repo.git("rev-parse", "HEAD")).toBe(EXPECTED_COMMIT);
  });

  it("writes exactly the three files, under docker-stacks' names", async () => {
    expect(await readdir(join(out, "tags"))).toEqual(["x86_64-default-golden.txt"]);
    expect(await readdir(join(out, "manifests"))).toEqual([`x86_64-default-golden-${SHORT}.md`]);
    expect(await readdir(join(out, "hist-lines"))).toEqual([`x86_64-default-golden-${SHORT}.txt`]);
    expect(stdout.split("\n").filter(Boolean).map((p) => p.slice(out.length + 1))).toEqual([
      "tags/x86_64-default-golden.txt",
      `manifests/x86_64-default-golden-${SHORT}.md`,
      `hist-lines/x86_64-default-golden-${SHORT}.txt`,
    ]);
  });

  it("writes the tags file as write_tags_file does", async () => {
    const content = await readFile(join(out, "tags", "x86_64-default-golden.txt"), "utf8");
    expect(tagsFileProblems(content)).toEqual([]);
    expectGolden("x86_64-default-golden.txt", content);
  });

  it("writes the manifest as write_manifest does, the image size as docker images shows it", async () => {
    const content = await readFile(join(out, "manifests", `x86_64-default-golden-${SHORT}.md`), "utf8");
    expect(manifestProblems(content)).toEqual([]);
    const { size } = await inspectImage(IMAGE_REF, engine);
    expect(SIZE_LINE.exec(content)?.[0]).toBe(`- Docker image size: ${formatImageSize(size)}`);
    expectGolden(`x86_64-default-golden-${SHORT}.md`, content.replace(SIZE_LINE, SIZE_PLACEHOLDER));
  });

  it("writes the build history line as get_build_history_line does", async () => {
    const content = await readFile(join(out, "hist-lines", `x86_64-default-golden-${SHORT}.txt`), "utf8");
    expect(historyLineProblems(content)).toEqual([]);
    expectGolden(`x86_64-default-golden-${SHORT}.txt`, content);
  });
});
