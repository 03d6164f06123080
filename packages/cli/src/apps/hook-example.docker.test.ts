import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { machine, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  containerExists,
  containersWithLabel,
  dockerRun,
  ensureExampleImages,
  historyLineProblems,
  labelNewContainers,
  makeGitRepo,
  manifestProblems,
  recordContainerEvents,
  tagsFileProblems,
  testRunLabel,
  type ContainerEvent,
  type GitRepoFixture,
} from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineDeps } from "../__fixtures__/engine.js";
import { runCli } from "../cli.js";

// `imgs hook --all` on the example Debian stack (foundation -> python -> scientific / r), on the
// real engine: one container per image, counted from the engine's own event log, and files whose
// every value is checked against the real programs run apart with `docker run`.
const EXAMPLE = fileURLToPath(new URL("../../../../examples/debian-stack/", import.meta.url));
const IMAGES = ["foundation", "python", "scientific", "r"] as const;
type ExampleImage = (typeof IMAGES)[number];
const fullImage = (name: string): string => `imgs.localhost/imgs-example/${name}`;
const ref = (name: string): string => `${fullImage(name)}:latest`;
// docker-stacks' get_platform: `uname -m`, with a Mac's arm64 unified to aarch64.
const PLATFORM = machine() === "arm64" ? "aarch64" : machine();

let repo: GitRepoFixture;
let out: string;
let commit: string;
let events: ContainerEvent[];
let fileLabel: ReturnType<typeof labelNewContainers>;
let stdout: string;
/** Tag values each image's own taggers must give, read from the images with docker run. */
const own = new Map<ExampleImage, string[]>();

/** The Debian upstream version: no epoch, no revision, no +suffix (what apt-package tags show). */
const upstream = (version: string): string => version.replace(/^\d+:/, "").replace(/-[^-]*$/, "").split("+")[0] ?? version;

async function readFacts(): Promise<void> {
  const osRelease = await dockerRun(ref("foundation"), "cat", "/etc/os-release");
  const field = (key: string): string => osRelease.match(new RegExp(`^${key}="?([^"\n]*)"?$`, "m"))?.[1] ?? "";
  const [python = "", pip = ""] = (await dockerRun(ref("python"), "python", "-c", "import platform, pip; print(platform.python_version(), pip.__version__)")).trim().split(" ");
  const [numpy = "", pandas = ""] = (await dockerRun(ref("scientific"), "python", "-c", "import numpy, pandas; print(numpy.__version__, pandas.__version__)")).trim().split(" ");
  const rVersion = (await dockerRun(ref("r"), "R", "--version")).split("\n")[0]?.split(" ")[2] ?? "";
  const rBase = await dockerRun(ref("r"), "dpkg-query", "--show", "--showformat=${Version}", "r-base-core");
  own.set("foundation", [commit.slice(0, 12), "2024-05-06", `${field("ID")}-${field("VERSION_ID")}`, "main"]);
  own.set("python", [`python-${python.split(".").slice(0, 2).join(".")}`, `python-${python}`, `pip-${pip}`]);
  own.set("scientific", [`numpy-${numpy}`, `pandas-${pandas}`]);
  own.set("r", [`r-${rVersion}`, `r-base-${upstream(rBase)}`]);
}

const LINEAGE: Record<ExampleImage, readonly ExampleImage[]> = {
  foundation: ["foundation"],
  python: ["foundation", "python"],
  scientific: ["foundation", "python", "scientific"],
  r: ["foundation", "python", "r"],
};
const valuesOf = (image: ExampleImage): string[] => LINEAGE[image].flatMap((n) => own.get(n) ?? []);

beforeAll(async () => {
  await ensureExampleImages();
  // A repository of our own: a fixed commit on branch "main", whatever state this checkout is in.
  repo = makeGitRepo({ "README.md": "the example stack's tags come from this commit\n" }, { branch: "main" });
  commit = repo.git("rev-parse", "HEAD");
  await readFacts();
  out = await mkdtemp(join(tmpdir(), "imgs-hook-example-"));
  fileLabel = labelNewContainers();
  const deps = engineDeps({ cwd: out });
  const log = await recordContainerEvents([testRunLabel(), fileLabel.label]);
  const argv = ["hook", "--all", "-c", join(EXAMPLE, "imgs.config.ts"), "--git-dir", repo.dir, "--jobs", "4"];
  try {
    await runCli([...argv, "--tags-dir", "tags", "--manifests-dir", "manifests", "--hist-lines-dir", "hist-lines"], deps);
  } finally {
    events = await log.settle();
  }
  stdout = deps.out();
});

afterAll(async () => {
  fileLabel.restore();
  repo.remove();
  await rm(out, { recursive: true, force: true });
});

const read = (dir: string, name: string): Promise<string> => readFile(join(out, dir, name), "utf8");

describe("imgs hook --all", () => {
  it("starts exactly one container per image and leaves none", async () => {
    const creates = events.filter((e) => e.action === "create");
    expect(creates.map((c) => c.image).sort()).toEqual(IMAGES.map(ref).sort());
    expect(events.filter((e) => e.action === "destroy").map((e) => e.id).sort()).toEqual(creates.map((c) => c.id).sort());
    for (const { id } of creates) expect(await containerExists(id), `container ${id} still exists`).toBe(false);
    expect(await containersWithLabel(fileLabel.label)).toEqual([]);
  });

  it("writes every file under docker-stacks' names and prints their paths", async () => {
    const names = (ext: string, withCommit: boolean): string[] =>
      IMAGES.map((i) => `${PLATFORM}-default-${i}${withCommit ? `-${commit.slice(0, 12)}` : ""}.${ext}`).sort();
    expect((await readdir(join(out, "tags"))).sort()).toEqual(names("txt", false));
    expect((await readdir(join(out, "manifests"))).sort()).toEqual(names("md", true));
    expect((await readdir(join(out, "hist-lines"))).sort()).toEqual(names("txt", true));
    expect(stdout.split("\n").filter(Boolean)).toHaveLength(12);
  });

  it.each(IMAGES)("writes the tags of %s that its programs report, its parents' tags first", async (image) => {
    const content = await read("tags", `${PLATFORM}-default-${image}.txt`);
    expect(tagsFileProblems(content)).toEqual([]);
    const expected = ["latest", ...valuesOf(image)].map((v) => `${fullImage(image)}:${PLATFORM}-${v}`);
    expect(content.split("\n")).toEqual(expected);
  });

  it.each(IMAGES)("writes the manifest of %s with its own and its parents' pieces", async (image) => {
    const content = await read("manifests", `${PLATFORM}-default-${image}-${commit.slice(0, 12)}.md`);
    expect(manifestProblems(content)).toEqual([]);
    const titles: Record<ExampleImage, readonly string[]> = {
      foundation: ["Apt Packages", "OS Release"],
      python: ["Pip Packages"],
      scientific: [],
      r: ["R Packages"],
    };
    const expected = ["Build Info", ...LINEAGE[image].flatMap((n) => titles[n])];
    expect(content.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3))).toEqual(expected);
    expect(content).toContain(`- Docker image: \`${fullImage(image)}:${commit.slice(0, 12)}\``);
    expect(content).toContain("- Build timestamp: 2024-05-06T07:08:09Z");
  });

  it.each(IMAGES)("writes the history line of %s listing every tag but latest", async (image) => {
    const content = await read("hist-lines", `${PLATFORM}-default-${image}-${commit.slice(0, 12)}.txt`);
    expect(historyLineProblems(content)).toEqual([]);
    const tags = valuesOf(image).map((v) => `\`${fullImage(image)}:${PLATFORM}-${v}\``).join("<br />");
    expect(content.startsWith(`| \`2024-05-06T07:08:09Z\` | ${tags} | `)).toBe(true);
    expect(content).toContain(`[Build manifest](./${PLATFORM}-default-${image}-${commit.slice(0, 12)})`);
  });
});
