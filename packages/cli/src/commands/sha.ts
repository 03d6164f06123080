import type { CommandModule } from "yargs";
import type { ShaResult, ShaSource } from "../apps/sha.js";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";
import { retryOf } from "./registry-options.js";

interface ShaArgs {
  config?: string;
  image?: string;
  format?: string;
  "sha-env"?: string;
  length?: number;
  from?: string;
  platform?: string;
  retries?: number;
}

const FORMATS = ["text", "sha", "tag", "json"] as const;
const SOURCES = ["auto", "local", "registry"] as const satisfies readonly ShaSource[];

/** `imgs sha IMAGE[:TAG]`: the commit sha baked into an image, without starting a container or pulling. */
export function shaCommand(deps: CliDeps): CommandModule<object, ShaArgs> {
  return {
    command: "sha <image>",
    describe: "Print the commit sha baked into an image (its SHA variable or revision label) and its commit tag, without running or pulling it",
    builder: (y) =>
      y
        .positional("image", { type: "string", describe: "IMAGE[:TAG] or IMAGE@DIGEST: a local or registry image, or an image name of the config" })
        .option("from", {
          type: "string",
          choices: SOURCES,
          default: "auto",
          describe: "auto: the local image, else (not local, and the reference names a registry) its registry; local; registry (no engine needed)",
        })
        .option("platform", { type: "string", describe: "Platform to read from an image index: linux/arm64, or x86_64 / aarch64 (default: this machine's)" })
        .option("retries", { type: "number", describe: "Retries of a transient registry failure (no answer, 5xx, 429), with backoff", default: 4 })
        .option("format", { type: "string", choices: FORMATS, default: "text", describe: "text; sha or tag (just that, for scripts); json" })
        .option("sha-env", { type: "string", describe: "Variable to read (default: the config's build.shaEnv, else SHA)" })
        .option("length", { type: "number", describe: "Length of the commit tag (default 12; cyber-dojo uses 7)" }),
    handler: async (args) => {
      if (args.image === undefined || args.image === "") throw new UsageError("name the image: imgs sha IMAGE[:TAG]");
      const { readImageSha } = await import("../apps/sha.js");
      const found = await readImageSha(
        { reference: args.image, shaEnv: args["sha-env"], length: args.length, config: args.config, from: args.from as ShaSource, platform: args.platform, retry: retryOf(args.retries) },
        deps,
      );
      if (found.where === "registry" && !found.platformsAgree) {
        const each = found.platforms.map((p) => `${p.platform} ${p.sha ?? "none"}`).join(", ");
        deps.stderr.write(`imgs: warning: the platforms of ${found.reference} carry different commit shas: ${each}; this is ${found.platform}'s (--platform chooses)\n`);
      }
      const text = {
        text: `${found.sha}\ncommit tag ${found.tag}, from the ${sourceOf(found)} of ${found.reference} (${placeOf(found)})\n`,
        sha: `${found.sha}\n`,
        tag: `${found.tag}\n`,
        json: `${JSON.stringify(found, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`,
      }[(args.format ?? "text") as (typeof FORMATS)[number]];
      deps.stdout.write(text);
    },
  };
}

const sourceOf = (found: ShaResult): string => (found.source.kind === "env" ? `environment variable ${found.source.name}` : `label ${found.source.name}`);

/** Which image was read: the local image id, or the registry image (and the index's platform). */
function placeOf(found: ShaResult): string {
  if (found.where === "local") return `local image ${found.id.slice(7, 19)}`;
  if (!found.index) return `image ${found.digest}, ${found.platform}, in the registry at ${found.url}`;
  const others = found.platforms.length > 1 && found.platformsAgree ? `; all ${found.platforms.length} platforms carry this sha` : "";
  return `the ${found.platform} image of image index ${found.digest} in the registry at ${found.url}${others}`;
}
