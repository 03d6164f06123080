import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL("../../../scripts/second-engine.sh", import.meta.url));

/** A second dockerd on tcp+TLS (scripts/second-engine.sh); stop() removes it and all its data. */
export interface SecondEngine extends AsyncDisposable {
  /** DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as the docker CLI reads them. */
  readonly env: Readonly<Record<"DOCKER_HOST" | "DOCKER_TLS_VERIFY" | "DOCKER_CERT_PATH", string>>;
  /** Import a busybox root fs there as `image` for `platform` (e.g. linux/arm64). */
  baseImage(image: string, platform: string): Promise<void>;
  /** Copy images of the main engine there, their configs saying `platform`. */
  loadAs(platform: string, images: readonly string[]): Promise<void>;
  /** Run the docker CLI against it. */
  docker(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** Start a second engine in a new temporary folder. */
export async function startSecondEngine(): Promise<SecondEngine> {
  const dir = join(mkdtempSync(join(tmpdir(), "imgs-second-engine-")), "engine");
  const { stdout } = await run("bash", [SCRIPT, "start", dir], { encoding: "utf8" });
  const env = Object.fromEntries(stdout.trim().split("\n").map((line) => line.split(/=(.*)/s).slice(0, 2))) as SecondEngine["env"];
  const stop = async (): Promise<void> => {
    await run("bash", [SCRIPT, "stop", dir]);
    await run("rm", ["-rf", join(dir, "..")]);
  };
  return {
    env,
    async baseImage(image, platform) {
      await run("bash", [SCRIPT, "base-image", dir, image, platform]);
    },
    async loadAs(platform, images) {
      await run("bash", [SCRIPT, "load-as", dir, platform, ...images], { maxBuffer: 16 * 1024 * 1024 });
    },
    async docker(...args) {
      return (await run("docker", args, { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 })).stdout;
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
