import { createHash } from "node:crypto";
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

// The same script the README's example and the bench use.
const REGISTRY_SCRIPT = fileURLToPath(new URL("../../../scripts/registry.sh", import.meta.url));

/** A docker-registry on 127.0.0.1 started for a test; its data lives in a temporary folder. */
export interface TestRegistry extends AsyncDisposable {
  /** "127.0.0.1:PORT". */
  readonly address: string;
  /** Its folder (config, data, log). */
  readonly dir: string;
  /** Kill it (SIGKILL, as a crash), keeping its data; `start()` brings it back on the same port. */
  kill(): Promise<void>;
  /** Start it again after kill(). */
  start(): Promise<void>;
  /** Stop it and remove its folder. */
  stop(): Promise<void>;
}

/** Options of startRegistry. */
export interface StartRegistryOptions {
  /** Users and passwords; the registry then requires them (htpasswd, bcrypt, made with Debian's htpasswd). */
  readonly users?: Readonly<Record<string, string>>;
}

/** Start a registry with scripts/registry.sh on a free port. */
export async function startRegistry(options: StartRegistryOptions = {}): Promise<TestRegistry> {
  const parent = mkdtempSync(join(tmpdir(), "imgs-test-registry-"));
  const dir = join(parent, "registry");
  const extra: string[] = [];
  if (options.users) {
    const file = join(parent, "htpasswd");
    const lines = Object.entries(options.users).map(([user, password]) => execFileSync("htpasswd", ["-nbB", user, password], { encoding: "utf8" }).trim());
    writeFileSync(file, `${lines.join("\n")}\n`);
    extra.push("--htpasswd", file);
  }
  const start = async (): Promise<string> => (await run("bash", [REGISTRY_SCRIPT, "start", dir, ...extra], { encoding: "utf8" })).stdout.trim();
  const address = await start();
  const stop = async (): Promise<void> => {
    await run("bash", [REGISTRY_SCRIPT, "stop", dir]);
    await run("rm", ["-rf", parent]);
  };
  return {
    address,
    dir,
    async kill() {
      const pid = execFileSync("cat", [join(dir, "pid")], { encoding: "utf8" }).trim();
      process.kill(Number(pid), "SIGKILL");
      // Wait until the port is closed, so the next request sees the registry gone.
      for (let i = 0; i < 100; i++) {
        const alive = await run("kill", ["-0", pid]).then(() => true, () => false);
        if (!alive) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async start() {
      await start();
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

/** Run Debian's skopeo (a client sharing no code with imgs) and return its stdout. */
export async function skopeo(...args: string[]): Promise<string> {
  const { stdout } = await run("skopeo", args, { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** The raw manifest or index of a reference on a plain-HTTP registry, as skopeo reads it. */
export async function skopeoRaw(reference: string, credentials?: string): Promise<{ text: string; json: Record<string, unknown> }> {
  const creds = credentials ? ["--creds", credentials] : [];
  const text = await skopeo("inspect", "--raw", "--tls-verify=false", ...creds, `docker://${reference}`);
  return { text, json: JSON.parse(text) as Record<string, unknown> };
}

/** The tags of a repository as the registry's own tag-list API gives them (curl, not imgs), sorted; [] when the repository is unknown. */
export async function registryTags(registry: string, repository: string, credentials?: string): Promise<string[]> {
  const auth = credentials ? ["--user", credentials] : [];
  const { stdout } = await run("curl", ["-s", ...auth, `http://${registry}/v2/${repository}/tags/list`], { encoding: "utf8" });
  const body = JSON.parse(stdout) as { tags?: string[] | null; errors?: unknown };
  return [...(body.tags ?? [])].sort();
}

/** The repositories of a registry from its catalog API (curl), sorted. */
export async function registryCatalog(registry: string, credentials?: string): Promise<string[]> {
  const auth = credentials ? ["--user", credentials] : [];
  const { stdout } = await run("curl", ["-s", ...auth, `http://${registry}/v2/_catalog`], { encoding: "utf8" });
  return [...((JSON.parse(stdout) as { repositories?: string[] }).repositories ?? [])].sort();
}

/** The digest of what a reference names (a manifest or an index): the sha256 of the bytes skopeo reads raw. */
export async function skopeoDigest(reference: string, credentials?: string): Promise<string> {
  const creds = credentials ? ["--creds", credentials] : [];
  const { stdout } = await run("skopeo", ["inspect", "--raw", "--tls-verify=false", ...creds, `docker://${reference}`], { encoding: "buffer", maxBuffer: 16 * 1024 * 1024 });
  return `sha256:${createHash("sha256").update(stdout).digest("hex")}`;
}
