import type { Argv } from "yargs";

// --registry and --owner name the repositories R/O/I of the config's images; prune takes them too.
const REGISTRY_OPTION = { type: "string", describe: "Registry host (default: the config's)" } as const;
const OWNER_OPTION = { type: "string", describe: "Owner of the images (default: the config's)" } as const;

/** --registry and --owner alone, for commands that name the images' repositories but run none (prune). */
/** --platform's values, docker-stacks' choices (common_cli_arguments.py); "arm64" is unified to "aarch64". */
export const PLATFORM_CHOICES = ["x86_64", "aarch64", "arm64"];

export function withRepositoryOptions<T>(y: Argv<T>) {
  return y.option("registry", REGISTRY_OPTION).option("owner", OWNER_OPTION);
}

/** Options every image-running command takes (docker-stacks' names; defaults from the config). */
export function withRunOptions<T>(y: Argv<T>) {
  return y
    .positional("images", { type: "string", array: true, describe: "Images of the hierarchy (same as --image)" })
    .option("image", { type: "string", array: true, describe: "An image of the hierarchy (repeatable)" })
    .option("all", { type: "boolean", describe: "Every image of the hierarchy, parents first" })
    .option("registry", REGISTRY_OPTION)
    .option("owner", OWNER_OPTION)
    .option("variant", { type: "string", describe: 'Variant (default: the config\'s, else "default")' })
    .option("platform", { type: "string", choices: PLATFORM_CHOICES, describe: "x86_64 or aarch64 (default: this machine's)" })
    .option("jobs", { type: "number", alias: "j", describe: "Images and commands run at once (default: CPU count)" })
    .option("timeout", { type: "number", describe: "Seconds a command may run before its image fails; 0 for no limit", default: 600 })
    .option("git-dir", { type: "string", describe: "Repository to read git facts from (default: the working directory's)" })
    .option("ref-context", { type: "string", describe: "Where ref rules' ref and sha come from: workflow (the CI's event) or git (the repository); default the config's, else workflow" })
    .option("quiet", { type: "boolean", alias: "q", describe: "No progress output" })
    .option("json", { type: "boolean", describe: "Print a machine-readable result" });
}

/** --cache / --no-cache of the commands that evaluate images (tag, manifest, hook). */
export function withCacheOption<T>(y: Argv<T>) {
  return y.option("cache", {
    type: "boolean",
    default: true,
    describe: "Reuse command results of unchanged images (by image id) from the user's cache folder; --no-cache runs every command",
  });
}

/** The run options shared by tag, manifest, hook and apply, read from parsed arguments. */
export function runOptionsOf(args: {
  config?: string;
  images?: string[];
  image?: string[];
  all?: boolean;
  registry?: string;
  owner?: string;
  variant?: string;
  platform?: string;
  jobs?: number;
  timeout?: number;
  "git-dir"?: string;
  "ref-context"?: string;
  quiet?: boolean;
  cache?: boolean;
}) {
  return {
    config: args.config,
    images: [...(args.images ?? []), ...(args.image ?? [])],
    all: args.all,
    registry: args.registry,
    owner: args.owner,
    variant: args.variant,
    platform: args.platform,
    jobs: args.jobs,
    timeout: args.timeout,
    gitDir: args["git-dir"],
    refContext: args["ref-context"],
    quiet: args.quiet,
    cache: args.cache,
  };
}

/** docker-stacks' output folder options. */
export function withOutputOptions<T>(y: Argv<T>, which: { tags?: boolean; manifests?: boolean }) {
  let out = y
    .option("final-newline", { type: "boolean", describe: "End tags files and history lines with a newline (docker-stacks does not)" })
    .option("server-url", { type: "string", describe: "Web server of the repository for manifest links (default https://github.com)" });
  if (which.tags) out = out.option("tags-dir", { type: "string", describe: "Folder for tags files (default: the config's, else out/tags)" });
  if (which.manifests) {
    out = out
      .option("manifests-dir", { type: "string", describe: "Folder for manifests (default: the config's, else out/manifests)" })
      .option("hist-lines-dir", { type: "string", describe: "Folder for build history lines (default: the config's, else out/hist-lines)" })
      .option("repository", { type: "string", describe: "Source repository OWNER/NAME for manifest links (default: the config's)" });
  }
  return out;
}
