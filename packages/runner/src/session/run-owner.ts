/** Who started a run, written on each of its containers so that a later `imgs cleanup` can tell live runs from dead ones. */
export interface RunOwner {
  /** Unique per run (a random UUID); every container of the run carries it. */
  readonly runId: string;
  /** Host name of the machine the run's process lives on. */
  readonly host: string;
  /** Process id of the run on that host. */
  readonly pid: number;
  /**
   * After this long (from the container's creation) a container of this run may be removed from
   * another host, which cannot see whether the process still lives. Whole seconds are kept.
   */
  readonly timeLimitMs: number;
}

/** Label names of a run's containers. */
export const RUN_LABELS = {
  run: "dev.imgs.run",
  host: "dev.imgs.host",
  pid: "dev.imgs.pid",
  /** Seconds after creation when the container is fair game for any host. */
  timeLimit: "dev.imgs.time-limit",
  /** How the container stays up: "watch" (ends when the run's connection closes), "sleep" or "command". */
  keepAlive: "dev.imgs.keep-alive",
} as const;

/** A day: a run of a large image tree takes hours at most; another host's leftovers wait this long. */
export const DEFAULT_RUN_TIME_LIMIT_MS = 24 * 60 * 60 * 1000;

/** The labels that name a run's owner, for startContainer's `labels`. */
export function ownerLabels(owner: RunOwner): Record<string, string> {
  return {
    [RUN_LABELS.run]: owner.runId,
    [RUN_LABELS.host]: owner.host,
    [RUN_LABELS.pid]: String(owner.pid),
    [RUN_LABELS.timeLimit]: String(Math.max(1, Math.round(owner.timeLimitMs / 1000))),
  };
}

/** The owner a container's labels name; undefined for containers of imgs versions without run ids. */
export function ownerOf(labels: Readonly<Record<string, string>>): RunOwner | undefined {
  const runId = labels[RUN_LABELS.run];
  const host = labels[RUN_LABELS.host];
  const pid = Number(labels[RUN_LABELS.pid]);
  const seconds = Number(labels[RUN_LABELS.timeLimit]);
  if (!runId || !host || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  const timeLimitMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_RUN_TIME_LIMIT_MS;
  return { runId, host, pid, timeLimitMs };
}
