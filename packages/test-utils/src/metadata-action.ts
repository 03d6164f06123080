import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import { join } from "node:path";

/**
 * One run of docker/metadata-action's released bundle: its inputs, the GitHub Actions
 * environment, the event payload and what the GitHub API answers.
 */
export interface MetadataActionCase {
  /** Inputs by name (`tags`, `images`, `flavor`, `context`, `sep-tags`, …); a list becomes lines. */
  readonly inputs?: Readonly<Record<string, string | readonly string[]>>;
  /** GITHUB_* and DOCKER_METADATA_* variables; GITHUB_ACTIONS, GITHUB_REPOSITORY and the paths are preset. */
  readonly env?: Readonly<Record<string, string>>;
  /** The event payload: an object is written as JSON, a string as is; `null` names a file that does not exist. */
  readonly event?: unknown;
  /** The answer to GET /repos/{owner}/{repo} (metadata-action reads title, description, url, license, default branch). */
  readonly repo?: Readonly<Record<string, unknown>>;
  /** Committer dates (ISO) by sha, for GET /repos/{owner}/{repo}/commits/{sha}; others answer 404. */
  readonly commits?: Readonly<Record<string, string>>;
  /** Working directory (the repository, for `context: git`); default an empty temporary folder. */
  readonly cwd?: string;
  /** The run instant metadata-action's `new Date()` sees (ISO). */
  readonly now: string;
}

/** What metadata-action wrote. */
export interface MetadataActionResult {
  readonly exitCode: number;
  /** $GITHUB_OUTPUT entries by name (version, tags, tag-names, labels, annotations, json, bake-file-*). */
  readonly outputs: Readonly<Record<string, string>>;
  /** $GITHUB_ENV entries by name (DOCKER_METADATA_OUTPUT_*). */
  readonly env: Readonly<Record<string, string>>;
  /** `::warning::` messages, in order. */
  readonly warnings: readonly string[];
  /** `::error::` messages, in order. */
  readonly errors: readonly string[];
  readonly stdout: string;
  /** What it wrote on stderr (an uncaught exception's stack, when it crashed before its own error handling). */
  readonly stderr: string;
  /** The API paths it asked for. */
  readonly requests: readonly string[];
}

/** The variable naming a metadata-action checkout whose `dist/index.cjs` the parity tests run. */
export const METADATA_ACTION_DIR = "METADATA_ACTION_DIR";

/**
 * The metadata-action checkout named by METADATA_ACTION_DIR, or undefined when it is unset.
 * Make one from the snapshot with
 * `git -C /work/.mirror/docker+metadata-action/repo archive HEAD -- . ':!dist/index.cjs.map' | tar -x -C DIR`
 * (the source map is over the snapshot's size limit).
 *
 * @throws Error when the variable is set but names no folder with dist/index.cjs
 */
export function metadataActionDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env[METADATA_ACTION_DIR];
  if (dir === undefined || dir === "") return undefined;
  if (!existsSync(join(dir, "dist", "index.cjs"))) throw new Error(`${METADATA_ACTION_DIR}=${dir} has no dist/index.cjs`);
  return dir;
}

// Loaded with --require before the bundle: every argument-less Date is the case's instant, so
// {{date}} and the created label are reproducible. It is test set-up, not metadata-action code.
const FIXED_CLOCK = `"use strict";
const fixed = Date.parse(process.env.IMGS_TEST_FIXED_NOW);
const RealDate = Date;
class FixedDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
  static now() { return fixed; }
}
globalThis.Date = FixedDate;
`;

const OWNER_REPO = "acme/widget";
const execFileAsync = promisify(execFile);

/**
 * Run metadata-action's `dist/index.cjs` under this Node with the case's inputs and variables,
 * a stub GitHub API on 127.0.0.1 (a free port) and fresh GITHUB_OUTPUT/GITHUB_ENV files, and
 * return what it wrote. Nothing outside a temporary folder is touched; the server is always closed.
 *
 * @example const { outputs } = await runMetadataAction(dir, { inputs: { tags: ["type=sha"] }, env: { GITHUB_SHA: sha }, now });
 */
export async function runMetadataAction(dir: string, run: MetadataActionCase): Promise<MetadataActionResult> {
  const work = mkdtempSync(join(tmpdir(), "imgs-metadata-action-"));
  const requests: string[] = [];
  const server = createServer((request, response) => answer(run, request, response, requests));
  try {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const paths = {
      output: join(work, "github-output"),
      env: join(work, "github-env"),
      event: join(work, "event.json"),
      clock: join(work, "fixed-clock.cjs"),
    };
    writeFileSync(paths.output, "");
    writeFileSync(paths.env, "");
    writeFileSync(paths.clock, FIXED_CLOCK);
    if (run.event !== null) writeFileSync(paths.event, typeof run.event === "string" ? run.event : JSON.stringify(run.event ?? {}));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: work,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      RUNNER_TEMP: work,
      IMGS_TEST_FIXED_NOW: run.now,
      GITHUB_ACTIONS: "true",
      GITHUB_REPOSITORY: OWNER_REPO,
      GITHUB_API_URL: `http://127.0.0.1:${port}`,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_EVENT_PATH: paths.event,
      GITHUB_OUTPUT: paths.output,
      GITHUB_ENV: paths.env,
      "INPUT_GITHUB-TOKEN": "test-token",
      ...inputVariables(run.inputs ?? {}),
      ...run.env,
    };
    const { exitCode, stdout, stderr } = await node(["--require", paths.clock, join(dir, "dist", "index.cjs")], run.cwd ?? work, env);
    return {
      exitCode,
      outputs: parseFileCommands(readFileSync(paths.output, "utf8")),
      env: parseFileCommands(readFileSync(paths.env, "utf8")),
      warnings: commands(stdout, "warning"),
      errors: commands(stdout, "error"),
      stdout,
      stderr,
      requests,
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(work, { recursive: true, force: true });
  }
}

/** INPUT_<NAME> as @actions/core reads it: the name upper-cased, spaces as underscores. */
function inputVariables(inputs: Readonly<Record<string, string | readonly string[]>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, "_").toUpperCase()}`, typeof value === "string" ? value : value.join("\n")]),
  );
}

function answer(run: MetadataActionCase, request: IncomingMessage, response: ServerResponse, requests: string[]): void {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  requests.push(path);
  const reply = (status: number, body: unknown): void => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (path === `/repos/${OWNER_REPO}` && run.repo !== undefined) return reply(200, run.repo);
  const commit = /^\/repos\/acme\/widget\/commits\/([^/]+)$/.exec(path)?.[1];
  const date = commit === undefined ? undefined : run.commits?.[decodeURIComponent(commit)];
  if (date !== undefined) return reply(200, { sha: commit, commit: { committer: { date } } });
  reply(404, { message: "Not Found" });
}

async function node(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, args, { cwd, env, encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof code === "number") return { exitCode: code, stdout: stdout ?? "", stderr: stderr ?? "" };
    throw error;
  }
}

/** `name<<delimiter\nvalue\ndelimiter\n` entries, as @actions/core writes GITHUB_OUTPUT and GITHUB_ENV. */
export function parseFileCommands(text: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const lines = text.split("\n");
  for (let at = 0; at < lines.length; at++) {
    const head = /^([^<]+)<<(.+)$/.exec(lines[at] ?? "");
    if (head === null) continue;
    const [, name = "", delimiter] = head;
    const end = lines.indexOf(delimiter ?? "", at + 1);
    if (end < 0) throw new Error(`the entry ${name} has no closing delimiter`);
    entries[name] = lines.slice(at + 1, end).join("\n");
    at = end;
  }
  return entries;
}

/** The messages of `::kind::message` (or `::kind params::message`) workflow commands. */
function commands(stdout: string, kind: string): string[] {
  const pattern = new RegExp(`^::${kind}(?: [^:]*)?::(.*)$`, "gm");
  return [...stdout.matchAll(pattern)].map((match) => (match[1] ?? "").replace(/%0A/g, "\n").replace(/%0D/g, "\r").replace(/%25/g, "%"));
}
