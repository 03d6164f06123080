import { execFile, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { BUSYBOX, docker, makeGitRepo, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `imgs cleanup` and the doctor's leftovers check, through the binary, on containers made with the
// docker CLI as runs would leave them, and on a real `imgs tag` run killed with SIGKILL.
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const OWNER = `imgs-test-cleanup-${process.pid}`;
const NO_CAT = `imgs.localhost/${OWNER}/nocat:latest`;
const WITH_CAT = `imgs.localhost/${OWNER}/withcat:latest`;
const HOST = hostname();
// The binary from source, runnable from any working folder (a bare `--import tsx` resolves from the cwd).
const BIN = ["--import", import.meta.resolve("tsx"), join(ROOT, "packages/cli/src/bin.ts")];

let repo: GitRepoFixture;
let buildDir: string;

/** A pid that no process has: one of a process that has just exited. */
function deadPid(): number {
  const child = spawnSync("true");
  return child.pid ?? 0;
}

/** The labels of a test case: this test run's, plus one of its own, as IMGS_CONTAINER_LABELS. */
function caseEnv(): { env: NodeJS.ProcessEnv; label: string } {
  const label = `dev.imgs.test-case=${randomUUID()}`;
  return { env: { ...process.env, IMGS_CONTAINER_LABELS: [process.env.IMGS_CONTAINER_LABELS, label].filter(Boolean).join(",") }, label };
}

/** Make a container with the docker CLI, labelled as a run would; returns its id. */
async function runLike(caseLabel: string, labels: Record<string, string>): Promise<string> {
  const runLabels = [process.env.IMGS_CONTAINER_LABELS, caseLabel, "dev.imgs.managed=true"].filter(Boolean).join(",").split(",");
  const all = [...runLabels, ...Object.entries(labels).map(([key, value]) => `${key}=${value}`)];
  const out = await docker("create", ...all.flatMap((label) => ["--label", label]), BUSYBOX, "sleep", "3600");
  return out.trim();
}

const owner = (pid: number, host = HOST, timeLimit = "86400"): Record<string, string> => ({
  "dev.imgs.run": `run-${pid}-${host}`,
  "dev.imgs.host": host,
  "dev.imgs.pid": String(pid),
  "dev.imgs.time-limit": timeLimit,
});

/** Ids of the containers (any state) with a label. */
async function idsWith(label: string): Promise<string[]> {
  return (await docker("ps", "--all", "--quiet", "--no-trunc", "--filter", `label=${label}`)).split("\n").filter(Boolean).sort();
}

/** Run the imgs binary; its exit code and output. */
function imgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...BIN, ...argv], { cwd, env, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  repo = makeGitRepo({ "README.md": "cleanup\n" });
  buildDir = mkdtempSync(join(tmpdir(), "imgs-cleanup-"));
  // An image without `cat`: its container falls back to docker-stacks' `sleep infinity`, which does not end with the run.
  writeFileSync(join(buildDir, "Dockerfile"), `FROM ${BUSYBOX}\nRUN rm /bin/cat\n`);
  await docker("build", "--quiet", "--tag", NO_CAT, buildDir);
  await docker("tag", BUSYBOX, WITH_CAT);
});

afterAll(async () => {
  await docker("rmi", NO_CAT, WITH_CAT).catch(() => undefined);
  rmSync(buildDir, { recursive: true, force: true });
  repo?.[Symbol.dispose]();
});

describe("imgs cleanup", () => {
  it("removes the containers of dead runs and expired foreign ones, keeps the rest, and says why", async () => {
    const { env, label } = caseEnv();
    const dead = await runLike(label, owner(deadPid()));
    const live = await runLike(label, owner(process.pid));
    const foreign = await runLike(label, owner(4242, "build-host-elsewhere"));
    const expired = await runLike(label, owner(4242, "build-host-elsewhere", "1"));
    const legacy = await runLike(label, {});
    await sleep(2100); // past the expired one's time limit of 1 s
    try {
      const dry = await imgs(["cleanup", "--dry-run"], env);
      expect(dry).toMatchObject({ code: 0, stderr: "" });
      expect(dry.stdout).toMatch(new RegExp(`^would remove +${dead.slice(0, 12)} ${BUSYBOX} \\(created\\): its run run-\\d+-${HOST} is gone \\(no process \\d+ on this host\\)$`, "m"));
      expect(dry.stdout).toMatch(new RegExp(`^kept +${live.slice(0, 12)} .*: its run run-${process.pid}-${HOST} is alive \\(process ${process.pid} on this host\\)$`, "m"));
      expect(dry.stdout).toMatch(new RegExp(`^kept +${foreign.slice(0, 12)} .*made by run run-4242-build-host-elsewhere on host build-host-elsewhere; it may belong to a live run until its time limit passes at `, "m"));
      expect(dry.stdout).toMatch(new RegExp(`^would remove +${expired.slice(0, 12)} .*made by run run-4242-build-host-elsewhere on host build-host-elsewhere [\\d.]+ h ago, past its time limit of 0 h$`, "m"));
      expect(dry.stdout).toMatch(new RegExp(`^kept +${legacy.slice(0, 12)} .*made without a run id \\(an older imgs\\); it may belong to a live run`, "m"));
      expect(dry.stdout.trimEnd().split("\n").at(-1)).toBe("would remove 2 container(s) of runs that no longer exist; kept 3 that may belong to a live run");
      expect(await idsWith(label)).toHaveLength(5);

      const real = await imgs(["cleanup", "--json"], env);
      expect(real.code).toBe(0);
      const json = JSON.parse(real.stdout) as { dryRun: boolean; removed: string[]; containers: { id: string; leftover: boolean }[] };
      expect(json.dryRun).toBe(false);
      expect([...json.removed].sort()).toEqual([dead, expired].sort());
      expect(json.containers).toHaveLength(5);
      expect(await idsWith(label)).toEqual([live, foreign, legacy].sort());
    } finally {
      await docker("rm", "--force", ...(await idsWith(label))).catch(() => undefined);
    }
  });

  it("after SIGKILL of `imgs tag`, leaves nothing when the image has `cat`, and `imgs cleanup` removes the `sleep` fallback's container", async () => {
    const config = join(repo.dir, "imgs.config.yaml");
    writeFileSync(
      config,
      `registry: imgs.localhost\nowner: ${OWNER}\nimages:\n` +
        ["nocat", "withcat"].map((name) => `  ${name}:\n    taggers:\n      - {name: slow, command: [sleep, '60'], pattern: '.+'}\n`).join(""),
    );
    for (const image of ["withcat", "nocat"]) {
      const { env, label } = caseEnv();
      const child = spawn(process.execPath, [...BIN, "tag", image, "-c", config, "--tags-dir", join(buildDir, "tags")], {
        cwd: repo.dir,
        env,
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        // Wait until the run's container is up and its `sleep 60` runs.
        for (let waited = 0; (await idsWith(label)).length === 0 || !(await docker("ps", "--filter", `label=${label}`, "--format", "{{.ID}}")); waited += 200) {
          if (waited > 60_000) throw new Error(`no container of imgs tag ${image} after 60 s`);
          await sleep(200);
        }
        const [id = ""] = await idsWith(label);
        const keepAlive = (await docker("inspect", "--format", '{{index .Config.Labels "dev.imgs.keep-alive"}} {{index .Config.Labels "dev.imgs.pid"}}', id)).trim();
        expect(keepAlive).toBe(`${image === "nocat" ? "sleep" : "watch"} ${child.pid}`);
        child.kill("SIGKILL");
        await exited;
        if (image === "withcat") {
          // The engine ends and removes the watched container by itself.
          for (let waited = 0; (await idsWith(label)).length > 0; waited += 200) {
            if (waited > 20_000) throw new Error("the watched container stayed after SIGKILL");
            await sleep(200);
          }
          expect((await imgs(["cleanup"], env)).stdout.trim()).toBe("no imgs containers on the engine");
        } else {
          expect(await idsWith(label)).toEqual([id]);
          const cleanup = await imgs(["cleanup"], env);
          expect(cleanup.code).toBe(0);
          expect(cleanup.stdout).toContain(`removed      ${id.slice(0, 12)} ${NO_CAT} (running): its run `);
          expect(await idsWith(label)).toEqual([]);
        }
      } finally {
        child.kill("SIGKILL");
        const left = await idsWith(label);
        if (left.length > 0) await docker("rm", "--force", ...left);
      }
    }
  }, 180_000);
});

describe("imgs doctor", () => {
  it("removes containers of runs that no longer exist, keeps live ones, and reports it", async () => {
    const { env, label } = caseEnv();
    const dead = await runLike(label, owner(deadPid()));
    const live = await runLike(label, owner(process.pid));
    try {
      const { code, stdout } = await imgs(["doctor", "--json", "--image", BUSYBOX], env, repo.dir);
      const { checks } = JSON.parse(stdout) as { checks: { name: string; ok: boolean; detail: string }[] };
      expect(checks.map((c) => [c.name, c.ok])).toEqual([
        ["engine", true],
        ["container", true],
        ["leftovers", true],
        ["git", true],
      ]);
      expect(checks[2]?.detail).toBe(`removed 1 left by runs that no longer exist (${dead.slice(0, 12)}); 1 of runs that may be alive kept`);
      expect(code).toBe(0);
      expect(await idsWith(label)).toEqual([live]);
    } finally {
      await docker("rm", "--force", ...(await idsWith(label))).catch(() => undefined);
    }
  });
});
