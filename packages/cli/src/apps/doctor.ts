import { messageOf } from "@imgs/errors";
import { commitTag, readGitSnapshot } from "@imgs/git-helper";
import { builtinCatalog, imageRef, loadConfig } from "@imgs/hierarchy";
import { endpointOf, execOrThrow, startContainer } from "@imgs/runner";
import type { CliDeps } from "../deps.js";
import { cleanupContainers } from "./cleanup.js";
import { gitEnv } from "./git-env.js";

/** One line of the doctor's report. */
export interface DoctorCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Options of runDoctor. */
export interface DoctorOptions {
  /** The local image to start a container from; default the config's first image (R/O/I:latest). */
  readonly image?: string;
  /** Config file; default the nearest imgs.config.* upward. */
  readonly config?: string;
}

/**
 * Checks what imgs needs: the engine answers, a container of a local image starts, runs a command
 * and is removed, no container of a run that no longer exists is left (those found are removed, as
 * `imgs cleanup` does), and the working directory's git facts can be read. Every check runs; none
 * stops the others.
 */
export async function runDoctor(deps: CliDeps, options: DoctorOptions = {}): Promise<DoctorCheck[]> {
  const check = async (name: string, fn: () => Promise<string>): Promise<DoctorCheck> => {
    try {
      return { name, ok: true, detail: await fn() };
    } catch (error) {
      return { name, ok: false, detail: messageOf(error) };
    }
  };
  const docker = await deps.docker();
  const engine = await check("engine", async () => {
    const version = await docker.version();
    return `Docker ${version.Version} (API ${version.ApiVersion}) at ${endpointOf(docker)}`;
  });
  const container = engine.ok
    ? await check("container", async () => {
        const image = options.image ?? (await firstImageOfConfig(deps, options.config));
        await using session = await startContainer({ ...deps.containers, image, docker });
        return `${image}: ${await execOrThrow(session, ["uname", "-sm"])}, removed after use`;
      })
    : { name: "container", ok: false, detail: "skipped: no engine" };
  const leftovers = engine.ok
    ? await check("leftovers", async () => {
        const { verdicts, removed } = await cleanupContainers({}, deps);
        const live = verdicts.length - removed.length;
        const gone =
          removed.length === 0
            ? "none left by runs that no longer exist"
            : `removed ${removed.length} left by runs that no longer exist (${removed.map((id) => id.slice(0, 12)).join(", ")})`;
        return `${gone}; ${live} of runs that may be alive kept`;
      })
    : { name: "leftovers", ok: false, detail: "skipped: no engine" };
  const git = await check("git", async () => {
    const snapshot = await readGitSnapshot({ dir: deps.cwd, env: gitEnv(deps.env, undefined, deps.cwd) });
    const where = snapshot.branch ? `branch ${snapshot.branch}` : "detached HEAD";
    const tags = snapshot.tags.length ? `, tags ${snapshot.tags.join(" ")}` : "";
    return `${snapshot.root}: ${commitTag(snapshot)} on ${where}${tags}, default branch ${snapshot.defaultBranch ?? "unknown"}`;
  });
  return [engine, container, leftovers, git];
}

async function firstImageOfConfig(deps: CliDeps, config: string | undefined): Promise<string> {
  let loaded;
  try {
    loaded = await loadConfig({ cwd: deps.cwd, configPath: config, catalog: builtinCatalog() });
  } catch (error) {
    throw new Error(`no image to try a container with: pass --image IMAGE (a local image), or run where an imgs config is (${messageOf(error)})`, {
      cause: error,
    });
  }
  const first = Object.keys(loaded.hierarchy.images)[0];
  if (first === undefined) throw new Error(`no image to try a container with: ${loaded.file} has no images; pass --image IMAGE`);
  return imageRef(loaded.hierarchy, first);
}
