import type { CommandModule } from "yargs";
import { runDoctor } from "../apps/doctor.js";
import type { CliDeps } from "../deps.js";
import { DoctorFailedError } from "../errors.js";

/** `imgs doctor`: check the engine, a container round trip and git. */
export function doctorCommand(deps: CliDeps): CommandModule<object, { json?: boolean }> {
  return {
    command: "doctor",
    describe: "Check that the Docker engine, containers and git work for imgs",
    builder: (y) => y.option("json", { type: "boolean", describe: "Print a machine-readable result" }),
    handler: async (args) => {
      const checks = await runDoctor(deps);
      if (args.json) deps.stdout.write(`${JSON.stringify({ checks }, null, 2)}\n`);
      else for (const c of checks) deps.stdout.write(`${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}\n`);
      const failed = checks.filter((c) => !c.ok).map((c) => c.name);
      if (failed.length > 0) throw new DoctorFailedError(failed);
    },
  };
}
