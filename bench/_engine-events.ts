import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import type { createDocker } from "@imgs/runner";
import type { DockerCounts } from "./_counting-docker.js";

type Docker = ReturnType<typeof createDocker>["docker"];

/** Counts, from the engine's event stream, what any client did with containers of some images. */
export interface EngineEventCounter {
  /** Waits until every container counted so far was destroyed (at most `timeoutMs`), then returns the counts and zeroes them. */
  take(timeoutMs?: number): Promise<DockerCounts>;
  stop(): void;
}

/**
 * Listens to the engine's container events for `images` (names without tag: the engine matches
 * `quay.io/o/i` and `quay.io/o/i:latest` alike). Unlike a counting dockerode client, this also sees
 * what another process does, such as docker-stacks' Python apps.
 */
export async function countEngineEvents(docker: Docker, images: readonly string[]): Promise<EngineEventCounter> {
  const stream = (await docker.getEvents({ filters: { type: ["container"], image: [...images] } })) as Readable;
  let counts = { containers: 0, removed: 0, execs: 0 };
  let pending = "";
  stream.on("data", (chunk: Buffer) => {
    // One JSON object a line; a chunk may end inside a line.
    const lines = (pending + chunk.toString("utf8")).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines.filter((l) => l.trim() !== "")) {
      const action = (JSON.parse(line) as { Action: string }).Action;
      if (action === "create") counts.containers += 1;
      else if (action === "destroy") counts.removed += 1;
      // "exec_create: python --version"
      else if (action.startsWith("exec_create")) counts.execs += 1;
    }
  });
  return {
    async take(timeoutMs = 10_000) {
      // Events arrive a moment after the calls that caused them returned.
      const deadline = Date.now() + timeoutMs;
      await sleep(200);
      while (counts.removed < counts.containers && Date.now() < deadline) await sleep(50);
      const taken = counts;
      counts = { containers: 0, removed: 0, execs: 0 };
      return taken;
    },
    stop: () => stream.destroy(),
  };
}
