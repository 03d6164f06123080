import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { readGitSnapshot } from "@imgs/git-helper";
import type { GitSnapshot } from "@imgs/git-helper";
import { ExecFailedError, ExecTimeoutError, ProgramNotFoundError, execOrThrow, inspectImage, startContainer, withExecCache } from "@imgs/runner";
import type { ContainerSession } from "@imgs/runner";
import { makeGitRepo, fakeRefs, testEngine, processDocker } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTagger } from "../run-tagger.js";
import type { TagContext, Tagger } from "../types.js";
import { aptPackageTagger } from "./apt.js";
import { builtinTaggers } from "./builtin-taggers.js";
import { commandTagger } from "./command-tagger.js";
import { InvalidTagError, TaggerFailedError, UnparsableOutputError } from "./errors.js";
import { pipPackageTagger } from "./pip.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

const exec = promisify(execFile);
const shims = fileURLToPath(new URL("../../test-images/shims/", import.meta.url));
const run = randomUUID().slice(0, 8);
const BUSYBOX = `imgs-test/shims:busybox-${run}`;
const DEBIAN = `imgs-test/shims:debian-${run}`;
const NOW = new Date("2024-07-01T23:59:59Z");

let git: GitSnapshot;

beforeAll(async () => {
  using repo = makeGitRepo({ "README.md": "shims\n" });
  git = await readGitSnapshot({ dir: repo.dir, env: {} });
  await Promise.all([
    exec("docker", ["build", "--quiet", "--tag", BUSYBOX, `${shims}busybox`]),
    exec("docker", ["build", "--quiet", "--tag", DEBIAN, `${shims}debian`]),
  ]);
});

afterAll(async () => {
  await exec("docker", ["image", "rm", "--force", BUSYBOX, DEBIAN]).catch(() => undefined);
});

async function contextFor(container: ContainerSession, name: string): Promise<TagContext> {
  const info = await inspectImage(container.image, engine);
  return { container, git, refs: fakeRefs({ sha: git.commit }), now: NOW, image: { name, ref: container.image, info }, build: { fullImage: container.image.replace(/:[^:/]*$/, "") } };
}

/** Run each tagger in one (caching) session and return name -> value. */
async function tagAll(ctx: TagContext, taggers: readonly Tagger[]): Promise<Record<string, string>> {
  const values = await Promise.all(taggers.map(async (t) => [t.name, (await runTagger(t, ctx)).join(",")] as const));
  return Object.fromEntries(values);
}

const failureOf = (tagger: Tagger, ctx: TagContext): Promise<unknown> =>
  runTagger(tagger, ctx).then(() => undefined, (e: unknown) => e);

describe("container taggers on the shims image", () => {
  it("return docker-stacks' values from programs that print the real formats", async () => {
    await using session = await startContainer({ ...testEngine(), image: BUSYBOX });
    const ctx = await contextFor(withExecCache(session), "shims");
    const names = ["commit-sha", "date", "ubuntu-version", "os-version", "mamba", "conda", "jupyter-notebook", "jupyter-lab",
      "jupyter-hub", "r", "julia", "spark", "java"];
    expect(await tagAll(ctx, names.map((n) => builtinTaggers[n] as Tagger))).toEqual({
      "commit-sha": git.commit.slice(0, 12),
      date: "2024-07-01",
      "ubuntu-version": "ubuntu-24.04",
      "os-version": "ubuntu-24.04",
      mamba: "mamba-2.0.5",
      conda: "conda-24.11.3",
      "jupyter-notebook": "notebook-7.3.2",
      "jupyter-lab": "lab-4.3.4",
      "jupyter-hub": "hub-5.2.1",
      r: "r-4.4.2",
      julia: "julia-1.11.2",
      spark: "spark-3.5.4",
      java: "java-17.0.13",
    });
    expect(git.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it("throws TaggerFailedError wrapping ExecTimeoutError when a command hangs", async () => {
    await using session = await startContainer({ ...testEngine(), image: BUSYBOX });
    const hang = commandTagger({ name: "hang", command: "sleep 60", pattern: ".", timeoutMs: 1000 });
    const error = await failureOf(hang, await contextFor(session, "shims"));
    expect(error).toBeInstanceOf(TaggerFailedError);
    expect((error as Error).cause).toBeInstanceOf(ExecTimeoutError);
    expect((error as Error).message).toMatch(/^tagger "hang" failed for image shims: command "sleep 60" .* did not finish within 1000 ms/);
  });
});

describe("container taggers on Debian with real programs", () => {
  it("return the versions the programs report", async () => {
    await using session = await startContainer({ ...testEngine(), image: DEBIAN });
    const ctx = await contextFor(withExecCache(session), "debian");
    const ask = (cmd: readonly string[]) => execOrThrow(session, cmd);
    const python = await ask(["python3", "-c", "import platform; print(platform.python_version())"]);
    const [major, minor] = python.split(".");
    const node = await ask(["node", "-p", "process.versions.node"]);
    const pip = await ask(["python3", "-c", "import pip; print(pip.__version__)"]);
    const taggers = ["python", "python-major-minor", "tensorflow", "pytorch", "node", "os-version", "ubuntu-version"].map(
      (n) => builtinTaggers[n] as Tagger,
    );
    taggers.push(pipPackageTagger("pip"), aptPackageTagger("python3", { prefix: "py" }), aptPackageTagger("nodejs"));
    taggers.push(commandTagger({ name: "py", command: "python -c 'import sys; print(sys.version)'", pattern: "^(\\d+)\\.(\\d+)", template: "py$1$2" }));
    expect(await tagAll(ctx, taggers)).toEqual({
      python: `python-${python}`,
      "python-major-minor": `python-${major}.${minor}`,
      tensorflow: "tensorflow-2.16.1",
      pytorch: "pytorch-2.3.1",
      node: `node-${node}`,
      "os-version": "debian-12",
      "ubuntu-version": "ubuntu-12",
      "pip-package(pip)": `pip-${pip}`,
      "apt-package(python3)": `py-${python}`,
      "apt-package(nodejs)": `nodejs-${node}`,
      py: `py${major}${minor}`,
    });
    expect(python).toMatch(/^3\.\d+\.\d+$/);
  });

  it("throw clear errors for missing programs, failing commands, odd output and bad tags", async () => {
    await using session = await startContainer({ ...testEngine(), image: DEBIAN });
    const ctx = await contextFor(session, "debian");

    const missing = await failureOf(builtinTaggers.julia as Tagger, ctx);
    expect(missing).toMatchObject({ code: "TAGGER_FAILED", tagger: "julia", image: "debian" });
    expect((missing as Error).cause).toBeInstanceOf(ProgramNotFoundError);
    expect((missing as Error).message).toContain('"julia --version"');

    const failed = await failureOf(pipPackageTagger("numpy"), ctx);
    expect((failed as Error).cause).toBeInstanceOf(ExecFailedError);
    expect((failed as Error).message).toMatch(
      /^tagger "pip-package\(numpy\)" failed for image debian: command "pip show numpy" exited with code 1 .*WARNING: Package\(s\) not found: numpy$/s,
    );

    const absent = await failureOf(aptPackageTagger("r-base-core"), ctx);
    expect((absent as Error).cause).toMatchObject({ exitCode: 1, output: expect.stringContaining("no packages found matching r-base-core") as unknown });

    const odd = await failureOf(commandTagger({ name: "v", command: "python --version", pattern: "^Ruby (\\S+)" }), ctx);
    expect((odd as Error).cause).toBeInstanceOf(UnparsableOutputError);
    expect((odd as Error).message).toMatch(/^tagger "v" failed for image debian: could not find .* of "python --version"; last output:\nPython 3\./);

    const bad = await failureOf(commandTagger({ name: "pretty", command: "cat /etc/os-release", pattern: '^PRETTY_NAME="(.*)"' }), ctx);
    expect(bad).toBeInstanceOf(InvalidTagError);
    expect(bad).toMatchObject({ tagger: "pretty", image: "debian", value: "Debian GNU/Linux 12 (bookworm)" });
  });
});
