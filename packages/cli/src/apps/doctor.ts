import { messageOf } from "@imgs/errors";
import { readGitSnapshot } from "@imgs/git-helper";
import { endpointOf, execOrThrow, startContainer } from "@imgs/runner";
import type { CliDeps } from "../deps.js";

/** One line of the doctor's report. */
export interface DoctorCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** The local image the doctor starts a container from (made by scripts/engine.sh). */
export const DOCTOR_IMAGE = "imgs.localhost/busybox:latest";

/**
 * Checks what imgs needs: the engine answers, a container starts, runs a command and is removed,
 * and the working directory's git facts can be read. Every check runs; none stops the others.
 */
export async function runDoctor(deps: CliDeps, image = DOCTOR_IMAGE): Promise<DoctorCheck[]> {
  const docker = deps.docker();
  const check = async (name: string, fn: () => Promise<string>): Promise<DoctorCheck> => {
    try {
      return { name, ok: true, detail: await fn() };
    } catch (error) {
      return { name, ok: false, detail: messageOf(error) };
    }
  };
  const engine = await check("engine", async () => {
    const version = await docker.version();
    return `Docker ${version.Version} (API ${version.ApiVersion}) at ${endpointOf(docker)}`;
  });
  const container = engine.ok
    ? await check("container", async () => {
        await using session = await startContainer({ image, docker });
        return `${image}: ${await execOrThrow(session, ["uname", "-sm"])}, removed after use`;
      })
    : { name: "container", ok: false, detail: "skipped: no engine" };
  const git = await check("git", async () => {
    const snapshot = await readGitSnapshot({ dir: deps.cwd, env: deps.env });
    const where = snapshot.branch ? `branch ${snapshot.branch}` : "detached HEAD";
    const tags = snapshot.tags.length ? `, tags ${snapshot.tags.join(" ")}` : "";
    return `${snapshot.root}: ${snapshot.commit.slice(0, 12)} on ${where}${tags}, default branch ${snapshot.defaultBranch ?? "unknown"}`;
  });
  return [engine, container, git];
}
