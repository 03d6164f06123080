import { appendFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliDeps } from "../deps.js";

/**
 * GitHub Actions step outputs (`name=value`, and `name<<DELIMITER` for several lines), appended
 * to the file as Actions expects of $GITHUB_OUTPUT. Values must not contain the delimiter line.
 */
export function githubOutputLines(outputs: ReadonlyArray<readonly [string, string]>): string {
  return outputs
    .map(([name, value]) => (value.includes("\n") ? `${name}<<IMGS_OUTPUT_EOF\n${value}\nIMGS_OUTPUT_EOF\n` : `${name}=${value}\n`))
    .join("");
}

/** Append outputs to a GitHub output file (relative to the working directory). */
export async function appendGithubOutput(file: string, outputs: ReadonlyArray<readonly [string, string]>, deps: Pick<CliDeps, "cwd">): Promise<void> {
  await appendFile(resolve(deps.cwd, file), githubOutputLines(outputs));
}
