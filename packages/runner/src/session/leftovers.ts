import type { ContainerInfo } from "dockerode";
import { MANAGED_LABEL } from "../container-labels.js";
import { engineError, isAlreadyRemoved } from "../docker-errors.js";
import { DEFAULT_RUN_TIME_LIMIT_MS, ownerOf } from "./run-owner.js";
import type { RunOwner } from "./run-owner.js";

/** The part of dockerode that finding and removing leftovers uses. */
export interface LeftoverDocker {
  listContainers(options: { all: boolean; filters: { label: string[] } }): Promise<ContainerInfo[]>;
  getContainer(id: string): { remove(options: { force: boolean }): Promise<unknown> };
}

/** What deciding whether a container's run still exists needs; the program passes the real world in. */
export interface LeftoverOptions {
  readonly docker: LeftoverDocker;
  /** For messages: the engine's address. */
  readonly endpoint: string;
  /** This machine's host name: only its own processes can be checked. */
  readonly host: string;
  readonly now: Date;
  /** Whether a process of this host exists (imgs' bin: `process.kill(pid, 0)`). */
  readonly isProcessAlive: (pid: number) => boolean;
  /** Only containers that carry all of these labels too (imgs passes IMGS_CONTAINER_LABELS), besides dev.imgs.managed=true. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** One imgs container and what cleanup makes of it. */
export interface LeftoverVerdict {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  /** "running", "created", "exited", … */
  readonly state: string;
  /** ISO 8601. */
  readonly created: string;
  readonly owner: RunOwner | undefined;
  /** True when its run no longer exists (or is past its time limit), so it may be removed. */
  readonly leftover: boolean;
  readonly reason: string;
}

const hours = (ms: number): string => `${Math.round((ms / 3_600_000) * 10) / 10} h`;

/**
 * Whether a container's run is gone: on this host, its process no longer exists (a process id that
 * was reused counts as alive: a leftover is kept rather than a live run's container removed); from
 * another host, or without a run id (older imgs), only once it is older than its time limit.
 */
export function judgeContainer(row: ContainerInfo, options: Pick<LeftoverOptions, "host" | "now" | "isProcessAlive">): LeftoverVerdict {
  const labels = row.Labels ?? {};
  const owner = ownerOf(labels);
  const createdMs = row.Created * 1000;
  const base = {
    id: row.Id,
    name: (row.Names?.[0] ?? "").replace(/^\//, ""),
    image: row.Image,
    state: row.State,
    created: new Date(createdMs).toISOString(),
    owner,
  };
  const age = options.now.getTime() - createdMs;
  if (owner && owner.host === options.host) {
    return options.isProcessAlive(owner.pid)
      ? { ...base, leftover: false, reason: `its run ${owner.runId} is alive (process ${owner.pid} on this host)` }
      : { ...base, leftover: true, reason: `its run ${owner.runId} is gone (no process ${owner.pid} on this host)` };
  }
  const limit = owner?.timeLimitMs ?? DEFAULT_RUN_TIME_LIMIT_MS;
  const whose = owner ? `made by run ${owner.runId} on host ${owner.host}` : "made without a run id (an older imgs)";
  if (age >= limit) return { ...base, leftover: true, reason: `${whose} ${hours(age)} ago, past its time limit of ${hours(limit)}` };
  const after = new Date(createdMs + limit).toISOString();
  return { ...base, leftover: false, reason: `${whose}; it may belong to a live run until its time limit passes at ${after}` };
}

/** Every imgs container on the engine (running or not) with what cleanup makes of it, oldest first. */
export async function findLeftoverContainers(options: LeftoverOptions): Promise<LeftoverVerdict[]> {
  const label = [`${MANAGED_LABEL}=true`, ...Object.entries(options.labels ?? {}).map(([key, value]) => `${key}=${value}`)];
  let rows: ContainerInfo[];
  try {
    rows = await options.docker.listContainers({ all: true, filters: { label } });
  } catch (error) {
    throw engineError(error, options.endpoint);
  }
  return rows.map((row) => judgeContainer(row, options)).sort((a, b) => a.created.localeCompare(b.created));
}

/** What removeLeftoverContainers did. */
export interface LeftoverReport {
  /** Every imgs container it looked at. */
  readonly verdicts: readonly LeftoverVerdict[];
  /** Ids of the containers removed (none with dryRun). */
  readonly removed: readonly string[];
  readonly failures: readonly { readonly id: string; readonly error: unknown }[];
}

/**
 * Remove the containers of runs that no longer exist (see judgeContainer); never one whose run may
 * be alive. With `dryRun`, only say which.
 */
export async function removeLeftoverContainers(options: LeftoverOptions & { readonly dryRun?: boolean }): Promise<LeftoverReport> {
  const verdicts = await findLeftoverContainers(options);
  const doomed = verdicts.filter((verdict) => verdict.leftover);
  if (options.dryRun) return { verdicts, removed: [], failures: [] };
  const results = await Promise.allSettled(
    doomed.map(async ({ id }) => {
      try {
        await options.docker.getContainer(id).remove({ force: true });
      } catch (error) {
        // Gone already (it ended by itself meanwhile) is what was wanted.
        if (!isAlreadyRemoved(error)) throw engineError(error, options.endpoint);
      }
      return id;
    }),
  );
  const removed: string[] = [];
  const failures: { id: string; error: unknown }[] = [];
  results.forEach((result, index) => {
    if (result.status === "fulfilled") removed.push(result.value);
    else failures.push({ id: doomed[index]?.id ?? "", error: result.reason as unknown });
  });
  return { verdicts, removed, failures };
}
