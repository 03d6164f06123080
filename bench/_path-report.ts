import { summarize } from "./_stats.js";

/** Runs of a heavy section when BENCH_RUNS is not set: the driver's default (20) would take minutes. */
export const HEAVY_SECTION_RUNS = 5;

/**
 * How many runs a heavy section makes: what BENCH_RUNS asks for when it is set, else the driver's
 * default capped at `cap` (default HEAVY_SECTION_RUNS). `runs` is the driver's (already parsed) count.
 */
export function heavyRuns(runs: number, benchRunsEnv: string | undefined, cap = HEAVY_SECTION_RUNS): number {
  return benchRunsEnv === undefined || benchRunsEnv === "" ? Math.min(runs, cap) : runs;
}

/** One path's measurements: a wall time and engine counts per run. */
export interface PathSamples {
  readonly label: string;
  readonly ms: readonly number[];
  readonly containers: readonly number[];
  readonly execs: readonly number[];
}

/** "8" when every run agrees, else "min–max". */
export function countCell(values: readonly number[]): string {
  if (values.length === 0) return "-";
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);

/** A table of path, runs, median/min/max seconds, and containers and execs a run; labels left, numbers right. */
export function formatPathTable(rows: readonly PathSamples[]): string[] {
  const header = ["path", "runs", "median s", "min s", "max s", "containers", "execs"];
  const body = rows.map(({ label, ms, containers, execs }) => {
    const { median, min, max } = summarize(ms);
    return [label, String(ms.length), seconds(median), seconds(min), seconds(max), countCell(containers), countCell(execs)];
  });
  const table = [header, ...body];
  const widths = header.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? "").length)));
  return table.map((cells) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/** "slow/fast: 3.10x (median over median)". */
export function ratioLine(slow: PathSamples, fast: PathSamples, names = "sequential/imgs"): string {
  const ratio = summarize(slow.ms).median / summarize(fast.ms).median;
  return `${names}: ${ratio.toFixed(2)}x (median over median)`;
}
