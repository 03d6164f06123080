import { isImgsError } from "@imgs/errors";
import type { Argv, MiddlewareFunction } from "yargs";
import { loadYargs } from "./load-yargs.js";
import packageJson from "../package.json" with { type: "json" };
import { applyCommand } from "./commands/apply.js";
import { buildCommand } from "./commands/build.js";
import { checkCommand } from "./commands/check.js";
import { cleanupCommand } from "./commands/cleanup.js";
import { diffCommand } from "./commands/diff.js";
import { doctorCommand } from "./commands/doctor.js";
import { hierarchyCommand } from "./commands/hierarchy.js";
import { imagesCommand } from "./commands/images-command.js";
import { imageRefCommand } from "./commands/image-ref.js";
import { mergeCommand } from "./commands/merge.js";
import { promoteCommand } from "./commands/promote.js";
import { pruneCommand } from "./commands/prune.js";
import { pushCommand } from "./commands/push.js";
import { refsCommand } from "./commands/refs.js";
import { shaCommand } from "./commands/sha.js";
import { wikiCommand } from "./commands/wiki.js";
import type { CliDeps } from "./deps.js";
import { UsageError } from "./errors.js";

/**
 * A flag given twice keeps its last value, as in most command lines, rather than becoming a list
 * that a string, number or boolean option cannot take; options declared as lists keep every value.
 */
function lastValueWins(argv: Record<string, unknown>, y: Argv): void {
  const options = (y as unknown as { getOptions(): { array: string[]; key: Record<string, unknown> } }).getOptions();
  const lists = new Set(options.array);
  for (const key of Object.keys(options.key)) {
    const value = argv[key];
    if (!lists.has(key) && Array.isArray(value)) argv[key] = value.at(-1);
  }
}

/** The imgs command line, built on injected dependencies; it throws instead of exiting. */
export function createCli(deps: CliDeps): Argv {
  return loadYargs().yargs()
    .scriptName("imgs")
    .usage("$0 <command> [options]\n\nTags and build manifests for a hierarchy of Docker images.")
    .option("config", { type: "string", alias: "c", describe: "Config file (default: nearest imgs.config.* upward)", global: true })
    .command(buildCommand(deps))
    .command(imagesCommand("tag", "Compute each image's tags and write its tags file", { tags: true, manifest: false }, deps))
    .command(applyCommand(deps))
    .command(imagesCommand("manifest", "Write each image's build manifest and build history line", { tags: false, manifest: true }, deps))
    .command(imagesCommand("hook", "Tags file, manifest and history line in one run (docker-stacks' make hook/IMAGE)", { tags: true, manifest: true }, deps))
    .command(pushCommand(deps))
    .command(mergeCommand(deps))
    .command(promoteCommand(deps))
    .command(imageRefCommand(deps))
    .command(hierarchyCommand(deps))
    .command(refsCommand(deps))
    .command(shaCommand(deps))
    .command(pruneCommand(deps))
    .command(checkCommand(deps))
    .command(wikiCommand(deps))
    .command(diffCommand(deps))
    .command(doctorCommand(deps))
    .command(cleanupCommand(deps))
    .demandCommand(1, "Name a command; see imgs --help (imgs --version prints the version)")
    .strict()
    .middleware(lastValueWins as unknown as MiddlewareFunction, true)
    .exitProcess(false)
    .fail((message: string | null, error: Error | undefined) => {
      // yargs calls this for its own complaints (unknown option, bad choice, a coerce that threw),
      // always with a message: the input is at fault. A handler's error comes with none; keep it.
      if (error !== undefined && (message === null || isImgsError(error))) throw error;
      throw new UsageError(message ?? "invalid command line", error);
    })
    .help()
    .alias("h", "help")
    .version(packageJson.version)
    .wrap(Math.min(110, deps.columns ?? 100));
}

/**
 * Runs the command line: parses `argv`, runs the command, and writes yargs' own output (help)
 * to deps.stdout. Errors propagate; only the bin turns them into an exit code.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<void> {
  let output = "";
  await createCli(deps).parseAsync([...argv], {}, (_error, _args, text) => {
    output = text;
  });
  if (output) deps.stdout.write(`${output}\n`);
}
