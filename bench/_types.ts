/** What every bench section receives. */
export interface BenchOptions {
  /** How many timed runs of each measurement (BENCH_RUNS, default 20). */
  readonly runs: number;
  /** Print one line of the report. */
  readonly log: (line: string) => void;
}

/** A bench section: a module in bench/ that exports `name` and `run`. */
export interface BenchSection {
  readonly name: string;
  run(options: BenchOptions): Promise<void>;
}
