import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitsRepo, HOME_TEMPLATE, writeOldManifests, writeRuns, type Run } from "../__fixtures__/wiki-history.js";
import { capturedDeps } from "../__fixtures__/captured-deps.js";
import { runCli } from "../cli.js";

// Acceptance 1 of the build-history issue: docker-stacks' own wiki/update_wiki.py and `imgs wiki`
// on the same manifests, history lines, Home template and repository, over three months of
// builds in three updates, give byte-identical wiki folders after every update. With a
// docker-stacks checkout in DOCKER_STACKS_DIR (and Debian's python3-tabulate, python3-plumbum,
// python3-dateutil) its code runs; without one, the same test compares against expected files
// made by running it once (src/__golden__/wiki, rewritten with IMGS_UPDATE_GOLDEN=1).
const DOCKER_STACKS_DIR = process.env.DOCKER_STACKS_DIR;
const GOLDEN = join(import.meta.dirname, "../__golden__/wiki");
const UPDATE_GOLDEN = process.env.IMGS_UPDATE_GOLDEN === "1";
const OLD_MANIFESTS = 4_490;
const REPOSITORY = "acme/stacks";

const dirs: string[] = [];
const temp = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `imgs-wiki-${name}-`));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })), 60_000);

/** Every file under `dir` as relative path -> content. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub))) {
      const path = join(dir, sub, name);
      if (statSync(path).isDirectory()) walk(join(sub, name));
      else files.set(join(sub, name), readFileSync(path, "utf8"));
    }
  };
  walk("");
  return files;
}

/** A Python 3 that has what update_wiki.py imports (Debian's /usr/bin/python3 with its python3-* packages). */
function pythonWithWikiDeps(): string {
  for (const python of ["/usr/bin/python3", "python3"]) {
    if (spawnSync(python, ["-c", "import tabulate, plumbum, dateutil"]).status === 0) return python;
  }
  throw new Error("DOCKER_STACKS_DIR is set but no python3 has tabulate, plumbum and dateutil (apt-get install python3-tabulate python3-plumbum python3-dateutil)");
}

// c1 in November twice, c2 over the November/December boundary, c3 on the last second of 2024 and
// the first of 2025 (the same manifest name in two months), c4 twice in January.
const C = ["1".repeat(40), "2".repeat(40), "3".repeat(40), "4".repeat(40)].map((c, i) => c.replace(/^./, "abcd"[i] ?? "a"));
const BATCHES: readonly Run[][] = [
  [
    { at: "2024-11-04T08:00:00Z", commit: C[0] ?? "", lab: "4.2.5" },
    { at: "2024-11-25T08:00:00Z", commit: C[1] ?? "", lab: "4.2.6" },
  ],
  [
    { at: "2024-11-25T08:00:00Z", commit: C[1] ?? "", lab: "4.2.6" },
    { at: "2024-12-02T08:00:00Z", commit: C[1] ?? "", lab: "4.3.0" },
    { at: "2024-12-31T23:59:59Z", commit: C[2] ?? "", lab: "4.3.1" },
  ],
  [
    { at: "2025-01-01T00:00:00Z", commit: C[2] ?? "", lab: "4.3.2" },
    { at: "2025-01-13T09:41:27Z", commit: C[3] ?? "", lab: "4.3.4" },
  ],
];

let repo: ReturnType<typeof commitsRepo>;
let template: string;
let dockerStacks: { wiki: string; run(inputs: { manifests: string; histLines: string }): void } | undefined;
let imgsWiki: string;
const inputs: Array<{ manifests: string; histLines: string }> = [];

beforeAll(() => {
  repo = commitsRepo();
  template = join(temp("template"), "Home.md");
  writeFileSync(template, HOME_TEMPLATE);
  BATCHES.forEach((runs) => inputs.push(writeRuns(temp("inputs"), runs, REPOSITORY)));
  imgsWiki = temp("imgs");
  writeOldManifests(imgsWiki, OLD_MANIFESTS);
  if (DOCKER_STACKS_DIR) {
    const python = pythonWithWikiDeps();
    // A copy of the checkout's wiki package, with our Home template where update_wiki.py reads it.
    const code = temp("docker-stacks");
    cpSync(join(DOCKER_STACKS_DIR, "wiki"), join(code, "wiki"), { recursive: true });
    writeFileSync(join(code, "wiki/Home.md"), HOME_TEMPLATE);
    const wiki = temp("docker-stacks-wiki");
    writeOldManifests(wiki, OLD_MANIFESTS);
    dockerStacks = {
      wiki,
      run: ({ manifests, histLines }) => {
        // cwd is the repository: update_wiki.py runs `git log` where it is started.
        execFileSync(python, ["-m", "wiki.update_wiki", "--wiki-dir", wiki, "--hist-lines-dir", histLines, "--manifests-dir", manifests, "--repository", REPOSITORY], {
          cwd: repo.dir,
          env: { ...process.env, PYTHONPATH: code },
          stdio: ["ignore", "ignore", "pipe"],
        });
      },
    };
  }
}, 120_000);
afterAll(() => repo?.remove());

async function imgsUpdate({ manifests, histLines }: { manifests: string; histLines: string }): Promise<ReturnType<typeof capturedDeps>> {
  const deps = capturedDeps({ cwd: repo.dir });
  await runCli(["wiki", "--wiki-dir", imgsWiki, "--manifests-dir", manifests, "--hist-lines-dir", histLines, "--repository", REPOSITORY, "--home-template", template], deps);
  return deps;
}

/** The expected wiki without docker-stacks: old manifests less the pruned ones, plus the golden files. */
function expectedFromGolden(): Map<string, string> {
  const old = temp("old");
  writeOldManifests(old, OLD_MANIFESTS);
  const expected = tree(old);
  for (const path of readFileSync(join(GOLDEN, "pruned.txt"), "utf8").split("\n").filter(Boolean)) expected.delete(path);
  for (const [path, content] of tree(join(GOLDEN, "files"))) expected.set(path, content);
  return expected;
}

function writeGolden(actual: Map<string, string>): void {
  const old = temp("old");
  writeOldManifests(old, OLD_MANIFESTS);
  const oldTree = tree(old);
  rmSync(GOLDEN, { recursive: true, force: true });
  for (const [path, content] of actual) {
    if (oldTree.get(path) === content) continue;
    const target = join(GOLDEN, "files", path);
    cpSync(join(imgsWiki, path), target);
    expect(readFileSync(target, "utf8")).toBe(content);
  }
  writeFileSync(join(GOLDEN, "pruned.txt"), `${[...oldTree.keys()].filter((p) => !actual.has(p)).sort().join("\n")}\n`);
}

describe("imgs wiki against docker-stacks' update_wiki.py", () => {
  it("gives byte-identical wiki folders after each of three updates over three months", async () => {
    for (const batch of inputs) {
      dockerStacks?.run(batch);
      await imgsUpdate(batch);
      if (dockerStacks) {
        const [ours, theirs] = [tree(imgsWiki), tree(dockerStacks.wiki)];
        expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
        for (const [path, content] of theirs) expect(ours.get(path), path).toBe(content);
      }
    }
    const final = tree(imgsWiki);
    if (UPDATE_GOLDEN) {
      if (!dockerStacks) throw new Error("IMGS_UPDATE_GOLDEN=1 needs DOCKER_STACKS_DIR: the expected files are docker-stacks' output");
      writeGolden(final);
    }
    const expected = expectedFromGolden();
    expect([...final.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, content] of expected) expect(final.get(path), path).toBe(content);
    // The runs pushed the wiki past 4,500 manifests: the oldest were pruned, the newest kept.
    expect([...final.keys()].filter((p) => p.startsWith("manifests/"))).toHaveLength(4500);
    expect(final.get("Home.md")).toContain("| [`2024-11`](./2024-11) |");
  }, 180_000);

  it("changes nothing when run again with the same inputs", async () => {
    const before = tree(imgsWiki);
    const mtimes = [...before.keys()].map((p) => statSync(join(imgsWiki, p)).mtimeMs);
    for (const batch of inputs) {
      const deps = await imgsUpdate(batch);
      expect(deps.out()).toBe("");
    }
    expect(tree(imgsWiki)).toEqual(before);
    expect([...before.keys()].map((p) => statSync(join(imgsWiki, p)).mtimeMs)).toEqual(mtimes);
  }, 120_000);

  it("reads the golden Home page's commit counts as git counts them", () => {
    const home = readFileSync(join(imgsWiki, "Home.md"), "utf8");
    const gitCount = (since: string, until: string): number =>
      execFileSync("git", ["log", "--oneline", "--first-parent", "--since", `${since}.midnight`, "--until", `${until}.midnight`], { cwd: repo.dir, env: { ...process.env, TZ: "UTC" }, encoding: "utf8" })
        .split("\n")
        .filter(Boolean).length;
    const link = (month: string, next: string, last: string): string => `[${gitCount(`${month}-01`, `${next}-01`)}](https://github.com/${REPOSITORY}/commits/main/?since=${month}-01&until=${month}-${last})`;
    expect(home).toContain(link("2024-11", "2024-12", "30"));
    expect(home).toContain(link("2024-12", "2025-01", "31"));
    expect(home).toContain(link("2025-01", "2025-02", "31"));
    expect(existsSync(join(imgsWiki, "monthly-files/2025/2025-01.md"))).toBe(true);
    expect(relative(imgsWiki, join(imgsWiki, "Home.md"))).toBe("Home.md");
  });
});
