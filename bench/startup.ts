import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { formatTimings, summarize, timeRuns } from "./_stats.js";
import type { BenchOptions } from "./_types.js";

const execFileAsync = promisify(execFile);
const BIN = fileURLToPath(new URL("../packages/cli/bin/imgs.js", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** What issue 7 aims at: `imgs --help` within 150 ms on this machine. */
const HELP_AIM_MS = 150;

/** Section name, for `pnpm bench startup`. */
export const name = "startup";

/**
 * Start-up of the built `imgs` binary beside Node itself, interleaved in one run so that load on
 * the machine hits all three alike: `node -e 0`, `imgs --help` (yargs only) and `imgs refs -t
 * type=sha` (the ref engine and git, no engine client). Needs `pnpm build` first.
 */
export async function run({ runs, log }: BenchOptions): Promise<void> {
  const commands: Array<{ label: string; argv: string[] }> = [
    { label: "node -e 0", argv: ["-e", "0"] },
    { label: "imgs --help", argv: [BIN, "--help"] },
    { label: "imgs refs -t type=sha", argv: [BIN, "refs", "-t", "type=sha", "--format", "tags"] },
  ];
  const samples = new Map<string, number[]>(commands.map((c) => [c.label, []]));
  // One untimed round warms the file cache.
  for (const c of commands) await execFileAsync(process.execPath, c.argv, { cwd: ROOT });
  for (let i = 0; i < runs; i++) {
    for (const c of commands) samples.get(c.label)?.push(...(await timeRuns(1, () => execFileAsync(process.execPath, c.argv, { cwd: ROOT }))));
  }
  for (const line of formatTimings(commands.map((c) => ({ label: c.label, samples: samples.get(c.label) ?? [] })))) log(line);
  const help = summarize(samples.get("imgs --help") ?? []).median;
  const node = summarize(samples.get("node -e 0") ?? []).median;
  log(`imgs --help: median ${help.toFixed(1)} ms, ${(help - node).toFixed(1)} ms over node itself; aim under ${HELP_AIM_MS} ms: ${help < HELP_AIM_MS ? "met" : "NOT met"}`);
}
