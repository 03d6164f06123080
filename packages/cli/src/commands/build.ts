import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { BuildIncompleteError } from "../errors.js";
import { runOptionsOf, withRunOptions } from "./shared-options.js";

interface BuildArgs {
  verbose?: boolean;
  json?: boolean;
  "build-arg"?: string[];
  target?: string;
  cache?: boolean;
  tag?: string[];
  preset?: string[];
  "sha-env"?: string | boolean;
}

/** `imgs build`: build the hierarchy's images from their Dockerfiles, parents first. */
export function buildCommand(deps: CliDeps): CommandModule<object, Record<string, never>> {
  return {
    command: "build [images..]",
    describe: "Build images from the config's Dockerfiles, parents first, each FROM the parent just built; commit tag, latest, SHA and OCI labels",
    builder: (y) =>
      withRunOptions(y)
        .option("verbose", { type: "boolean", alias: "v", describe: "Print the build output" })
        .option("build-arg", { type: "string", array: true, describe: "NAME=value for every image, over the config's (repeatable)" })
        .option("target", { type: "string", describe: "Build this stage of every Dockerfile (docker build --target)" })
        .option("cache", { type: "boolean", default: true, describe: "Use cached layers; --no-cache builds every step again" })
        .option("tag", { type: "string", array: true, alias: "t", describe: "A tag rule line (metadata-action's) instead of the config's build.tags (repeatable)" })
        .option("preset", { type: "string", array: true, describe: "A preset of tag rules (ltd-keeper, marketplace, cyber-dojo, docker-stacks)" })
        .option("sha-env", { type: "string", describe: "Variable that holds the commit sha (default: the config's, else SHA); --no-sha-env for none" }) as never,
    handler: async (raw) => {
      const args = raw as Parameters<typeof runOptionsOf>[0] & BuildArgs;
      // Loaded when the command runs, so `imgs --help` and other commands start fast.
      const [{ buildImages }, { buildSummary }] = await Promise.all([import("../apps/build.js"), import("../apps/build-report.js")]);
      const tagRules = [...(args.tag ?? []), ...(args.preset ?? []).map((name) => `preset=${name}`)];
      const shaEnv = args["sha-env"] === false ? false : typeof args["sha-env"] === "string" ? args["sha-env"] : undefined;
      const result = await buildImages(
        {
          ...runOptionsOf(args),
          verbose: args.verbose,
          buildArgs: args["build-arg"],
          target: args.target,
          noCache: args.cache === false,
          tagRules,
          shaEnv,
        },
        deps,
      );
      if (args.json) {
        const failed = result.failed.map(({ image, error }) => ({ image, message: error.message, ...("step" in error ? { step: error.step } : {}) }));
        deps.stdout.write(`${JSON.stringify({ commit: result.commit, built: result.built, failed, skipped: result.skipped }, null, 2)}\n`);
      } else {
        for (const built of result.built) deps.stdout.write(`${built.image} ${built.id} ${built.tags.join(" ")}\n`);
      }
      if (!args.quiet || result.failed.length > 0) deps.stderr.write(buildSummary(result));
      if (result.failed.length > 0 || result.skipped.length > 0) throw new BuildIncompleteError(result.failed.length, result.skipped.length);
    },
  };
}
