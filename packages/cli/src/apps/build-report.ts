import type { BuildEvent, BuildTreeResult } from "@imgs/build";
import { BuildFailedError } from "@imgs/runner";
import { outputTail } from "@imgs/runner/internal";
import type { Output } from "../deps.js";
import { createProgress } from "../run/progress.js";

/** How build progress is shown: redrawn lines on a terminal, one line per step otherwise (CI logs). */
export interface BuildReportOptions {
  readonly quiet?: boolean;
  /** Every line of build output, prefixed with the image name. */
  readonly verbose?: boolean;
}

/** Turns buildTree's events into progress on `out` (stderr); `close()` stops redrawing. */
export function buildReporter(out: Output, options: BuildReportOptions): { onEvent: (event: BuildEvent) => void; close: () => void } {
  // Warnings name a file and line that needs fixing, so even --quiet shows them.
  const warn = (event: Extract<BuildEvent, { type: "warning" }>): void => out.write(`imgs: warning: ${event.dockerfile}:${event.line}: ${event.message}\n`);
  if (options.quiet) return { onEvent: (event) => (event.type === "warning" ? warn(event) : undefined), close: () => undefined };
  const live = out.isTTY === true ? createProgress(out) : undefined;
  const onEvent = (event: BuildEvent): void => {
    switch (event.type) {
      case "warning":
        return warn(event);
      case "start": {
        const from = event.parent ? ` FROM ${event.parent.image} (${event.parent.id.slice(7, 19)})` : "";
        return live ? live.step(event.image, `building${from}`) : out.write(`${event.image}: building${from}\n`);
      }
      case "step":
        return live ? live.step(event.image, event.step) : out.write(`${event.image}: ${event.step}\n`);
      case "output":
        if (options.verbose) out.write(`${event.image} | ${event.line}\n`);
        return;
      case "built": {
        const summary = `built ${event.id.slice(7, 19)} as ${event.tags.join(", ")}`;
        return live ? live.done(event.image, summary) : out.write(`${event.image}: ${summary}\n`);
      }
      case "failed": {
        const { error } = event;
        const why = error instanceof BuildFailedError && error.step !== undefined ? `at ${error.step}: ${error.reason.trim()}` : (error.message.split("\n")[0] ?? "");
        return live ? live.fail(event.image, new Error(why)) : out.write(`${event.image}: FAILED: ${why}\n`);
      }
      case "skipped":
        return live ? live.fail(event.image, new Error(`skipped: parent ${event.parent} was not built`)) : out.write(`${event.image}: skipped (parent ${event.parent} was not built)\n`);
    }
  };
  return { onEvent, close: () => live?.close() };
}

/**
 * The end of a build for people: counts, then for each failure its image, Dockerfile, failing step,
 * the engine's reason and the last lines of its build log; then each skipped image.
 */
export function buildSummary(result: BuildTreeResult): string {
  const lines = [`${result.built.length} built, ${result.failed.length} failed, ${result.skipped.length} skipped`];
  for (const { image, error } of result.failed) {
    if (error instanceof BuildFailedError) {
      lines.push(``, `✖ ${image}: ${error.dockerfile}`, `  step:   ${error.step ?? "(before the first step)"}`, `  reason: ${error.reason.trim()}`);
      const tail = outputTail(error.output);
      if (tail) lines.push(`  last lines of the build log:`, ...tail.split("\n").map((line) => `  | ${line}`));
    } else {
      lines.push(``, `✖ ${image}: ${error.message}`);
    }
  }
  for (const { image, parent } of result.skipped) lines.push(`- ${image}: skipped, its parent ${parent} was not built`);
  return `${lines.join("\n")}\n`;
}
