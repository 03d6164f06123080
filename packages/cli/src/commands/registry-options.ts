import type { Argv } from "yargs";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";

/** Options of the commands that talk to a registry: where the tags files are, and how hard to retry. */
export function withRegistryOptions<T>(y: Argv<T>) {
  return y
    .option("tags-dir", { type: "string", describe: "Folder of the tags files (default: the config's, else out/tags)" })
    .option("retries", { type: "number", describe: "Retries of a transient registry failure (no answer, 5xx, 429), with backoff", default: 4 });
}

/** The retry policy of --retries; a usage error for anything but a whole number from 0 to 20. */
export function retryOf(retries: number | undefined): { retries: number } | undefined {
  if (retries === undefined) return undefined;
  if (!Number.isInteger(retries) || retries < 0 || retries > 20) throw new UsageError(`--retries must be a whole number from 0 to 20, not ${retries}`);
  return { retries };
}

/** docker-stacks' PUSH_TO_REGISTRY: "true" in any case means push. */
export const pushToRegistryFromEnv = (env: CliDeps["env"]): boolean => (env.PUSH_TO_REGISTRY ?? "false").toLowerCase() === "true";
