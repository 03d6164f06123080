/** Median, fastest and slowest of a set of timings. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Summarise timings; the median of an even count is the mean of the two middle values. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("no samples to summarise");
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

/** Time `action` `runs` times, in milliseconds. */
export async function timeRuns(runs: number, action: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await action();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** One row of a timing table. */
export interface TimingRow {
  readonly label: string;
  readonly samples: readonly number[];
}

/** A table of label, runs, median, min and max in ms; the first column left-aligned, numbers right-aligned. */
export function formatTimings(rows: readonly TimingRow[]): string[] {
  const header = ["operation", "runs", "median ms", "min ms", "max ms"];
  const body = rows.map(({ label, samples }) => {
    const { median, min, max } = summarize(samples);
    return [label, String(samples.length), median.toFixed(1), min.toFixed(1), max.toFixed(1)];
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
