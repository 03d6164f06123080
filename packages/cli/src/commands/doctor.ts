import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { DoctorFailedError } from "../errors.js";

/** `imgs doctor`: check the engine, a container round trip and git. */
export function doctorCommand(deps: CliDeps): CommandModule<object, { json?: boolean; image?: string; config?: string }> {
  return {
    command: "doctor",
    describe: "Check that the Docker engine, containers and git work for imgs",
    builder: (y) =>
      y
        .option("image", { type: "string", describe: "Local image to try a container with (default: the config's first image)" })
        .option("json", { type: "boolean", describe: "Print a machine-readable result" }),
    handler: async (args) => {
      const { runDoctor } = await import("../apps/doctor.js");
      const checks = await runDoctor(deps, { image: args.image, config: args.config });
      if (args.json) deps.stdout.write(`${JSON.stringify({ checks }, null, 2)}\n`);
      else for (const c of checks) deps.stdout.write(`${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}\n`);
      const failed = checks.filter((c) => !c.ok).map((c) => c.name);
      if (failed.length > 0) throw new DoctorFailedError(failed);
    },
  };
}
