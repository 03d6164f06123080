import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { BUSYBOX, docker, makeGitRepo, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The engine goes away in the middle of a command: imgs talks to the real engine through a unix
// socket proxy that the test then shuts, as a dockerd that stops or a socket that vanishes would.
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const BIN = ["--import", import.meta.resolve("tsx"), join(ROOT, "packages/cli/src/bin.ts")];
const OWNER = `imgs-test-engine-lost-${process.pid}`;
const IMAGE = `imgs.localhost/${OWNER}/slow:latest`;

let dir: string;
let repo: GitRepoFixture;

/** A unix socket that forwards every connection to the real engine until shut. */
async function engineProxy(path: string): Promise<{ shut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const engine = connect("/var/run/docker.sock");
    for (const socket of [client, engine]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(engine).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    shut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "imgs-engine-lost-"));
  repo = makeGitRepo({ "README.md": "engine lost\n" });
  await docker("tag", BUSYBOX, IMAGE);
});

afterAll(async () => {
  await docker("rmi", IMAGE).catch(() => undefined);
  repo?.[Symbol.dispose]();
  rmSync(dir, { recursive: true, force: true });
});

describe("losing the engine in the middle of a command", () => {
  it("says what failed and which container may be left, not only that an error was suppressed during disposal", async () => {
    const socket = join(dir, "docker.sock");
    const proxy = await engineProxy(socket);
    const config = join(repo.dir, "imgs.config.yaml");
    writeFileSync(config, `registry: imgs.localhost\nowner: ${OWNER}\nimages:\n  slow:\n    taggers:\n      - {name: slow, command: [sleep, '60'], pattern: '.+'}\n`);
    const label = `dev.imgs.test-case=${randomUUID()}`;
    const env = { ...process.env, DOCKER_HOST: `unix://${socket}`, IMGS_CONTAINER_LABELS: [process.env.IMGS_CONTAINER_LABELS, label].filter(Boolean).join(",") };
    const run = new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [...BIN, "tag", "slow", "-c", config, "--tags-dir", join(dir, "tags")], { cwd: repo.dir, env, encoding: "utf8" }, (error, _stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });
    const ids = async (): Promise<string[]> => (await docker("ps", "--all", "--quiet", "--no-trunc", "--filter", `label=${label}`)).split("\n").filter(Boolean);
    try {
      // Shut the engine's socket once `sleep 60` runs in the run's container.
      let id = "";
      for (let waited = 0; id === ""; waited += 200) {
        if (waited > 60_000) throw new Error("the run's container never ran its command");
        const [candidate] = await ids();
        if (candidate && (await docker("top", candidate).catch(() => "")).includes("sleep 60")) id = candidate;
        else await sleep(200);
      }
      await proxy.shut();
      const { code, stderr } = await run;
      expect(code).toBe(1);
      expect(stderr).not.toContain("An error was suppressed during disposal");
      const short = id.slice(0, 12);
      expect(stderr).toContain(`imgs: 1 image(s) failed:\n  slow: tagger "slow" failed for image slow: `);
      expect(stderr).toMatch(new RegExp(`then container ${short} of image ${IMAGE.replace(/[.]/g, "\\.")} may be left on the engine at unix://${socket}: removing it failed \\(cannot reach the Docker engine at unix://${socket} \\((ENOENT|ECONNREFUSED)\\)\\); remove it with \`docker rm -f ${short}\` or \`imgs cleanup\` once the engine answers`));
      // It is not left: its keep-alive ended when the run's connection to the engine broke.
      for (let waited = 0; (await ids()).length > 0; waited += 200) {
        if (waited > 20_000) throw new Error(`container ${short} stayed after the engine connection broke`);
        await sleep(200);
      }
    } finally {
      await proxy.shut().catch(() => undefined);
      const left = await ids();
      if (left.length > 0) await docker("rm", "--force", ...left);
    }
  }, 120_000);
});
