import { startContainer } from "@imgs/runner";
import { processDocker } from "@imgs/test-utils";
import { formatTimings, timeRuns } from "./_stats.js";
import type { BenchOptions } from "./_types.js";

const IMAGE = "imgs.localhost/busybox:latest";

/** Section name, for `pnpm bench runner`. */
export const name = "runner";

/** Container lifecycle and exec round trip of @imgs/runner on imgs.localhost/busybox. */
export async function run({ runs, log }: BenchOptions): Promise<void> {
  const { docker, endpoint } = processDocker();
  log(`engine ${endpoint}, image ${IMAGE}`);
  // One untimed round of each first: the first container start pays for setting up the image's layers.
  await (await startContainer({ image: IMAGE, docker })).close();
  const lifecycle = await timeRuns(runs, async () => {
    const session = await startContainer({ image: IMAGE, docker });
    await session.close();
  });

  await using session = await startContainer({ image: IMAGE, docker });
  await session.exec(["true"]);
  const exec = await timeRuns(runs, () => session.exec(["true"]));

  for (const line of formatTimings([
    { label: "container create+start+remove", samples: lifecycle },
    { label: "exec `true` round trip", samples: exec },
  ])) {
    log(line);
  }
}
