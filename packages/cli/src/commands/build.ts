import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { ImagesFailedError } from "../errors.js";
import { runOptionsOf, withRunOptions } from "./shared-options.js";

/** `imgs build`: build the hierarchy's images from their Dockerfiles. */
export function buildCommand(deps: CliDeps): CommandModule<object, Record<string, never>> {
  return {
    command: "build [images..]",
    describe: "Build images from the config's Dockerfiles as R/O/I:latest, parents first",
    builder: (y) => withRunOptions(y).option("verbose", { type: "boolean", alias: "v", describe: "Print the build output" }) as never,
    handler: async (raw) => {
      const args = raw as Parameters<typeof runOptionsOf>[0] & { verbose?: boolean; json?: boolean };
      const { buildImages } = await import("../apps/build.js");
      const { built, failures } = await buildImages({ ...runOptionsOf(args), verbose: args.verbose }, deps);
      if (args.json) deps.stdout.write(`${JSON.stringify({ built, failures: failures.map((f) => ({ image: f.image, message: f.error.message })) }, null, 2)}\n`);
      else for (const b of built) deps.stdout.write(`${b.ref} ${b.id}\n`);
      if (failures.length > 0) throw new ImagesFailedError(failures);
    },
  };
}
