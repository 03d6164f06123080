import type { Output } from "../deps.js";

/** Reports what each image is doing; goes to stderr so stdout stays machine-readable. */
export interface Progress {
  /** An image moves to a new step ("starting container", "taggers 2/5"). */
  step(image: string, step: string): void;
  done(image: string, summary: string): void;
  fail(image: string, error: Error): void;
  /** Stop redrawing; print nothing more. */
  close(): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** Live redrawn lines on a terminal; one plain line per image start, end and failure otherwise. */
export function createProgress(out: Output, options: { quiet?: boolean; now?: () => number } = {}): Progress {
  if (options.quiet) return { step() {}, done() {}, fail() {}, close() {} };
  return out.isTTY ? terminalProgress(out, options.now ?? Date.now) : plainProgress(out, options.now ?? Date.now);
}

function elapsed(since: number | undefined, now: number): string {
  return since === undefined ? "" : ` (${((now - since) / 1000).toFixed(1)} s)`;
}

function plainProgress(out: Output, now: () => number): Progress {
  const started = new Map<string, number>();
  return {
    step(image, step) {
      if (started.has(image)) return;
      started.set(image, now());
      out.write(`${image}: ${step}\n`);
    },
    done(image, summary) {
      out.write(`${image}: ${summary}${elapsed(started.get(image), now())}\n`);
    },
    fail(image, error) {
      out.write(`${image}: FAILED${elapsed(started.get(image), now())}: ${error.message.split("\n")[0]}\n`);
    },
    close() {},
  };
}

function terminalProgress(out: Output, now: () => number): Progress {
  const active = new Map<string, { step: string; since: number }>();
  let drawn = 0;
  let frame = 0;
  const erase = (): void => {
    if (drawn > 0) out.write(`\x1b[${drawn}A\x1b[0J`);
    drawn = 0;
  };
  const draw = (): void => {
    erase();
    const spinner = FRAMES[frame++ % FRAMES.length] ?? "";
    for (const [image, { step, since }] of active) out.write(`${spinner} ${image}: ${step}${elapsed(since, now())}\n`);
    drawn = active.size;
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  // Finished images print once above the live block, so the log of results stays on screen.
  const settle = (image: string, line: string): void => {
    erase();
    out.write(`${line}${elapsed(active.get(image)?.since, now())}\n`);
    active.delete(image);
    draw();
  };
  return {
    step(image, step) {
      active.set(image, { step, since: active.get(image)?.since ?? now() });
    },
    done(image, summary) {
      settle(image, `✔ ${image}: ${summary}`);
    },
    fail(image, error) {
      settle(image, `✖ ${image}: ${error.message.split("\n")[0]}`);
    },
    close() {
      clearInterval(timer);
      erase();
    },
  };
}
