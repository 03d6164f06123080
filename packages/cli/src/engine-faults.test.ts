import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStuckEngine, type StuckEngine } from "@imgs/test-utils";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runImgs } from "./__fixtures__/imgs-process.js";

// Engines that cannot answer, through the binary: nothing here needs a Docker engine.
const CONFIG = ["-c", "examples/debian-stack/imgs.config.ts"];
const HINT = "is dockerd running? (`systemctl start docker`, or check DOCKER_HOST and the docker context)";

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "imgs-engine-faults-"));
  // apply and push read a tags file before they ask the engine anything.
  await writeFile(join(out, "x86_64-default-foundation.txt"), "imgs.localhost/imgs-example/foundation:latest\n");
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

// Output folders are the temporary one, so a failed run could not touch the example's files anyway.
const TAGS = () => ["--tags-dir", out];
const MANIFESTS = () => ["--manifests-dir", join(out, "manifests"), "--hist-lines-dir", join(out, "hist-lines")];
const DIRS = () => [...TAGS(), ...MANIFESTS()];

describe("an engine imgs cannot connect to", { timeout: 60_000 }, () => {
  const commands: ReadonlyArray<readonly [string, () => string[]]> = [
    ["hook", () => ["hook", "--all", ...DIRS()]],
    ["tag", () => ["tag", "foundation", ...TAGS()]],
    ["manifest", () => ["manifest", "foundation", ...MANIFESTS()]],
    ["apply", () => ["apply", "foundation", "--tags-dir", out]],
    ["push", () => ["push", "foundation", "--tags-dir", out]],
    ["build", () => ["build", "foundation"]],
    ["sha", () => ["sha", "foundation"]],
    ["prune", () => ["prune"]],
    ["cleanup", () => ["cleanup"]],
    ["doctor", () => ["doctor"]],
  ];
  const hosts = [
    ["unix:///nonexistent-imgs-engine.sock", "ENOENT"],
    ["tcp://127.0.0.1:1", "ECONNREFUSED"],
  ] as const;
  const cases = commands.flatMap(([name, argv]) => hosts.map(([host, reason]) => [name, host, reason, argv] as const));

  it.each(cases)("imgs %s says it cannot reach the engine at %s (%s), exit 1, no raw socket error", async (_name, host, reason, argv) => {
    const { status, stdout, stderr } = await runImgs([...CONFIG, ...argv()], { cwd: ROOT, env: { DOCKER_HOST: host } });
    // doctor lists its checks on stdout; the others say it on stderr.
    expect(stdout + stderr).toContain(`cannot reach the Docker engine at ${host} (${reason}); ${HINT}`);
    expect(stdout + stderr).not.toMatch(/connect (ENOENT|ECONNREFUSED)/);
    expect(status).toBe(1);
    expect(await readdir(out)).toEqual(["x86_64-default-foundation.txt"]);
  });
});

/** A listener that accepts every connection and never answers, as the reviewer's python one-liner. */
async function startSilentListener(): Promise<{ host: string; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    host: `tcp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("an engine that accepts connections and never answers", { timeout: 60_000 }, () => {
  let stuck: StuckEngine | undefined;
  afterEach(async () => {
    await stuck?.close();
    stuck = undefined;
  });

  it.each([
    ["build foundation --timeout 5", () => ["build", "foundation", "--timeout", "5"], "inspect image", "GET /images/imgs.localhost/debian:bookworm/json"],
    ["tag foundation", () => ["tag", "foundation", ...TAGS()], "engine info", "GET /info"],
    ["hook --all", () => ["hook", "--all", ...DIRS()], "engine info", "GET /info"],
  ])("imgs %s fails with ENGINE_TIMEOUT naming the call, after IMGS_ENGINE_TIMEOUT, exit 1", async (_name, argv, call, request) => {
    const silent = await startSilentListener();
    try {
      const { status, stderr, ms } = await runImgs([...CONFIG, ...argv()], { cwd: ROOT, env: { DOCKER_HOST: silent.host, IMGS_ENGINE_TIMEOUT: "1" } });
      expect(stderr).toContain(`the Docker engine at ${silent.host} did not answer "${call}" (${request}) within 1000 ms`);
      expect(status).toBe(1);
      expect(silent.connections()).toBeGreaterThan(0);
      // Bounded: the deadline, not --timeout or forever (start-up under load takes seconds).
      expect(ms).toBeLessThan(30_000);
    } finally {
      await silent.close();
    }
  });

  it("imgs build fails naming \"build image\" when the engine answers the base image's inspect but never the build, exit 1, no container asked for", async () => {
    stuck = await startStuckEngine(/^POST \/build$/, "tcp");
    const { status, stderr } = await runImgs([...CONFIG, "build", "foundation", "--timeout", "5"], { cwd: ROOT, env: { DOCKER_HOST: stuck.host, IMGS_ENGINE_TIMEOUT: "1" } });
    expect(stderr).toContain(`foundation: the Docker engine at ${stuck.host} did not answer "build image" (POST /build) within 1000 ms`);
    expect(status).toBe(1);
    expect(stuck.requests).toContain("POST /build");
    expect(stuck.requests).not.toContain("POST /containers/create");
  });

  it.each(["-1", "soon", "2147484"])("IMGS_ENGINE_TIMEOUT=%s is refused with exit 2 before the engine is asked anything", async (value) => {
    const silent = await startSilentListener();
    try {
      const { status, stderr } = await runImgs([...CONFIG, "tag", "foundation", ...TAGS()], { cwd: ROOT, env: { DOCKER_HOST: silent.host, IMGS_ENGINE_TIMEOUT: value } });
      expect(stderr).toBe(`imgs: IMGS_ENGINE_TIMEOUT must be a number of seconds from 0 (no limit) to 2147483, got ${JSON.stringify(value)}\n`);
      expect(status).toBe(2);
      expect(silent.connections()).toBe(0);
    } finally {
      await silent.close();
    }
  });
});
