import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";

/** `imgs cleanup`: remove the containers of imgs runs that no longer exist. */
export function cleanupCommand(deps: CliDeps): CommandModule<object, { "dry-run"?: boolean; json?: boolean }> {
  return {
    command: "cleanup",
    describe: "Remove containers left by imgs runs that no longer exist (a killed run); never those of a live run",
    builder: (y) =>
      y
        .option("dry-run", { type: "boolean", describe: "Only list what would be removed, and why" })
        .option("json", { type: "boolean", describe: "Print a machine-readable result" }),
    handler: async (args) => {
      // Loaded when the command runs, so `imgs --help` and other commands start fast.
      const { cleanupContainers, formatCleanup } = await import("../apps/cleanup.js");
      const dryRun = args["dry-run"] ?? false;
      const report = await cleanupContainers({ dryRun }, deps);
      if (args.json) deps.stdout.write(`${JSON.stringify({ dryRun, containers: report.verdicts, removed: report.removed }, null, 2)}\n`);
      else deps.stdout.write(`${formatCleanup(report, dryRun)}\n`);
    },
  };
}
