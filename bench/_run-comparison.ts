import { outputDifferences, type OutputFiles } from "./_outputs.js";

/** The files each tool wrote in one run. */
export interface RunPair {
  readonly dockerStacks: OutputFiles;
  readonly imgs: OutputFiles;
}

/** Every file of every run, docker-stacks' against imgs'. */
export interface RunComparison {
  readonly compared: number;
  readonly identical: number;
  /** "run 2: tags/x.txt: line 7 is …": files where imgs wrote what docker-stacks never wrote. */
  readonly differences: readonly string[];
  /**
   * Files where docker-stacks wrote, in that run, something else than in another run, where it
   * wrote exactly imgs' file: docker-stacks disagreeing with itself, not with imgs.
   */
  readonly dockerStacksUnstable: readonly string[];
}

/** The one file `path` of `files`, as a set of files (empty when there is none). */
const only = (files: OutputFiles, path: string): OutputFiles => new Map([...files].filter(([p]) => p === path));

/**
 * Compares, run by run, each file docker-stacks wrote with the one imgs wrote (after `normalize`).
 * A pair that differs is put down to docker-stacks when another of its runs wrote imgs' file: its
 * quoted output takes stdout and stderr in the order their frames arrive (a race: apt's warning
 * now and then lands after the list), and its client library, docker-py, now and then loses a
 * short command's output (docker/docker-py#3332, #2042), writing e.g. a `mamba-` tag.
 */
export function compareRuns(runs: readonly RunPair[], normalize: (text: string) => string): RunComparison {
  let compared = 0;
  const differences: string[] = [];
  const dockerStacksUnstable: string[] = [];
  runs.forEach(({ dockerStacks, imgs }, run) => {
    for (const path of new Set([...dockerStacks.keys(), ...imgs.keys()])) {
      compared += 1;
      const [difference] = outputDifferences(only(dockerStacks, path), only(imgs, path), normalize);
      if (difference === undefined) continue;
      const ours = imgs.get(path);
      const theirs = (i: number): string | undefined => runs[i]?.dockerStacks.get(path);
      const elsewhere = ours !== undefined && runs.some((_, i) => i !== run && theirs(i) !== undefined && normalize(theirs(i) ?? "") === normalize(ours));
      (elsewhere ? dockerStacksUnstable : differences).push(`run ${run}: ${difference}`);
    }
  });
  return { compared, identical: compared - differences.length - dockerStacksUnstable.length, differences, dockerStacksUnstable };
}
