import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigInvalidError, UnknownImageError } from "@imgs/hierarchy";
import { removeImage, tagImage } from "@imgs/runner";
import { makeGitRepo, type GitRepoFixture, processDocker } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { capturedDeps } from "../__fixtures__/captured-deps.js";
import { BUSYBOX, containersWithLabel, labelNewContainers } from "@imgs/test-utils";
import { engineDeps } from "../__fixtures__/engine.js";
import { runCli } from "../cli.js";
import { ImagesFailedError } from "../errors.js";
import { EXIT_FAILURE, EXIT_USAGE, exitCodeFor } from "../exit-code.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

// A hierarchy of busybox images (busybox tagged under test names): `good` and its children, one
// of which has a failing tagger, one a hanging tagger, one a manifest whose program is missing.
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const OWNER = `imgs-test-${process.pid}`;
const ref = (image: string): string => `imgs.localhost/${OWNER}/${image}:latest`;
const TAGGED = ["good", "bad", "sibling", "hang", "nomanifest"];

const CONFIG = `registry: imgs.localhost
owner: ${OWNER}
repository: imgs-dev/imgs
images:
  good:
    taggers:
      - commit-sha
      - {name: busybox-version, command: busybox, pattern: '^BusyBox v(\\d+\\.\\d+\\.\\d+)', template: 'busybox-$1'}
  bad:
    parent: good
    taggers:
      - {name: boom, command: [sh, -c, 'echo boom >&2; exit 3'], pattern: '.+'}
  sibling:
    parent: good
    taggers:
      - {name: hostname-file, command: [ls, /etc/hostname], pattern: 'hostname', template: 'has-hostname'}
  hang:
    parent: good
    taggers:
      - {name: sleeper, command: [sleep, '60'], pattern: '.+'}
  nomanifest:
    parent: good
    manifests: [apt-packages]
  missing:
    parent: good
`;

let repo: GitRepoFixture;
let config: string;
let fileLabel: ReturnType<typeof labelNewContainers>;
const temporary: string[] = [];

async function outDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "imgs-failures-"));
  temporary.push(dir);
  return dir;
}

/** Run the CLI, expecting it to fail; returns the error. */
async function failing(argv: readonly string[], deps = engineDeps({ cwd: repo.dir })): Promise<Error> {
  const error = await runCli(argv, deps).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error(`imgs ${argv.join(" ")} did not fail`);
  return error;
}

beforeAll(async () => {
  for (const image of TAGGED) await tagImage(BUSYBOX, ref(image), engine);
  repo = makeGitRepo({ "README.md": "failures\n" });
  config = join(repo.dir, "imgs.config.yaml");
  writeFileSync(config, CONFIG);
  fileLabel = labelNewContainers();
});

afterAll(async () => {
  fileLabel.restore();
  repo.remove();
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
  for (const image of TAGGED) await removeImage(ref(image), engine);
});

describe("imgs tag", () => {
  it("fails the image whose tagger fails, naming tagger, command, exit code and output, and writes the others' files", async () => {
    const tags = await outDir();
    const deps = engineDeps({ cwd: repo.dir });
    const error = await failing(["tag", "good", "bad", "sibling", "--platform", "x86_64", "--tags-dir", tags], deps);

    expect(error).toBeInstanceOf(ImagesFailedError);
    expect(exitCodeFor(error)).toBe(EXIT_FAILURE);
    expect((error as ImagesFailedError).failures.map((f) => f.image)).toEqual(["bad"]);
    expect(error.message).toMatch(/^1 image\(s\) failed:\n {2}bad: tagger "boom" failed for image bad: /);
    expect(error.message).toContain(`command "sh -c echo boom >&2; exit 3" exited with code 3 in image ${ref("bad")}`);
    expect(error.message).toMatch(/last output:\n\s*boom$/);
    // Written whole or not at all: the good images' files, nothing for bad, no temporary file.
    expect((await readdir(tags)).sort()).toEqual(["x86_64-default-good.txt", "x86_64-default-sibling.txt"]);
    expect(await readFile(join(tags, "x86_64-default-sibling.txt"), "utf8")).toMatch(/^(\S+)\/sibling:x86_64-latest\n\1\/sibling:x86_64-[0-9a-f]{12}\n\1\/sibling:x86_64-busybox-[\d.]+\n\1\/sibling:x86_64-has-hostname$/);
    expect(deps.err()).toMatch(/^bad: FAILED .*tagger "boom"/m);
    expect(await containersWithLabel(fileLabel.label)).toEqual([]);
  });

  it("fails a hanging tagger after --timeout, naming the command, and removes its container", async () => {
    // 5 s: the image's other commands must finish first even on a loaded machine; sleep 60 never does.
    const error = await failing(["tag", "hang", "--timeout", "5", "--tags-dir", await outDir()]);
    expect(error).toBeInstanceOf(ImagesFailedError);
    expect(exitCodeFor(error)).toBe(EXIT_FAILURE);
    expect(error.message).toMatch(/hang: tagger "sleeper" failed for image hang: command "sleep 60" in image \S+ did not finish within 5000 ms; its container [0-9a-f]{12} was removed/);
    expect(await containersWithLabel(fileLabel.label)).toEqual([]);
  });

  it("fails an image that is not in the local engine, saying imgs never pulls", async () => {
    const tags = await outDir();
    const error = await failing(["tag", "missing", "--tags-dir", tags]);
    expect(error).toBeInstanceOf(ImagesFailedError);
    expect(exitCodeFor(error)).toBe(EXIT_FAILURE);
    expect(error.message).toContain(`missing: image ${ref("missing")} does not exist in the local Docker engine (imgs never pulls`);
    expect(await readdir(tags)).toEqual([]);
  });
});

describe("imgs hook", () => {
  it("fails the image whose manifest fails and writes none of its three files", async () => {
    const out = await outDir();
    const dirs = ["--tags-dir", join(out, "tags"), "--manifests-dir", join(out, "manifests"), "--hist-lines-dir", join(out, "hist-lines")];
    const error = await failing(["hook", "good", "nomanifest", ...dirs]);
    expect(error).toBeInstanceOf(ImagesFailedError);
    expect(error.message).toMatch(/nomanifest: manifest "apt-packages" failed for image \S+nomanifest:latest: program "apt" not found/);
    for (const dir of ["tags", "manifests", "hist-lines"]) {
      const files = await readdir(join(out, dir));
      expect(files, dir).toHaveLength(1);
      expect(files[0], dir).toMatch(/-default-good[-.]/);
    }
  });
});

describe("imgs tag, before it contacts the engine", () => {
  const write = async (name: string, text: string): Promise<string> => {
    const dir = await outDir();
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it.each([
    ["an unknown tagger", "imgs.config.yaml", "images:\n  a:\n    taggers: [pyhton]\n", /images\.a\.taggers\[0\]: unknown tagger "pyhton" \(did you mean "python"\?\)/],
    ["an unknown tagger in a JS config", "imgs.config.mjs", 'export default { images: { a: { taggers: ["date", "comit-sha"] } } };\n', /unknown tagger "comit-sha" \(did you mean "commit-sha"\?\)/],
    ["an unknown parent", "imgs.config.yaml", "images:\n  base: {}\n  child: {parent: bsae}\n", /images\.child\.parent: unknown parent image "bsae" \(did you mean "base"\?\)/],
    ["a cycle", "imgs.config.yaml", "images:\n  a: {parent: b}\n  b: {parent: a}\n", /the parents loop \(image -> parent\): (a -> b -> a|b -> a -> b)/],
    ["an image defined twice", "imgs.config.yaml", "images:\n  a: {}\n  b: {}\n  a: {parent: b}\n", /"a" is defined twice/],
  ])("exits 2 naming the config file for %s, before contacting the engine", async (_what, name, text, message) => {
    const file = await write(name, text);
    const docker = vi.fn(() => {
      throw new Error("engine touched");
    });
    const error = await failing(["tag", "--all", "-c", file], capturedDeps({ docker }));
    expect(error).toBeInstanceOf(ConfigInvalidError);
    expect(exitCodeFor(error)).toBe(EXIT_USAGE);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(message);
    expect(docker).not.toHaveBeenCalled();
  });

  it("exits 2 for an unknown image name with a suggestion, before contacting the engine", async () => {
    const docker = vi.fn(() => {
      throw new Error("engine touched");
    });
    const error = await failing(["tag", "god", "-c", config], capturedDeps({ docker, cwd: repo.dir }));
    expect(error).toBeInstanceOf(UnknownImageError);
    expect(exitCodeFor(error)).toBe(EXIT_USAGE);
    expect(error.message).toMatch(/unknown image "god" \(did you mean "good"\?\)/);
    expect(docker).not.toHaveBeenCalled();
  });
});

describe("bin.ts", () => {
  it("exits 1 and prints the failed image's error on stderr", async () => {
    const tags = await outDir();
    const argv = ["--import", "tsx", "packages/cli/src/bin.ts", "tag", "good", "bad", "-c", config, "--platform", "x86_64", "--tags-dir", tags];
    const { code, stderr } = await new Promise<{ code: number | string | null | undefined; stderr: string }>((resolve) => {
      execFile(process.execPath, argv, { cwd: ROOT, encoding: "utf8" }, (error, _stdout, stderr) => resolve({ code: error ? error.code : 0, stderr }));
    });
    expect(code).toBe(1);
    expect(stderr).toContain("imgs: 1 image(s) failed:\n  bad: tagger \"boom\" failed for image bad:");
    expect(stderr).toMatch(/exited with code 3 in image \S+\/bad:latest \(container [0-9a-f]{12}\); last output:\n\s*boom \[IMAGES_FAILED\]\n$/);
    expect(await readdir(tags)).toEqual(["x86_64-default-good.txt"]);
  });
});
