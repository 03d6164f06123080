import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildInfoPiece, buildTimestamp, historyLine, manifestBaseName, renderManifest, tagPrefix } from "@imgs/manifests";
import { isolatedGitEnv, makeGitRepo, type GitRepoFixture } from "@imgs/test-utils";

// Three months of docker-stacks-like builds for the wiki tests: each run builds base-notebook on
// both platforms and julia-notebook on x86_64, with manifests and history lines made by imgs'
// writers (byte-identical to docker-stacks' write_manifest), and a repository whose first-parent
// commits fall on both sides of the month boundaries.

/** One build run: when, and which commit. */
export interface Run {
  readonly at: string;
  readonly commit: string;
  /** Version of the "jupyterlab" apt-like package, so builds differ in their packages. */
  readonly lab: string;
  /** One more package line in the apt list, e.g. "tree/noble,now 2.1.1-2 amd64 [installed]". */
  readonly extra?: string;
}

const IMAGES: ReadonlyArray<{ image: string; platform: string }> = [
  { image: "base-notebook", platform: "x86_64" },
  { image: "base-notebook", platform: "aarch64" },
  { image: "julia-notebook", platform: "x86_64" },
];

/** Writes the manifests and history lines of `runs` into `<dir>/manifests` and `<dir>/hist-lines`. */
export function writeRuns(dir: string, runs: readonly Run[], repository = "acme/stacks"): { manifests: string; histLines: string } {
  const manifests = join(dir, "manifests");
  const histLines = join(dir, "hist-lines");
  mkdirSync(manifests, { recursive: true });
  mkdirSync(histLines, { recursive: true });
  runs.forEach((run, i) => {
    const timestamp = buildTimestamp(new Date(run.at));
    for (const { image, platform } of IMAGES) {
      const names = { platform, variant: "default", image, commit: run.commit };
      const fullImage = `quay.io/acme/${image}`;
      const pieces = [
        buildInfoPiece({ buildTimestamp: timestamp, fullImage, commit: run.commit, message: `Build ${run.commit.slice(0, 12)}`, size: 1_050_000_000 + (Date.parse(run.at) % 997), repository }),
        {
          title: "Apt Packages",
          sections: [`\`apt list --installed\`:\n\n\`\`\`text\nListing...\nbash/noble,now 5.2.21-2ubuntu4 amd64 [installed]\njupyterlab/noble,now ${run.lab} all [installed]${run.extra === undefined ? "" : `\n${run.extra}`}\n\`\`\``],
        },
      ];
      // Each run in its own subfolder, as CI downloads each job's artifacts apart (update_wiki.py uses rglob).
      const sub = `run-${String(i).padStart(2, "0")}`;
      mkdirSync(join(manifests, sub), { recursive: true });
      mkdirSync(join(histLines, sub), { recursive: true });
      writeFileSync(join(manifests, sub, `${manifestBaseName(names)}.md`), renderManifest({ image, commit: run.commit, pieces }));
      const values = [run.commit.slice(0, 12), run.at.slice(0, 10), `lab-${run.lab}`];
      const line = historyLine({ buildTimestamp: timestamp, fullImage, image, prefix: tagPrefix(names), values, commit: run.commit, repository, manifestName: manifestBaseName(names) });
      writeFileSync(join(histLines, sub, `${manifestBaseName(names)}.txt`), line);
    }
  });
  return { manifests, histLines };
}

/**
 * A repository whose first-parent history has commits on both sides of every boundary of
 * 2024-11 .. 2025-01, a merged side branch, and one commit dated back in time.
 */
export function commitsRepo(): GitRepoFixture & { commits: string[] } {
  const repo = makeGitRepo({ "README.md": "stacks\n" }, { date: "2024-10-31T23:59:59Z" });
  const commits = [repo.git("rev-parse", "HEAD")];
  const add = (date: string): void => void commits.push(repo.commit(`commit ${date}`, date));
  add("2024-11-01T00:00:00Z");
  add("2024-11-15T10:00:00Z");
  repo.git("checkout", "--quiet", "-b", "side");
  repo.commit("side", "2024-11-16T10:00:00Z");
  repo.git("checkout", "--quiet", "main");
  execFileSync("git", ["merge", "--quiet", "--no-ff", "-m", "merge side", "side"], { cwd: repo.dir, env: isolatedGitEnv("2024-11-20T10:00:00Z") });
  commits.push(repo.git("rev-parse", "HEAD"));
  add("2024-12-01T00:00:00Z");
  add("2024-12-15T10:00:00Z");
  add("2025-01-10T10:00:00Z");
  add("2024-12-20T10:00:00Z");
  add("2025-01-25T10:00:00Z");
  return Object.assign(repo, { commits });
}

/** The Home template both tools get: the marker, {REPOSITORY}, Python's escaped braces, prose after the marker. */
export const HOME_TEMPLATE = `# Acme stacks build manifests

Clone with \`git clone git@github.com:{REPOSITORY}.wiki.git\`; {{literal braces}} stay.

<!-- YEAR_MONTHLY_TABLES -->

This line is after the marker and is cut off.
`;

/**
 * Old manifests already in the wiki (years before the runs), so that the runs push the count past
 * 4,500 and the oldest are pruned; some share a timestamp, so the path decides between them.
 */
export function writeOldManifests(wikiDir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2019, 0, 1) + Math.floor(i / 3) * 3_600_000);
    const ts = buildTimestamp(at);
    const month = ts.slice(0, 7);
    const dir = join(wikiDir, "manifests", month.slice(0, 4), month);
    mkdirSync(dir, { recursive: true });
    const name = `x86_64-default-old-${String(i % 7).padStart(2, "0")}-${(i * 2654435761 % 2 ** 32).toString(16).padStart(12, "0")}`;
    writeFileSync(join(dir, `${name}.md`), `# Build manifest for image: old:${name.slice(-12)}\n\n## Build Info\n\n- Build timestamp: ${ts}\n`);
  }
}
