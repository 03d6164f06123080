import { startContainer, type createDocker } from "@imgs/runner";
import { summarize, timeRuns } from "./_stats.js";
import type { PathSamples } from "./_path-report.js";

/** What one container and one exec cost the engine right now, in ms (medians). */
export interface EngineFloor {
  readonly containerMs: number;
  readonly execMs: number;
}

/**
 * Measures, on `image`, a container's create+start+remove and an exec's round trip (`command`),
 * one at a time, so a side's runs can be compared with what its engine calls alone would take.
 */
export async function measureEngineFloor(docker: ReturnType<typeof createDocker>["docker"], image: string, command: readonly string[], runs: number): Promise<EngineFloor> {
  const lifecycle = await timeRuns(runs, async () => {
    await (await startContainer({ image, docker })).close();
  });
  await using session = await startContainer({ image, docker });
  const exec = await timeRuns(runs, () => session.exec(command));
  return { containerMs: summarize(lifecycle).median, execMs: summarize(exec).median };
}

/**
 * "label: 22 containers and 261 execs are 31.2 s of engine calls one at a time; the run took 142.0 s".
 * The gap is the side's own time (process start-ups, CLI calls) less what it ran concurrently.
 */
export function floorLine(side: PathSamples, floor: EngineFloor): string {
  const containers = summarize(side.containers).median;
  const execs = summarize(side.execs).median;
  const engine = (containers * floor.containerMs + execs * floor.execMs) / 1000;
  return `${side.label}: ${containers} containers and ${execs} execs are ${engine.toFixed(1)} s of engine calls one at a time; the run took ${(summarize(side.ms).median / 1000).toFixed(1)} s`;
}
