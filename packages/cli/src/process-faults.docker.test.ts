import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeImage, tagImage } from "@imgs/runner";
import { BUSYBOX, containersWithLabel, makeGitRepo, type GitRepoFixture, processDocker } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImgs, startImgs } from "./__fixtures__/imgs-process.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

// Faults of the process itself, each through the imgs binary: a config or plugin that calls
// process.exit, throws from a timer, leaves a rejection unhandled or prints to stdout, and a
// reader that goes away. Each stops the run, removes its container before the process ends,
// says what happened and where, and exits with a status that says so.

const OWNER = `imgs-test-faults-${process.pid}`;
const IMAGE = `imgs.localhost/${OWNER}/box:latest`;

let repo: GitRepoFixture;
let dir: string;

beforeAll(async () => {
  await tagImage(BUSYBOX, IMAGE, engine);
  repo = makeGitRepo({ "README.md": "faults\n" });
  dir = mkdtempSync(join(tmpdir(), "imgs-faults-"));
});

afterAll(async () => {
  await removeImage(IMAGE, engine).catch(() => undefined);
  repo?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A one-image config whose image has one more tagger, written as JavaScript (`body` defines `extra`). */
function configWith(name: string, body: string): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `${body}\nexport default { registry: "imgs.localhost", owner: ${JSON.stringify(OWNER)}, images: { box: { taggers: ["commit-sha", extra] } } };\n`,
  );
  return file;
}

function caseEnv(): { label: string; env: NodeJS.ProcessEnv } {
  const label = `dev.imgs.test-case=${randomUUID()}`;
  return { label, env: { IMGS_CONTAINER_LABELS: [process.env.IMGS_CONTAINER_LABELS, label].filter(Boolean).join(",") } };
}

/** Run `imgs tag box` with a config; the run's result and the containers of its label left at its exit. */
async function tagWith(config: string, extra: readonly string[] = []) {
  const { label, env } = caseEnv();
  const tags = mkdtempSync(join(dir, "tags-"));
  const run = startImgs(["tag", "box", "-c", config, "--tags-dir", tags, "--no-cache", ...extra], { cwd: repo.dir, env });
  const ended = await run.ended;
  const left = await containersWithLabel(label);
  await run.closed;
  return { ...ended, stdout: run.stdout(), stderr: run.stderr(), left, files: readdirSync(tags) };
}

describe("faults of the imgs process", { timeout: 60_000 }, () => {
  it("process.exit called by a tagger: the run stops, its container is removed, the call and its line are named, exit 1", async () => {
    const config = configWith("exit-in-tagger", 'const extra = Object.defineProperty(async () => { process.exit(0); }, "name", { value: "quitter" });');
    const result = await tagWith(config);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`imgs: process.exit(0) was called at file://${config}:1:`);
    expect(result.stderr).toMatch(/ during the run; imgs stopped the run instead and removed its containers \[PROCESS_EXIT_CALLED\]\n$/);
    expect(result.left).toEqual([]);
    expect(result.files).toEqual([]);
  });

  it("process.exit called while the config loads: exit 1 naming the config's line, nothing started", async () => {
    const config = configWith("exit-at-load", "process.exit(3);\nconst extra = 'date';");
    const result = await tagWith(config);
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 1,
      stderr: `imgs: process.exit(3) was called at file://${config}:1:9 during the run; imgs stopped the run instead and removed its containers [PROCESS_EXIT_CALLED]\n`,
    });
  });

  it("an exception thrown from a plugin's timer: the run stops, its container is removed, exit 1", async () => {
    const config = configWith(
      "timer",
      'const extra = Object.defineProperty(async ({ container }) => { setTimeout(() => { throw new Error("late boom"); }, 300); await container.exec(["sleep", "10"]); return "x"; }, "name", { value: "timer" });',
    );
    const result = await tagWith(config);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`imgs: uncaught exception at file://${config}:1:\\d+: late boom; the run was stopped \\[UNCAUGHT_EXCEPTION\\]\\n$`));
    expect(result.left).toEqual([]);
  });

  it("a rejection nobody handles: the run stops, its container is removed, exit 1", async () => {
    const config = configWith(
      "rejection",
      'const extra = Object.defineProperty(async ({ container }) => { Promise.reject(new Error("nobody catches me")); await container.exec(["sleep", "10"]); return "x"; }, "name", { value: "rejecter" });',
    );
    const result = await tagWith(config);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`imgs: unhandled promise rejection at file://${config}:1:\\d+: nobody catches me; the run was stopped \\[UNHANDLED_REJECTION\\]\\n$`));
    expect(result.left).toEqual([]);
  });

  it("a config or plugin that prints to stdout does not corrupt --json: what it prints goes to stderr", async () => {
    const config = configWith(
      "printer",
      'console.log("hello from the config");\nconsole.info({ loud: true });\n' +
        'const extra = Object.defineProperty(async () => { process.stdout.write("raw noise\\n"); console.log("tagger noise"); return "x"; }, "name", { value: "noisy" });',
    );
    const result = await tagWith(config, ["--json"]);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { images: Record<string, { tags: string[] }> };
    expect(Object.keys(json.images)).toEqual(["box"]);
    expect(result.stderr).toContain("hello from the config\n{ loud: true }\n");
    expect(result.stderr).toContain("raw noise\n");
    expect(result.stderr).toContain("tagger noise\n");
  });

  it("a tagger whose promise nothing will settle: the run stops at once instead of Node's silent exit 13, its container removed", async () => {
    const config = configWith("never", 'const extra = Object.defineProperty(() => new Promise(() => {}), "name", { value: "never" });');
    const result = await tagWith(config, ["--timeout", "0"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/imgs: the run can never finish: it waits for a promise that nothing is left to settle .*; the run was stopped \[RUN_STALLED\]\n$/);
    expect(result.left).toEqual([]);
  });

  it("a closed stdout (imgs … | head -c 0): says so on stderr, leaves no container, exits 141", async () => {
    const config = configWith(
      "slow-printer",
      'const extra = Object.defineProperty(async ({ container }) => { await container.exec(["sleep", "2"]); return "x"; }, "name", { value: "slow" });',
    );
    const { label, env } = caseEnv();
    const run = startImgs(["tag", "box", "-c", config, "--tags-dir", join(dir, "closed-stdout"), "--no-cache"], { cwd: repo.dir, env });
    run.child.stdout.destroy();
    const ended = await runUntilExit(run);
    // imgs writes its list of files at the end; the closed pipe fails that write, after the work.
    expect(ended.status).toBe(141);
    expect(run.stderr()).toMatch(/imgs: stdout was closed \(write EPIPE\): imgs stopped, removing this run's containers \[OUTPUT_CLOSED\]\n$/);
    expect(await containersWithLabel(label)).toEqual([]);
  });

  it("a run without faults still exits 0 with the watch in place", async () => {
    const config = configWith("plain", 'const extra = "date";');
    const result = await runImgs(["tag", "box", "-c", config, "--tags-dir", join(dir, "plain")], { cwd: repo.dir });
    expect({ status: result.status, stderr: result.stderr.includes("FAILED") }).toEqual({ status: 0, stderr: false });
  });
});

async function runUntilExit(run: ReturnType<typeof startImgs>) {
  const ended = await run.ended;
  await run.closed;
  return ended;
}
