import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BuildDiff, EcosystemDiff } from "@imgs/history";
import { docker, dockerRun, ensureExampleImages, makeGitRepo, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineDeps } from "../__fixtures__/engine.js";
import { runCli } from "../cli.js";

// Two builds of the example tree's scientific image, two commits apart: the second adds `tree`,
// removes `less` and upgrades `imgs-demo` (a package made in the build with dpkg-deb, 1.0 -> 1.1).
// `imgs manifest` documents each build; `imgs diff` must report exactly those three changes,
// from the manifest files and from the images themselves, in every format.
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const EXAMPLE = join(ROOT, "examples/debian-stack");
const REPO = "imgs.localhost/imgs-test-diff/scientific";
// tsx by path: the binary runs in a temporary folder, where a bare "tsx" would not resolve.
const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

const extraLayer = (install: string, demoVersion: string): string => `
USER root
RUN apt-get update \\
 && apt-get install --yes --no-install-recommends ${install} \\
 && apt-get clean && rm -rf /var/lib/apt/lists/* \\
 && mkdir -p /tmp/imgs-demo/DEBIAN \\
 && printf 'Package: imgs-demo\\nVersion: ${demoVersion}\\nArchitecture: all\\nMaintainer: imgs <imgs@localhost>\\nDescription: imgs diff test package\\n' > /tmp/imgs-demo/DEBIAN/control \\
 && dpkg-deb --build /tmp/imgs-demo /tmp/imgs-demo.deb >/dev/null \\
 && dpkg -i /tmp/imgs-demo.deb >/dev/null && rm -rf /tmp/imgs-demo /tmp/imgs-demo.deb
USER 1000
`;

const config = {
  registry: "imgs.localhost",
  owner: "imgs-test-diff",
  repository: "imgs-dev/imgs",
  images: {
    foundation: { taggers: ["commit-sha", "date", "os-version"], manifests: ["apt-packages", "os-release"] },
    python: { parent: "foundation", taggers: ["python", { "pip-package": "pip" }], manifests: ["pip-packages"] },
    scientific: { parent: "python", taggers: [{ "pip-package": "numpy" }] },
  },
};

let repo: GitRepoFixture;
const manifests: string[] = [];
const commits: string[] = [];
/** What `imgs manifest --json` printed for each build. */
const jsonOutputs: string[] = [];

async function buildAndDocument(n: 1 | 2, install: string, demoVersion: string): Promise<void> {
  const dockerfile = (await readFile(join(EXAMPLE, "images/scientific/Dockerfile"), "utf8")) + extraLayer(install, demoVersion);
  repo.write({ "images/scientific/Dockerfile": dockerfile });
  commits.push(repo.commit(`build ${n}: ${install}, imgs-demo ${demoVersion}`));
  await docker("build", "--quiet", "--tag", `${REPO}:build${n}`, join(repo.dir, "images/scientific"));
  await docker("tag", `${REPO}:build${n}`, `${REPO}:latest`);
  const deps = engineDeps({ cwd: repo.dir });
  await runCli(["manifest", "scientific", "--platform", "x86_64", "--quiet", "--json"], deps);
  jsonOutputs.push(deps.out());
}

beforeAll(async () => {
  await ensureExampleImages();
  repo = makeGitRepo({ "imgs.config.json": JSON.stringify(config, null, 2) });
  await buildAndDocument(1, "less", "1.0");
  await buildAndDocument(2, "tree", "1.1");
  const files = await readdir(join(repo.dir, "out/manifests"));
  for (const commit of commits) manifests.push(join("out/manifests", files.find((f) => f.endsWith(`-${commit.slice(0, 12)}.md`)) ?? "missing"));
}, 600_000);

afterAll(async () => {
  await docker("image", "rm", `${REPO}:build1`, `${REPO}:build2`, `${REPO}:latest`).catch(() => undefined);
  repo?.remove();
});

/** The three changes, as the real programs in the two images report them (dpkg-query, apart from imgs). */
async function expectedApt(): Promise<{ less: string; tree: string }> {
  const version = (ref: string, pkg: string) => dockerRun(ref, "dpkg-query", "--show", "--showformat=${Version}", pkg);
  return { less: await version(`${REPO}:build1`, "less"), tree: await version(`${REPO}:build2`, "tree") };
}

function runBin(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile(process.execPath, ["--import", TSX, join(ROOT, "packages/cli/src/bin.ts"), ...args], { cwd, encoding: "utf8" }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
}

describe("imgs diff on two builds of the example tree", () => {
  it("reports from the manifest files exactly tree added, less removed and imgs-demo upgraded, and the commit tag", async () => {
    const { less, tree } = await expectedApt();
    const deps = engineDeps({ cwd: repo.dir, docker: () => { throw new Error("a diff of files must not touch the engine"); } });
    await runCli(["diff", manifests[0] ?? "", manifests[1] ?? "", "--hist-lines-dir", "out/hist-lines", "--json"], deps);
    const diff = JSON.parse(deps.out()) as BuildDiff;
    const changes = diff.ecosystems.filter((e: EcosystemDiff) => e.added.length + e.removed.length + e.changed.length > 0);
    expect(changes.map(({ ecosystem, added, removed, changed }) => ({ ecosystem, added, removed, changed }))).toEqual([
      { ecosystem: "apt", added: [{ name: "tree", version: tree }], removed: [{ name: "less", version: less }], changed: [{ name: "imgs-demo", from: "1.0", to: "1.1" }] },
    ]);
    expect(diff.ecosystems.map((e) => e.ecosystem)).toEqual(["apt", "os", "pip"]);
    expect(diff.tags).toEqual({ added: [], removed: [], changed: [{ from: commits[0]?.slice(0, 12), to: commits[1]?.slice(0, 12) }] });
  });

  it("prints each piece's package rows with imgs manifest --json", async () => {
    const { less } = await expectedApt();
    interface Printed { images: Record<string, { manifest: { pieces: Array<{ title: string; packages?: Array<{ ecosystem: string; name: string; version: string; source: string }> }> } }> }
    const pieces = (JSON.parse(jsonOutputs[0] ?? "{}") as Printed).images.scientific?.manifest.pieces ?? [];
    expect(pieces.map((p) => [p.title, p.packages?.[0]?.ecosystem])).toEqual([
      ["Build Info", undefined],
      ["Apt Packages", "apt"],
      ["OS Release", "os"],
      ["Pip Packages", "pip"],
    ]);
    const apt = pieces.find((p) => p.title === "Apt Packages")?.packages ?? [];
    const row = apt.find((p) => p.name === "less");
    expect([row?.ecosystem, row?.version]).toEqual(["apt", less]);
    // The line of `apt list --installed` it was read from, e.g. "less/now 590-2.1~deb12u2 amd64 [installed,local]".
    expect(row?.source.startsWith("less/") && row.source.split(" ")[1] === less).toBe(true);
  });

  it("prints the same three as text and Markdown through the binary", async () => {
    const { less, tree } = await expectedApt();
    const text = await runBin(["diff", manifests[0] ?? "", manifests[1] ?? "", "--hist-lines-dir", "out/hist-lines"], repo.dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^apt: 1 added, 1 removed, 1 changed, \d+ unchanged$/m);
    expect(text.stdout).toContain(`  + tree ${tree}\n  - less ${less}\n  ~ imgs-demo 1.0 → 1.1\n`);
    expect(text.stdout).toMatch(/^pip: no change \(\d+ packages\)$/m);
    const markdown = await runBin(["diff", manifests[0] ?? "", manifests[1] ?? "", "--format", "markdown"], repo.dir);
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout).toContain(`| Package | Before | After |\n| - | - | - |\n| tree | | ${tree} |\n| less | ${less} | |\n| imgs-demo | 1.0 | 1.1 |\n`);
    // No --hist-lines-dir and no history line beside the manifests: tags are not known, and said so.
    expect(markdown.stdout).toContain("### Tags\n\nNot known");
  });

  it("computes the same three from the two images, with their local tags", async () => {
    const bin = await runBin(["diff", `${REPO}:build1`, `${REPO}:build2`, "--image", "scientific", "--git-dir", repo.dir, "--json"], repo.dir);
    expect(bin.code, bin.stderr).toBe(0);
    const diff = JSON.parse(bin.stdout) as BuildDiff;
    const apt = diff.ecosystems.find((e) => e.ecosystem === "apt");
    expect([apt?.added.map((p) => p.name), apt?.removed.map((p) => p.name), apt?.changed]).toEqual([
      ["tree"],
      ["less"],
      [{ name: "imgs-demo", from: "1.0", to: "1.1" }],
    ]);
    expect(diff.ecosystems.filter((e: EcosystemDiff) => e.added.length + e.removed.length + e.changed.length > 0)).toHaveLength(1);
    // build1 carries only its own tag; build2 carries build2 and latest.
    expect(diff.tags).toEqual({ added: ["latest"], removed: [], changed: [{ from: "build1", to: "build2" }] });
  });

  it("exits 2 for a format it does not know and a manifest file that does not exist", async () => {
    const format = await runBin(["diff", manifests[0] ?? "", manifests[1] ?? "", "--format", "xml"], repo.dir);
    expect([format.code, format.stderr]).toEqual([2, expect.stringMatching(/Invalid values:\s+Argument: format, Given: "xml"/)]);
    const missing = await runBin(["diff", "out/manifests/nope.md", manifests[1] ?? ""], repo.dir);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("no build manifest file")]);
  });
});
