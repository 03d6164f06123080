import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { retryOf } from "./registry-options.js";

interface PromoteArgs {
  source?: string;
  destinations?: string[];
  "dry-run"?: boolean;
  retries?: number;
  json?: boolean;
}

/** `imgs promote`: more tags for an image already in a registry, without pulling it. */
export function promoteCommand(deps: CliDeps): CommandModule<object, PromoteArgs> {
  return {
    command: "promote <source> <destinations..>",
    describe: "Give an image in a registry more tags (same or another repository of that registry) without pulling it",
    builder: (y) =>
      y
        .positional("source", { type: "string", describe: "registry/repository:tag (or @sha256:…) already in the registry" })
        .positional("destinations", { type: "string", array: true, describe: "registry/repository:tag, or a bare tag for the source's repository" })
        .option("dry-run", { type: "boolean", describe: "Print what would change; write nothing" })
        .option("retries", { type: "number", describe: "Retries of a transient registry failure, with backoff", default: 4 })
        .option("json", { type: "boolean", describe: "Print a machine-readable result" }),
    handler: async (args) => {
      // Loaded when the command runs, so `imgs --help` and other commands start fast.
      const { promoteImage } = await import("../apps/promote.js");
      const dryRun = args["dry-run"] ?? false;
      const promoted = await promoteImage({ source: args.source ?? "", destinations: args.destinations ?? [], dryRun, retry: retryOf(args.retries) }, deps);
      if (args.json) {
        deps.stdout.write(`${JSON.stringify({ dryRun, promoted: promoted.map((p) => ({ ...p, previous: p.previous ?? null })) }, null, 2)}\n`);
        return;
      }
      for (const p of promoted) {
        const was = p.previous === undefined ? "new tag" : p.previous === p.digest ? "unchanged" : `was ${p.previous}`;
        deps.stdout.write(`${dryRun ? "would tag " : ""}${p.destination} ${p.digest} (${was})\n`);
      }
    },
  };
}
