import { join } from "node:path";
import type { ExecCacheOptions } from "@imgs/evaluate";
import { createFileExecStore, readEngineFacts } from "@imgs/runner";
import type Dockerode from "dockerode";
import type { CliDeps } from "../deps.js";

/**
 * The exec cache of a run: results kept in `<cache folder>/exec` (the user's cache folder, e.g.
 * ~/.cache/imgs), keyed with this engine's facts; undefined with --no-cache or no cache folder.
 * A tags-only run also stores the manifests' results, so the manifest run after it starts nothing.
 */
export async function execCacheOf(options: { readonly cache?: boolean | undefined }, deps: Pick<CliDeps, "cacheDir" | "clock">, docker: Dockerode, work: { readonly manifest: boolean }): Promise<ExecCacheOptions | undefined> {
  if (options.cache === false || deps.cacheDir === undefined) return undefined;
  return { store: createFileExecStore({ dir: join(deps.cacheDir, "exec"), now: () => deps.clock.now() }), engine: await readEngineFacts(docker), prefetchManifests: !work.manifest };
}

/** Counts, per image, the commands that ran and those answered from the cache, for progress. */
export function cacheCounter(): { count(image: string, cached: boolean): void; summary(image: string): string } {
  const counts = new Map<string, { cached: number; run: number }>();
  return {
    count(image, cached) {
      const c = counts.get(image) ?? { cached: 0, run: 0 };
      counts.set(image, cached ? { ...c, cached: c.cached + 1 } : { ...c, run: c.run + 1 });
    },
    summary(image) {
      const c = counts.get(image);
      return c === undefined ? "" : `${c.cached} of ${c.cached + c.run} command results from the cache`;
    },
  };
}
