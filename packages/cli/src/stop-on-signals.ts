/** The signals that stop a run: Ctrl-C, a polite kill, a closed terminal or ssh session. */
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
type StopSignal = (typeof SIGNALS)[number];
const SIGNAL_NUMBERS: Record<StopSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** The part of `process` stopOnSignals uses. */
export interface SignalProcess {
  on(signal: StopSignal, listener: () => void): unknown;
  off(signal: StopSignal, listener: () => void): unknown;
  exit(code: number): never;
  readonly stderr: { write(text: string): unknown };
}

/** What stopOnSignals returns. */
export interface Stop {
  /** Aborts on the first signal: the run starts nothing new and unwinds, removing its containers. */
  readonly signal: AbortSignal;
  /** 128 + the signal's number once one came (the status a shell reports for it), else undefined. */
  readonly exitCode: number | undefined;
  /** Removes the handlers (the run is over). */
  done(): void;
}

/**
 * Turns SIGINT, SIGTERM and SIGHUP into an abort: the first stops the run, which then removes
 * every container it started before the process exits with 130, 143 or 129; a second one exits at
 * once. Only the bin calls this.
 */
export function stopOnSignals(target: SignalProcess): Stop {
  const controller = new AbortController();
  let exitCode: number | undefined;
  const listeners = SIGNALS.map((name) => {
    const listener = (): void => {
      if (controller.signal.aborted) {
        target.stderr.write(`imgs: ${name} again: exiting now; containers of this run may be left (imgs cleanup removes them)\n`);
        target.exit(128 + SIGNAL_NUMBERS[name]);
      }
      exitCode = 128 + SIGNAL_NUMBERS[name];
      target.stderr.write(`imgs: ${name}: stopping, removing this run's containers (again to exit at once)\n`);
      controller.abort(new Error(`stopped by ${name}`));
    };
    target.on(name, listener);
    return [name, listener] as const;
  });
  return {
    signal: controller.signal,
    get exitCode() {
      return exitCode;
    },
    done() {
      for (const [name, listener] of listeners) target.off(name, listener);
    },
  };
}
