// `imgs refs` against docker/metadata-action's released bundle, over the same git and CI states:
// detached checkouts (issue 8 point 5), the context input (6), its environment variables (7), the
// tag-names output (8) and CI metadata that is missing or unreadable. Every row's `metadataAction`
// was recorded from metadata-action; with METADATA_ACTION_DIR naming a checkout, each row also runs
// metadata-action itself, and the recording must equal what it gives now. `imgs` states where imgs
// differs on purpose, and why.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeCiOrigin, metadataActionDir, parseFileCommands, runMetadataAction, type CiOriginCommits } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturedDeps } from "../__fixtures__/captured-deps.js";
import { runCli } from "../cli.js";

const MA = metadataActionDir();
const NOW = "2024-05-06T07:08:09.123Z";
const REPOSITORY = { name: "widget", html_url: "https://github.com/acme/widget", default_branch: "main" };
const PUSH = { repository: REPOSITORY };
const SEMVER = ["type=semver,pattern={{version}}", "type=semver,pattern={{major}}.{{minor}}"];
const REFS = ["type=ref,event=branch", "type=ref,event=tag", "type=ref,event=pr", "type=edge", "type=raw,value=default-{{is_default_branch}}"];

/** What a run gives: chosen outputs (commit shas written as <name>, <name:7>, <name:12>), or why it failed. */
type Outcome = { readonly outputs: Readonly<Record<string, string>> } | { readonly failure: string };

interface Row {
  /** git commands run in a fresh clone of makeCiOrigin's repository, to check out what a CI would. */
  readonly checkout: readonly (readonly string[])[];
  readonly tags: readonly string[];
  readonly images?: readonly string[];
  readonly context?: "git";
  /** GITHUB_* and DOCKER_METADATA_* variables (<name> stands for a commit). */
  readonly env: Readonly<Record<string, string>>;
  /** The event payload; null: GITHUB_EVENT_PATH names a file that does not exist; a string: the file's text. */
  readonly event: unknown;
  readonly metadataAction: Outcome;
  readonly imgs?: { readonly outcome: Outcome; readonly why: string };
  /** A warning imgs must print on stderr. */
  readonly warning?: RegExp;
}

const detach = (at: string): string[] => ["checkout", "--quiet", "--detach", at];
const onMain: readonly string[][] = [];
const push = (ref: string, sha = "<main>"): Record<string, string> => ({ GITHUB_EVENT_NAME: "push", GITHUB_REF: ref, GITHUB_SHA: sha });
const gitContext = { ...push("refs/heads/somewhere-else", "<first>") };

const ROWS: Readonly<Record<string, Row>> = {
  // Point 5: metadata-action infers a detached HEAD's ref in its git context (docker/actions-toolkit).
  "detached at origin/feature/login's tip": {
    checkout: [detach("origin/feature/login")],
    tags: REFS,
    context: "git",
    env: gitContext,
    event: PUSH,
    metadataAction: { outputs: { version: "feature-login", tags: "feature-login\ndefault-false", revision: "<login>" } },
  },
  "detached at an older commit of main": {
    checkout: [detach("main~1")],
    tags: REFS,
    context: "git",
    env: gitContext,
    event: PUSH,
    metadataAction: { outputs: { version: "edge", tags: "edge\nmain\ndefault-true", revision: "<first>" } },
  },
  "detached at a tag": {
    checkout: [detach("v2.0.0")],
    tags: [...SEMVER, ...REFS],
    context: "git",
    env: gitContext,
    event: PUSH,
    metadataAction: { outputs: { version: "2.0.0", tags: "2.0.0\n2.0\nv2.0.0\ndefault-false\nlatest", revision: "<release>" } },
  },
  "detached at a pull request's merge ref, as actions/checkout leaves it": {
    checkout: [["fetch", "--quiet", "origin", "+refs/pull/7/merge:refs/remotes/pull/7/merge"], detach("refs/remotes/pull/7/merge")],
    tags: REFS,
    context: "git",
    env: gitContext,
    event: PUSH,
    metadataAction: { outputs: { version: "pr-7", tags: "pr-7\ndefault-false", revision: "<pullMerge>" } },
  },
  "detached at main's tip, local main and origin/HEAD there too": {
    checkout: [detach("main")],
    tags: REFS,
    context: "git",
    env: gitContext,
    event: PUSH,
    metadataAction: { outputs: { version: "origin-HEAD-main", tags: "origin-HEAD-main\ndefault-false", revision: "<main>" } },
    imgs: {
      outcome: { outputs: { version: "edge", tags: "edge\nmain\ndefault-true", revision: "<main>" } },
      why: "actions-toolkit reads `HEAD, origin/main, origin/HEAD, main` as the branch `origin/HEAD, main`; every name there says main",
    },
  },
  "detached at origin/main, no local branch": {
    checkout: [detach("origin/main"), ["branch", "--quiet", "-D", "main"]],
    tags: REFS,
    context: "git",
    env: gitContext,
    event: PUSH,
    metadataAction: { outputs: { version: "origin-HEAD", tags: "origin-HEAD\ndefault-false", revision: "<main>" } },
    imgs: {
      outcome: { outputs: { version: "edge", tags: "edge\nmain\ndefault-true", revision: "<main>" } },
      why: "actions-toolkit reads `HEAD, origin/main, origin/HEAD` as the branch `origin/HEAD`; origin/HEAD is no branch",
    },
  },
  // Point 6: who decides the context.
  "context workflow: the event's ref and sha, whatever the checkout": {
    checkout: onMain,
    tags: ["type=ref,event=branch", "type=sha"],
    env: push("refs/heads/release/1.x", "<login>"),
    event: PUSH,
    metadataAction: { outputs: { version: "release-1.x", tags: "release-1.x\nsha-<login:7>", revision: "<login>" } },
  },
  "context git: the checkout's ref and sha, whatever the event says": {
    checkout: onMain,
    tags: ["type=ref,event=branch", "type=sha"],
    context: "git",
    env: push("refs/heads/release/1.x", "<login>"),
    event: PUSH,
    metadataAction: { outputs: { version: "main", tags: "main\nsha-<main:7>", revision: "<main>" } },
  },
  // Point 7: metadata-action's environment variables.
  "DOCKER_METADATA_PR_HEAD_SHA on a pull request": {
    checkout: onMain,
    tags: ["type=ref,event=pr", "type=sha,format=long"],
    env: { GITHUB_EVENT_NAME: "pull_request", GITHUB_REF: "refs/pull/7/merge", GITHUB_SHA: "<pullMerge>", DOCKER_METADATA_PR_HEAD_SHA: "true" },
    event: { number: 7, pull_request: { number: 7, head: { sha: "<login>" }, base: { ref: "main" } }, repository: REPOSITORY },
    metadataAction: { outputs: { version: "pr-7", tags: "pr-7\nsha-<login>", revision: "<login>" } },
  },
  "DOCKER_METADATA_SHORT_SHA_LENGTH=12": {
    checkout: onMain,
    tags: ["type=sha", "type=raw,value=at-{{sha}}"],
    env: { ...push("refs/heads/main"), DOCKER_METADATA_SHORT_SHA_LENGTH: "12" },
    event: PUSH,
    metadataAction: { outputs: { version: "at-<main:12>", tags: "at-<main:12>\nsha-<main:12>" } },
  },
  "DOCKER_METADATA_SHORT_SHA_LENGTH that is not a number, with no short sha made": {
    checkout: onMain,
    tags: ["type=ref,event=branch"],
    env: { ...push("refs/heads/main"), DOCKER_METADATA_SHORT_SHA_LENGTH: "twelve" },
    event: PUSH,
    metadataAction: { outputs: { version: "main", tags: "main" } },
  },
  "DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest,index": {
    checkout: onMain,
    tags: ["type=ref,event=branch"],
    env: { ...push("refs/heads/main"), DOCKER_METADATA_ANNOTATIONS_LEVELS: "manifest,index" },
    event: PUSH,
    metadataAction: { outputs: { version: "main", "annotation levels": "manifest,index" } },
  },
  // Point 8: tag-names.
  "tag-names on a release with two images": {
    checkout: onMain,
    tags: SEMVER,
    images: ["ghcr.io/Acme/App", "docker.io/acme/app"],
    env: push("refs/tags/v1.2.3"),
    event: PUSH,
    metadataAction: {
      outputs: {
        tags: "ghcr.io/acme/app:1.2.3\nghcr.io/acme/app:1.2\nghcr.io/acme/app:latest\ndocker.io/acme/app:1.2.3\ndocker.io/acme/app:1.2\ndocker.io/acme/app:latest",
        "tag-names": "1.2.3\n1.2\nlatest",
        "json tag-names": "1.2.3,1.2,latest",
      },
    },
  },
  // CI metadata missing or unreadable.
  "the event file does not exist": {
    checkout: onMain,
    tags: ["type=ref,event=branch", "type=sha"],
    env: push("refs/heads/main"),
    event: null,
    metadataAction: { outputs: { version: "main", tags: "main\nsha-<main:7>", revision: "<main>" } },
    warning: /^imgs: warning: GITHUB_EVENT_PATH .* does not exist; the facts only the event payload holds/m,
  },
  "GITHUB_SHA is not set": {
    checkout: onMain,
    tags: ["type=ref,event=branch", "type=sha"],
    env: { GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/heads/main" },
    event: PUSH,
    metadataAction: { outputs: { version: "main", tags: "main", revision: "" } },
    imgs: { outcome: { outputs: { version: "main", tags: "main\nsha-<main:7>", revision: "<main>" } }, why: "the repository's HEAD is the commit when the CI names none" },
    warning: /^imgs: warning: GITHUB_SHA is not set in this GitHub Actions run/m,
  },
  "the event file is not JSON": {
    checkout: onMain,
    tags: ["type=ref,event=branch"],
    env: push("refs/heads/main"),
    event: "{ not json",
    metadataAction: { failure: "SyntaxError: Expected property name" },
    imgs: { outcome: { outputs: { version: "main", tags: "main" } }, why: "an unreadable event file is a warning, and the variables and the repository still tell the ref" },
    warning: /^imgs: warning: GITHUB_EVENT_PATH .* is not valid JSON/m,
  },
};

let origin: ReturnType<typeof makeCiOrigin>;
beforeAll(() => {
  origin = makeCiOrigin();
});
afterAll(() => origin.repo.remove());

/** Commit placeholders in a row's text replaced by the commits' shas. */
function fill(text: string, commits: CiOriginCommits): string {
  return text.replace(/<(\w+)>/g, (whole, name: string) => (commits as unknown as Record<string, string>)[name] ?? whole);
}

/** Commit shas in outputs written as placeholders (the whole sha before its 12- and 7-character forms). */
function mask(text: string, commits: CiOriginCommits): string {
  let out = text;
  for (const [name, sha] of Object.entries(commits as unknown as Record<string, string>)) {
    out = out.replaceAll(sha, `<${name}>`).replaceAll(sha.slice(0, 12), `<${name}:12>`).replaceAll(sha.slice(0, 7), `<${name}:7>`);
  }
  return out;
}

/** The outputs a row compares, derived from everything written to GITHUB_OUTPUT. */
function chosen(outputs: Readonly<Record<string, string>>, keys: readonly string[], commits: CiOriginCommits): Record<string, string> {
  const derived: Record<string, string> = {
    ...outputs,
    revision: /^org\.opencontainers\.image\.revision=(.*)$/m.exec(outputs["labels"] ?? "")?.[1] ?? "(no label)",
    "annotation levels": [...new Set((outputs["annotations"] ?? "").split("\n").map((line) => line.slice(0, line.indexOf(":"))))].join(","),
    "json tag-names": String((JSON.parse(outputs["json"] ?? "{}") as { "tag-names"?: string[] })["tag-names"] ?? "(none)"),
  };
  return Object.fromEntries(keys.map((key) => [key, mask(derived[key] ?? "(no output)", commits)]));
}

function expectOutcome(actual: Outcome, expected: Outcome): void {
  if ("failure" in expected && "failure" in actual) expect(actual.failure).toContain(expected.failure);
  else expect(actual).toEqual(expected);
}

const keysOf = (row: Row): string[] => Object.keys("outputs" in row.metadataAction ? row.metadataAction.outputs : (row.imgs?.outcome as { outputs: object }).outputs);

async function imgsRun(row: Row, dir: string): Promise<{ outcome: Outcome; stderr: string }> {
  const work = mkdtempSync(join(tmpdir(), "imgs-refs-parity-"));
  try {
    const eventPath = join(work, "event.json");
    if (row.event !== null) writeFileSync(eventPath, typeof row.event === "string" ? row.event : fill(JSON.stringify(row.event), origin.commits));
    const env = {
      PATH: process.env.PATH,
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
      GITHUB_ACTIONS: "true",
      GITHUB_REPOSITORY: "acme/widget",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_EVENT_PATH: eventPath,
      ...Object.fromEntries(Object.entries(row.env).map(([name, value]) => [name, fill(value, origin.commits)])),
    };
    const deps = capturedDeps({ cwd: dir, env });
    const args = ["refs", ...row.tags.flatMap((tag) => ["-t", tag]), ...(row.images ?? []).flatMap((image) => ["--image", image])];
    try {
      await runCli([...args, ...(row.context ? ["--context", row.context] : []), "--format", "github-output"], deps);
    } catch (error) {
      return { outcome: { failure: (error as Error).message }, stderr: deps.err() };
    }
    return { outcome: { outputs: chosen(parseFileCommands(deps.out()), keysOf(row), origin.commits) }, stderr: deps.err() };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function metadataActionRun(dir: string, row: Row, checkout: string): Promise<Outcome> {
  const result = await runMetadataAction(dir, {
    inputs: { tags: row.tags, images: row.images ?? [], ...(row.context ? { context: row.context } : {}) },
    env: Object.fromEntries(Object.entries(row.env).map(([name, value]) => [name, fill(value, origin.commits)])),
    event: typeof row.event === "string" || row.event === null ? row.event : JSON.parse(fill(JSON.stringify(row.event), origin.commits)),
    repo: REPOSITORY,
    cwd: checkout,
    now: NOW,
  });
  if (result.exitCode !== 0) return { failure: [...result.errors, result.stderr].join("\n") };
  return { outputs: chosen(result.outputs, keysOf(row), origin.commits) };
}

describe("imgs refs against metadata-action", () => {
  it.each(Object.entries(ROWS))("gives metadata-action's outputs when %s", async (_name, row) => {
    using clone = origin.repo.clone();
    for (const args of row.checkout) clone.git(...args);

    const { outcome, stderr } = await imgsRun(row, clone.dir);

    expectOutcome(outcome, row.imgs?.outcome ?? row.metadataAction);
    if (row.imgs !== undefined) expect(row.imgs.outcome).not.toEqual(row.metadataAction);
    if (row.warning !== undefined) expect(stderr).toMatch(row.warning);
    if (MA !== undefined) expectOutcome(await metadataActionRun(MA, row, clone.dir), row.metadataAction);
  });
});
