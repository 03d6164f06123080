import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { removeImage, tagImage } from "@imgs/runner";
import { BUSYBOX, containersWithLabel, ensureExampleImages, makeGitRepo, recordContainerEvents, type ContainerEvent, type GitRepoFixture, processDocker } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runImgs, startImgs, type Ended, type ImgsProcess } from "./__fixtures__/imgs-process.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

// Issue 12, acceptance 1: runs of the imgs binary stopped in every way a run can be stopped, each
// run's containers counted through the engine's events. Every case asserts that no container of
// the run exists the moment the process has exited (the run removed them itself, not the engine's
// keep-alive fallback later), and that every container created was destroyed. --no-cache: every
// run starts its containers, whatever an earlier run stored.

const EXAMPLE_CONFIG = join(ROOT, "examples/debian-stack/imgs.config.ts");
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const STATUS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
/** Moments of the signal runs, spread evenly over a whole run. */
const MOMENTS = 20;

let repo: GitRepoFixture;
let work: string;

beforeAll(async () => {
  await ensureExampleImages();
  repo = makeGitRepo({ "README.md": "stress\n" }, { branch: "main" });
  work = mkdtempSync(join(tmpdir(), "imgs-stress-"));
});

afterAll(() => {
  repo?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** One case's label, on every container its run starts (besides the test run's own). */
function caseLabels(): { label: string; env: NodeJS.ProcessEnv } {
  const label = `dev.imgs.stress-case=${randomUUID()}`;
  return { label, env: { IMGS_CONTAINER_LABELS: [process.env.IMGS_CONTAINER_LABELS, label].filter(Boolean).join(",") } };
}

/** Output folders of one run, and the argv that points imgs at them. */
function outputs(): { dirs: string[]; argv: string[] } {
  const out = mkdtempSync(join(work, "out-"));
  const dirs = ["tags", "manifests", "hist-lines"].map((name) => join(out, name));
  return { dirs, argv: ["--tags-dir", dirs[0] ?? "", "--manifests-dir", dirs[1] ?? "", "--hist-lines-dir", dirs[2] ?? ""] };
}

/** Files in the output folders that are not whole outputs (a temporary file left behind). */
function partialFiles(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir).filter((name) => name.startsWith(".") || name.endsWith(".tmp"));
    } catch {
      return [];
    }
  });
}

/** What one run did to the engine: containers created, those still there at exit, those never destroyed. */
interface Census {
  readonly created: number;
  readonly leftAtExit: string[];
  readonly neverDestroyed: string[];
}

/** Run `start`, then `act` on it; count its containers at exit and, after the engine settles, through its events. */
async function observe(label: string, start: () => ImgsProcess, act: (run: ImgsProcess) => Promise<void> = () => Promise.resolve()): Promise<Census & { ended: Ended; run: ImgsProcess }> {
  const events = await recordContainerEvents([label]);
  const run = start();
  await act(run);
  const ended = await run.ended;
  const leftAtExit = await containersWithLabel(label);
  await run.closed;
  const log: ContainerEvent[] = await events.settle(30_000);
  const created = log.filter((e) => e.action === "create").map((e) => e.id);
  const destroyed = new Set(log.filter((e) => e.action === "destroy").map((e) => e.id));
  return { created: created.length, leftAtExit, neverDestroyed: created.filter((id) => !destroyed.has(id)), ended, run };
}

describe("imgs hook --all --jobs 4 on the example tree", () => {
  let wholeRunMs = 0;

  it("runs whole when nothing stops it: 4 containers made and removed, 12 files (the run the moments are spread over)", async () => {
    const { label, env } = caseLabels();
    const { dirs, argv } = outputs();
    const census = await observe(label, () => startImgs(["-c", EXAMPLE_CONFIG, "hook", "--all", "--jobs", "4", "--no-cache", ...argv], { cwd: repo.dir, env }));
    expect(census.run.stderr()).not.toContain("FAILED");
    expect(census.ended.status).toBe(0);
    expect(census.created).toBe(4);
    expect({ leftAtExit: census.leftAtExit, neverDestroyed: census.neverDestroyed }).toEqual({ leftAtExit: [], neverDestroyed: [] });
    expect(dirs.map((dir) => readdirSync(dir).length)).toEqual([4, 4, 4]);
    wholeRunMs = census.ended.ms;
  });

  it(`removes every container before it exits, whichever of SIGINT, SIGTERM and SIGHUP comes at whichever of ${MOMENTS} moments`, async () => {
    expect(wholeRunMs).toBeGreaterThan(0);
    const rows: Array<{ signal: string; atMs: number; status: number | null; killedBy: string | null; created: number; leftAtExit: number; neverDestroyed: number; partial: string[] }> = [];
    for (let moment = 0; moment < MOMENTS; moment++) {
      const signal = SIGNALS[moment % SIGNALS.length] ?? "SIGINT";
      const atMs = Math.round((wholeRunMs * (moment + 0.5)) / MOMENTS);
      const { label, env } = caseLabels();
      const { dirs, argv } = outputs();
      const census = await observe(
        label,
        () => startImgs(["-c", EXAMPLE_CONFIG, "hook", "--all", "--jobs", "4", "--no-cache", ...argv], { cwd: repo.dir, env }),
        async (run) => {
          await sleep(atMs);
          run.child.kill(signal);
        },
      );
      rows.push({
        signal,
        atMs,
        status: census.ended.status,
        killedBy: census.ended.signal,
        created: census.created,
        leftAtExit: census.leftAtExit.length,
        neverDestroyed: census.neverDestroyed.length,
        partial: partialFiles(dirs),
      });
    }
    // One table, so a failure shows every moment at once.
    const bad = rows.filter((r) => r.leftAtExit > 0 || r.neverDestroyed > 0 || r.partial.length > 0);
    expect(bad, JSON.stringify(rows, null, 1)).toEqual([]);
    for (const row of rows) {
      // Before bin.ts installs its handlers no container exists and the signal's default ends node;
      // a run that finished before its moment exits 0.
      const stopped = row.status === STATUS[row.signal as keyof typeof STATUS] || row.killedBy === row.signal || row.status === 0;
      expect(stopped, JSON.stringify(row)).toBe(true);
    }
    // The moments did meet containers: most runs were stopped while theirs existed.
    expect(rows.filter((r) => r.created > 0).length, JSON.stringify(rows)).toBeGreaterThanOrEqual(MOMENTS / 2);
  });

  it("SIGKILL, which no handler sees, then imgs cleanup: no container of the killed run is left", async () => {
    const { label, env } = caseLabels();
    const { argv } = outputs();
    const census = await observe(
      label,
      () => startImgs(["-c", EXAMPLE_CONFIG, "hook", "--all", "--jobs", "4", "--no-cache", ...argv], { cwd: repo.dir, env }),
      async (run) => {
        for (let waited = 0; (await containersWithLabel(label)).length < 2; waited += 50) {
          if (waited > 60_000) throw new Error(`the run made no containers in 60 s: ${run.stderr()}`);
          await sleep(50);
        }
        run.child.kill("SIGKILL");
        await run.ended;
        const cleanup = await runImgs(["cleanup"], { cwd: repo.dir, env });
        expect(cleanup.stderr).toBe("");
        expect(cleanup.status).toBe(0);
      },
    );
    expect(census.ended.signal).toBe("SIGKILL");
    expect(census.created).toBeGreaterThanOrEqual(2);
    expect(census.neverDestroyed).toEqual([]);
  });

  /** Read the merged output until `enough` says so, then go away as `head` does (both pipes closed). */
  async function readerGoesAway(run: ImgsProcess, enough: (lines: number) => Promise<boolean>): Promise<number> {
    let lines = 0;
    await new Promise<void>((resolve) => {
      let deciding = false;
      const onData = (chunk: Buffer): void => {
        lines += chunk.toString().split("\n").length - 1;
        if (deciding) return;
        deciding = true;
        void enough(lines).then((done) => {
          deciding = false;
          if (!done) return;
          run.child.stderr.off("data", onData);
          run.child.stdout.destroy();
          run.child.stderr.destroy();
          resolve();
        });
      };
      run.child.stderr.on("data", onData);
    });
    return lines;
  }

  it("a closed stderr pipe (imgs … 2>&1 | head -n 2): stops the run, leaves no container, exits 141", async () => {
    const { label, env } = caseLabels();
    const { argv } = outputs();
    let lines = 0;
    const census = await observe(
      label,
      () => startImgs(["-c", EXAMPLE_CONFIG, "hook", "--all", "--jobs", "4", "--no-cache", ...argv], { cwd: repo.dir, env }),
      async (run) => {
        lines = await readerGoesAway(run, (seen) => Promise.resolve(seen >= 2));
      },
    );
    expect(lines).toBeGreaterThanOrEqual(2);
    expect(census.ended.status).toBe(141);
    expect({ leftAtExit: census.leftAtExit, neverDestroyed: census.neverDestroyed }).toEqual({ leftAtExit: [], neverDestroyed: [] });
  });

  it("a reader that goes away while the run's containers work: stops the run, removes them, exits 141", async () => {
    const { label, env } = caseLabels();
    const { argv } = outputs();
    const census = await observe(
      label,
      () => startImgs(["-c", EXAMPLE_CONFIG, "hook", "--all", "--jobs", "4", "--no-cache", ...argv], { cwd: repo.dir, env }),
      async (run) => {
        await readerGoesAway(run, async () => (await containersWithLabel(label)).length > 0);
      },
    );
    expect(census.ended.status).toBe(141);
    expect(census.created).toBeGreaterThan(0);
    expect({ leftAtExit: census.leftAtExit, neverDestroyed: census.neverDestroyed }).toEqual({ leftAtExit: [], neverDestroyed: [] });
  });

  it("a plugin that throws from a timer: stops the run, removes its containers, names the plugin's line, exits 1", async () => {
    const { label, env } = caseLabels();
    const { argv } = outputs();
    const dir = mkdtempSync(join(work, "plugin-"));
    writeFileSync(
      join(dir, "timer-plugin.mjs"),
      [
        "export const taggers = [",
        "  async function timerBomb({ container }) {",
        '    setTimeout(() => { throw new Error("the plugin\'s timer went off"); }, 1000);',
        '    await container.exec(["sleep", "5"]);',
        '    return "never";',
        "  },",
        "];",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(dir, "imgs.config.mjs"),
      `import example from ${JSON.stringify(EXAMPLE_CONFIG)};\n` +
        "const { scientific } = example.images;\n" +
        'export default { ...example, plugins: ["./timer-plugin.mjs"], images: { ...example.images, scientific: { ...scientific, taggers: [...scientific.taggers, "timerBomb"] } } };\n',
    );
    const census = await observe(label, () => startImgs(["-c", join(dir, "imgs.config.mjs"), "hook", "--all", "--jobs", "4", "--no-cache", ...argv], { cwd: repo.dir, env }));
    expect(census.ended.status).toBe(1);
    expect(census.run.stderr()).toMatch(/imgs: uncaught exception at file:\/\/\S+\/timer-plugin\.mjs:3:\d+: the plugin's timer went off; the run was stopped \[UNCAUGHT_EXCEPTION\]\n$/);
    expect(census.created).toBeGreaterThan(0);
    expect({ leftAtExit: census.leftAtExit, neverDestroyed: census.neverDestroyed }).toEqual({ leftAtExit: [], neverDestroyed: [] });
  });
});

describe("imgs tag --all --jobs 4 on a tree of 24 busybox images", () => {
  const OWNER = `imgs-stress-${process.pid}`;
  const NAMES = Array.from({ length: 24 }, (_, i) => `leaf${i}`);
  const ref = (name: string): string => `imgs.localhost/${OWNER}/${name}:latest`;
  let config = "";

  beforeAll(async () => {
    await Promise.all(NAMES.map((name) => tagImage(BUSYBOX, ref(name), engine)));
    config = join(work, "busybox-tree.yaml");
    const images = NAMES.map((name, i) => `  ${name}:\n${i === 0 ? "" : "    parent: leaf0\n"}    taggers: [{name: busybox, command: [busybox], pattern: 'v(\\d+\\.\\d+)'}]\n`);
    writeFileSync(config, `registry: imgs.localhost\nowner: ${OWNER}\nimages:\n${images.join("")}`);
  });

  afterAll(async () => {
    for (const name of NAMES) await removeImage(ref(name), engine).catch(() => undefined);
  });

  it("never starts a queued image's container after a stop: none left over 5 interrupts", async () => {
    const first = await runImgs(["-c", config, "tag", "--all", "--jobs", "4", "--no-cache", "--quiet", "--tags-dir", join(work, "tree-tags")], { cwd: repo.dir });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const rows: Array<{ atMs: number; created: number; leftAtExit: number; neverDestroyed: number }> = [];
    for (let moment = 0; moment < 5; moment++) {
      const atMs = Math.round((first.ms * (moment + 1)) / 6);
      const { label, env } = caseLabels();
      const census = await observe(
        label,
        () => startImgs(["-c", config, "tag", "--all", "--jobs", "4", "--no-cache", "--quiet", "--tags-dir", join(work, "tree-tags")], { cwd: repo.dir, env }),
        async (run) => {
          await sleep(atMs);
          run.child.kill("SIGINT");
        },
      );
      rows.push({ atMs, created: census.created, leftAtExit: census.leftAtExit.length, neverDestroyed: census.neverDestroyed.length });
    }
    expect(rows.filter((r) => r.leftAtExit > 0 || r.neverDestroyed > 0), JSON.stringify(rows)).toEqual([]);
    expect(rows.filter((r) => r.created > 0).length, JSON.stringify(rows)).toBeGreaterThanOrEqual(3);
  });
});
