import { asError } from "@imgs/errors";
import { imageDiskUsage, imagesInUse, ImageNotFoundError, listImages, removeImage } from "@imgs/runner";
import type Dockerode from "dockerode";
import { REPOSITORY_LABEL } from "./build-tree.js";
import { planPrune, type PrunePlan, type PruneRemoval } from "./prune-plan.js";

/** Options of readPrunePlan. */
export interface ReadPrunePlanOptions {
  readonly docker: Dockerode;
  /** The config's repositories (R/O/I). */
  readonly repositories: readonly string[];
  /** Full references to keep. */
  readonly keep: ReadonlySet<string>;
}

/** Reads the engine's images, containers and sizes and plans what prune removes (planPrune). */
export async function readPrunePlan(options: ReadPrunePlanOptions): Promise<PrunePlan> {
  const { docker } = options;
  const [tagged, dangling, inUse, usage] = await Promise.all([
    Promise.all(options.repositories.map((repository) => listImages({ docker, repository }))).then((lists) => lists.flat()),
    listImages({ docker, dangling: true, label: REPOSITORY_LABEL }),
    imagesInUse({ docker }),
    imageDiskUsage({ docker }),
  ]);
  const uniqueSize = new Map([...usage].map(([id, entry]) => [id, entry.uniqueSize]));
  return planPrune({ repositories: options.repositories, keep: options.keep, images: tagged, dangling, inUse, uniqueSize });
}

/** What prune did: what went, and what the engine refused. */
export interface PruneResult {
  readonly removed: readonly PruneRemoval[];
  readonly failed: ReadonlyArray<{ readonly removal: PruneRemoval; readonly error: Error }>;
  /** Bytes given back, as planned for the removals that happened. */
  readonly bytes: number;
}

/**
 * Removes what the plan lists, one at a time and never forced: the engine keeps any layer another
 * image still uses. A reference already gone counts as removed; other refusals are collected.
 */
export async function executePrunePlan(plan: PrunePlan, options: { readonly docker: Dockerode; readonly onRemoved?: (removal: PruneRemoval) => void }): Promise<PruneResult> {
  const removed: PruneRemoval[] = [];
  const failed: Array<{ removal: PruneRemoval; error: Error }> = [];
  for (const removal of plan.remove) {
    try {
      await removeImage(removal.reference, { docker: options.docker });
    } catch (error) {
      if (!(error instanceof ImageNotFoundError)) {
        failed.push({ removal, error: asError(error) });
        continue;
      }
    }
    removed.push(removal);
    options.onRemoved?.(removal);
  }
  return { removed, failed, bytes: removed.reduce((sum, removal) => sum + removal.bytes, 0) };
}
