import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** What a run of the imgs binary printed and its exit status. */
export interface ImgsRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run the imgs command line (packages/cli/src/bin.ts through tsx, as `pnpm exec imgs` would run
 * the build) from the repository root (so give paths absolute), with extra environment
 * variables; never throws for a non-zero exit.
 */
export function runImgs(argv: readonly string[], options: { env?: Readonly<Record<string, string | undefined>> } = {}): Promise<ImgsRun> {
  const env = { ...process.env, GITHUB_ACTIONS: "", GITLAB_CI: "", JENKINS_URL: "", TRAVIS: "", ...options.env };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", fileURLToPath(new URL("packages/cli/src/bin.ts", `file://${ROOT}`)), ...argv],
      { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
