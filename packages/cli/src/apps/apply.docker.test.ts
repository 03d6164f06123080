import { writeFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspectImage, removeImage, tagImage } from "@imgs/runner";
import { makeGitRepo, type GitRepoFixture, processDocker } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUSYBOX } from "@imgs/test-utils";
import { engineDeps } from "../__fixtures__/engine.js";
import { runCli } from "../cli.js";
import { TagsFileError } from "@imgs/manifests";
import { EXIT_FAILURE, exitCodeFor } from "../exit-code.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

// `imgs tag` then `imgs apply` on two busybox images tagged under test names: apply puts every
// tag of each tags file on its image, and reads every file before it applies any tag.
const OWNER = `imgs-test-${process.pid}`;
const ref = (image: string): string => `imgs.localhost/${OWNER}/${image}:latest`;
const IMAGES = ["app", "tool"];

const CONFIG = `registry: imgs.localhost
owner: ${OWNER}
repository: imgs-dev/imgs
images:
  app:
    taggers:
      - commit-sha
      - date
      - {name: busybox-version, command: busybox, pattern: '^BusyBox v(\\d+\\.\\d+\\.\\d+)', template: 'busybox-$1'}
  tool:
    parent: app
`;

let repo: GitRepoFixture;
let tagsDir: string;
/** Every tag a test may have created, removed afterwards. */
const created = new Set<string>();

beforeAll(async () => {
  for (const image of IMAGES) await tagImage(BUSYBOX, ref(image), engine);
  repo = makeGitRepo({ "README.md": "apply\n" });
  writeFileSync(join(repo.dir, "imgs.config.yaml"), CONFIG);
  tagsDir = await mkdtemp(join(tmpdir(), "imgs-apply-"));
});

afterAll(async () => {
  repo.remove();
  await rm(tagsDir, { recursive: true, force: true });
  for (const tag of [...created, ...IMAGES.map(ref)]) await removeImage(tag, engine).catch(() => undefined);
});

const readTags = async (image: string): Promise<string[]> => {
  const tags = (await readFile(join(tagsDir, `x86_64-default-${image}.txt`), "utf8")).split("\n");
  tags.forEach((t) => created.add(t));
  return tags;
};

describe("imgs apply", () => {
  it("throws TagsFileError naming the missing file and applies no tag of the other images", async () => {
    await runCli(["tag", "app", "--platform", "x86_64", "--tags-dir", tagsDir], engineDeps({ cwd: repo.dir }));
    const appTags = await readTags("app");

    const error = await runCli(["apply", "--all", "--platform", "x86_64", "--tags-dir", tagsDir], engineDeps({ cwd: repo.dir })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TagsFileError);
    expect(exitCodeFor(error)).toBe(EXIT_FAILURE);
    expect((error as TagsFileError).file).toBe(join(tagsDir, "x86_64-default-tool.txt"));
    expect((error as Error).message).toContain(`tags file ${join(tagsDir, "x86_64-default-tool.txt")}: does not exist; run \`imgs tag\``);
    const { repoTags } = await inspectImage(ref("app"), engine);
    for (const tag of appTags.slice(1)) expect(repoTags).not.toContain(tag);
  });

  it("puts every tag of each tags file on its image after `imgs tag --all`", async () => {
    await runCli(["tag", "--all", "--platform", "x86_64", "--tags-dir", tagsDir], engineDeps({ cwd: repo.dir }));
    const deps = engineDeps({ cwd: repo.dir });
    await runCli(["apply", "--all", "--platform", "x86_64", "--tags-dir", tagsDir], deps);

    for (const image of IMAGES) {
      const tags = await readTags(image);
      expect(tags).toHaveLength(4);
      expect(tags[0]).toBe(`imgs.localhost/${OWNER}/${image}:x86_64-latest`);
      expect((await inspectImage(ref(image), engine)).repoTags).toEqual(expect.arrayContaining(tags));
    }
    expect(deps.out()).toBe(`${ref("app")}: 4 tags applied\n${ref("tool")}: 4 tags applied\n`);
  });
});
