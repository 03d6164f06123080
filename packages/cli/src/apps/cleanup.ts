import { ImgsError, messageOf } from "@imgs/errors";
import { endpointOf, removeLeftoverContainers } from "@imgs/runner";
import { LABELS_ENV, parseLabelList } from "@imgs/runner/internal";
import type { LeftoverReport, LeftoverVerdict } from "@imgs/runner";
import type { CliDeps } from "../deps.js";

/** Options of `imgs cleanup`. */
export interface CleanupOptions {
  /** Only say what would be removed. */
  readonly dryRun?: boolean;
}

/** Some leftover containers could not be removed. */
export class CleanupFailedError extends ImgsError {
  readonly code = "CLEANUP_FAILED";
  readonly category = "failure";
  constructor(readonly failures: readonly { readonly id: string; readonly error: unknown }[]) {
    super(
      `${failures.length} leftover container(s) could not be removed:\n` +
        failures.map(({ id, error }) => `  ${id.slice(0, 12)}: ${messageOf(error)}`).join("\n"),
    );
  }
}

/**
 * Remove the containers of imgs runs that no longer exist, never those of a live run: on this
 * host a run is alive while its process is; a container from another host (or from an imgs
 * without run ids) only goes once past its time limit. With IMGS_CONTAINER_LABELS set, only
 * containers with those labels are considered (a CI job, a test run). Returns what it found and
 * did; CleanupFailedError when a removal failed.
 */
export async function cleanupContainers(options: CleanupOptions, deps: CliDeps): Promise<LeftoverReport> {
  const docker = await deps.docker();
  const report = await removeLeftoverContainers({
    docker,
    endpoint: endpointOf(docker),
    host: deps.host.name,
    now: deps.clock.now(),
    isProcessAlive: (pid) => deps.host.isProcessAlive(pid),
    labels: parseLabelList(deps.env[LABELS_ENV]),
    dryRun: options.dryRun ?? false,
  });
  if (report.failures.length > 0) throw new CleanupFailedError(report.failures);
  return report;
}

/** One line a container: what happens to it and why. */
function verdictLine(verdict: LeftoverVerdict, dryRun: boolean): string {
  const action = verdict.leftover ? (dryRun ? "would remove" : "removed") : "kept";
  return `${action.padEnd(12)} ${verdict.id.slice(0, 12)} ${verdict.image} (${verdict.state}): ${verdict.reason}`;
}

/** The report as the terminal shows it: a line a container, then a summary. */
export function formatCleanup(report: LeftoverReport, dryRun: boolean): string {
  const leftovers = report.verdicts.filter((verdict) => verdict.leftover).length;
  const kept = report.verdicts.length - leftovers;
  const summary =
    report.verdicts.length === 0
      ? "no imgs containers on the engine"
      : `${dryRun ? "would remove" : "removed"} ${leftovers} container(s) of runs that no longer exist; kept ${kept} that may belong to a live run`;
  return [...report.verdicts.map((verdict) => verdictLine(verdict, dryRun)), summary].join("\n");
}
