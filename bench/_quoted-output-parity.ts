import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { quotedOutput, startContainer, type createDocker } from "@imgs/runner";
import type { DockerStacksApps } from "./_docker-stacks-apps.js";

const run = promisify(execFile);
const DS_QUOTED_OUTPUT = fileURLToPath(new URL("_ds_quoted_output.py", import.meta.url));

/** Commands that write stdout, stderr or both, in the orders programs do, and what they write. */
export const QUOTED_COMMANDS: ReadonlyArray<{ readonly command: string; readonly writes: string }> = [
  { command: "apt list --installed", writes: "a warning on stderr, then the list on stdout" },
  { command: "python --version", writes: "stdout only" },
  { command: "/usr/local/spark/bin/spark-submit --version", writes: "stderr only (the JVM's note, Spark's banner)" },
  { command: `python -c "import sys; print('banner'); print('warning', file=sys.stderr)"`, writes: "stdout buffered to exit: stderr first" },
  { command: "sh -c 'echo warning >&2; echo banner'", writes: "stderr, then stdout at once" },
  { command: "sh -c 'echo banner; echo warning >&2'", writes: "stdout, then stderr at once" },
  { command: "sh -c 'echo banner; sleep 0.1; echo warning >&2'", writes: "stdout, then stderr 0.1 s later" },
];

/** One command's outputs, run after run, from each side. */
export interface QuotedOutputRuns {
  readonly command: string;
  readonly writes: string;
  readonly dockerStacks: readonly string[];
  readonly imgs: readonly string[];
}

/**
 * Runs each command `runs` times through docker-stacks' own quoted_output (its DockerRunner
 * container) and `runs` times through imgs' quotedOutput, each side in one container of `image`.
 */
export async function quotedOutputRuns(apps: DockerStacksApps, docker: ReturnType<typeof createDocker>["docker"], image: string, runs: number): Promise<QuotedOutputRuns[]> {
  const commands = QUOTED_COMMANDS.map((c) => c.command);
  const env = { ...process.env, PYTHONPATH: apps.checkout, PYTHONPYCACHEPREFIX: apps.pycache };
  const { stdout } = await run(apps.python, [DS_QUOTED_OUTPUT, image, String(runs), ...commands], { env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const dockerStacks = JSON.parse(stdout) as Record<string, string[]>;
  await using session = await startContainer({ image, docker });
  const rows: QuotedOutputRuns[] = [];
  for (const { command, writes } of QUOTED_COMMANDS) {
    const imgs: string[] = [];
    for (let i = 0; i < runs; i += 1) imgs.push(await quotedOutput(session, command));
    rows.push({ command, writes, dockerStacks: dockerStacks[command] ?? [], imgs });
  }
  return rows;
}

/** A table: per command, how many different outputs each side gave and how many of docker-stacks' runs equal imgs' output. */
export function formatQuotedOutputRuns(rows: readonly QuotedOutputRuns[]): string[] {
  const header = ["command", "writes", "docker-stacks forms", "imgs forms", "docker-stacks runs = imgs"];
  const body = rows.map(({ command, writes, dockerStacks, imgs }) => {
    const same = dockerStacks.filter((output) => output === imgs[0]).length;
    return [command, writes, String(new Set(dockerStacks).size), String(new Set(imgs).size), `${same}/${dockerStacks.length}`];
  });
  const table = [header, ...body];
  const widths = header.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? "").length)));
  return table.map((cells) =>
    cells
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}
