import type { CommandModule } from "yargs";
import type { DiffFormat } from "@imgs/history";
import type { CliDeps } from "../deps.js";

interface DiffArgs {
  config?: string;
  from?: string;
  to?: string;
  format?: string;
  json?: boolean;
  image?: string;
  "hist-lines-dir"?: string;
  "git-dir"?: string;
}

/** `imgs diff A B`: packages added, removed and changed, and changed tags, between two builds. */
export function diffCommand(deps: CliDeps): CommandModule<object, DiffArgs> {
  return {
    command: "diff <from> <to>",
    describe: "Packages added, removed and changed (per ecosystem) and changed tags between two builds",
    builder: (y) =>
      y
        .positional("from", { type: "string", describe: "The older build: a build manifest file, or a local image reference" })
        .positional("to", { type: "string", describe: "The newer build: a build manifest file, or a local image reference" })
        .option("format", { choices: ["text", "markdown", "json"], default: "text", describe: "Output format" })
        .option("json", { type: "boolean", describe: "Same as --format json" })
        .option("image", { type: "string", describe: "The config's image that references are builds of (default: the one whose R/O/I matches)" })
        .option("hist-lines-dir", { type: "string", describe: "Folder of the manifests' build history lines, for the tags (default: beside each manifest, or the wiki's monthly pages)" })
        .option("git-dir", { type: "string", describe: "Repository to read git facts from for images (default: the working directory's)" }),
    handler: async (args) => {
      // Loaded when the command runs, so `imgs --help` and other commands start fast.
      const { diffTwoBuilds } = await import("../apps/diff.js");
      const { text } = await diffTwoBuilds(
        {
          from: args.from ?? "",
          to: args.to ?? "",
          format: (args.json ? "json" : args.format) as DiffFormat,
          config: args.config,
          image: args.image,
          histLinesDir: args["hist-lines-dir"],
          gitDir: args["git-dir"],
        },
        deps,
      );
      deps.stdout.write(text);
    },
  };
}
