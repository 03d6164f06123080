import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { PruneIncompleteError } from "../errors.js";
import { PLATFORM_CHOICES, withRepositoryOptions } from "./shared-options.js";

interface PruneArgs {
  config?: string;
  registry?: string;
  owner?: string;
  variant?: string;
  platform?: string;
  "tags-dir"?: string;
  "git-dir"?: string;
  "dry-run"?: boolean;
  json?: boolean;
}

/** `imgs prune`: remove the hierarchy's stale local images, keeping latest and the build cache warm. */
export function pruneCommand(deps: CliDeps): CommandModule<object, PruneArgs> {
  return {
    command: "prune",
    describe: "Remove the hierarchy's local images except latest, the commit tag, the tags files' tags and images containers use",
    builder: (y) =>
      withRepositoryOptions(y)
        .option("dry-run", { type: "boolean", describe: "List what would be removed, with sizes; remove nothing" })
        .option("variant", { type: "string", describe: "Variant of the tags files to keep (default: the config's)" })
        .option("platform", { type: "string", choices: PLATFORM_CHOICES, describe: "x86_64 or aarch64: tags files to keep (default: this machine's)" })
        .option("tags-dir", { type: "string", describe: "Folder of the tags files (default: the config's, else out/tags)" })
        .option("git-dir", { type: "string", describe: "Repository of the current commit (default: the working directory's)" })
        .option("json", { type: "boolean", describe: "Print the plan and result as JSON" }),
    handler: async (args) => {
      const dryRun = args["dry-run"] === true;
      const [{ pruneImages }, { formatImageSize }] = await Promise.all([import("../apps/prune.js"), import("@imgs/manifests")]);
      const { plan, result } = await pruneImages(
        {
          config: args.config,
          registry: args.registry,
          owner: args.owner,
          variant: args.variant,
          platform: args.platform,
          tagsDir: args["tags-dir"],
          gitDir: args["git-dir"],
          dryRun,
        },
        deps,
      );
      if (args.json) {
        deps.stdout.write(`${JSON.stringify({ dryRun, remove: plan.remove, keep: plan.keep, bytes: result?.bytes ?? plan.bytes, failed: result?.failed.map((f) => ({ reference: f.removal.reference, message: f.error.message })) ?? [] }, null, 2)}\n`);
      } else {
        const verb = dryRun ? "would remove" : "removed";
        const gone = result?.removed ?? plan.remove;
        for (const removal of gone) deps.stdout.write(`${verb} ${removal.reference}${removal.kind === "dangling" ? " (untagged)" : ""}  ${formatImageSize(removal.bytes)}\n`);
        for (const kept of plan.keep) deps.stdout.write(`kept ${kept.reference} (${kept.why})\n`);
        for (const failure of result?.failed ?? []) deps.stderr.write(`imgs: could not remove ${failure.removal.reference}: ${failure.error.message}\n`);
        const bytes = formatImageSize(result?.bytes ?? plan.bytes);
        deps.stdout.write(dryRun ? `${gone.length} to remove; would give back ${bytes}\n` : `${gone.length} removed; gave back ${bytes}\n`);
      }
      if (result !== undefined && result.failed.length > 0) throw new PruneIncompleteError(result.failed.length);
    },
  };
}
