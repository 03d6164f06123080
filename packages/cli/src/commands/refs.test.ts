import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeCiOrigin, makeGitRepo, parseFileCommands, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturedDeps } from "../__fixtures__/captured-deps.js";
import { runCli } from "../cli.js";

const SEMVER_RULES = ["-t", "type=semver,pattern={{version}}", "-t", "type=semver,pattern={{major}}.{{minor}}", "-t", "type=semver,pattern={{major}}"];
const root = join(import.meta.dirname, "../../../..");

describe("refs command", () => {
  let repo: GitRepoFixture;
  beforeAll(() => {
    repo = makeGitRepo({ "README.md": "release\n" }, { branch: "main", tags: [{ name: "v1.2.3", message: "Release 1.2.3" }] });
  });
  afterAll(() => repo.remove());

  it("prints 1.2.3, 1.2, 1 and latest, the version and the labels for a v1.2.3 tag on the default branch", async () => {
    const deps = capturedDeps({ cwd: repo.dir });
    await runCli(["refs", ...SEMVER_RULES], deps);
    const [tags, rest = ""] = deps.out().split("version: ");
    expect(tags).toBe("tags:\n  1.2.3\n  1.2\n  1\n  latest\n");
    expect(rest).toMatch(/^1\.2\.3 \(latest\)\nlabels:\n/);
    expect(rest).toContain(`\n  org.opencontainers.image.revision=${repo.git("rev-parse", "HEAD")}\n`);
    expect(rest).toContain("\n  org.opencontainers.image.version=1.2.3\n");
  });

  it("prints only the tags, one a line, with --format tags", async () => {
    const deps = capturedDeps({ cwd: repo.dir });
    await runCli(["refs", ...SEMVER_RULES, "--format", "tags"], deps);
    expect(deps.out()).toBe("1.2.3\n1.2\n1\nlatest\n");
  });

  it("names the rule behind each tag with --explain", async () => {
    const deps = capturedDeps({ cwd: repo.dir });
    await runCli(["refs", ...SEMVER_RULES, "--explain"], deps);
    const explain = deps.out().split("explain:\n")[1] ?? "";
    expect(explain).toContain("  1.2.3  <- type=semver,pattern={{version}}\n");
    expect(explain).toContain("  1.2  <- type=semver,pattern={{major}}.{{minor}}\n");
    expect(explain).toContain("  1  <- type=semver,pattern={{major}}\n");
    expect(explain).toMatch(/^ {2}latest {2}<- flavor latest: .*'1.2.3' \(type=semver,pattern=\{\{version\}\}\)/m);
  });

  it("does the same through the imgs binary, as a separate process", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "packages/cli/src/bin.ts", "refs", "--git-dir", repo.dir, ...SEMVER_RULES, "--format", "tags"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, GITHUB_ACTIONS: "", GITLAB_CI: "", JENKINS_URL: "", TRAVIS: "" },
    });
    expect(out).toBe("1.2.3\n1.2\n1\nlatest\n");
  });

  it("prints full image references, labels and version as JSON", async () => {
    const deps = capturedDeps({ cwd: repo.dir });
    await runCli(["refs", "--image", "ghcr.io/Acme/App", "-t", "type=semver,pattern={{version}}", "--format", "json"], deps);
    // metadata-action's `json` output: tags, labels and annotations.
    const json = JSON.parse(deps.out()) as { tags: string[]; labels: Record<string, string> };
    expect(json.tags).toEqual(["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:latest"]);
    expect(json.labels["org.opencontainers.image.version"]).toBe("1.2.3");
    expect(json.labels["org.opencontainers.image.revision"]).toBe(repo.git("rev-parse", "HEAD"));
    expect(json.labels["org.opencontainers.image.created"]).toBe("2024-05-06T07:08:09.123Z");
  });

  it("uses explicit context flags over the repository, and runs outside one with --ref and --sha", async () => {
    const deps = capturedDeps({ cwd: "/" });
    await runCli(["refs", "--ref", "refs/heads/tickets/DM-1234", "--sha", "860c1904a1ce19322e91ac35af1ab07466440c37", "-t", "type=ref,event=branch", "-t", "type=sha", "--format", "tags"], deps);
    expect(deps.out()).toBe("tickets-DM-1234\nsha-860c190\n");
  });

  it("expands a preset given with --preset", async () => {
    const deps = capturedDeps({ cwd: repo.dir, env: { ...capturedDeps().env, GITHUB_ACTIONS: "true", GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/heads/main", GITHUB_SHA: repo.git("rev-parse", "HEAD") } });
    await runCli(["refs", "--preset", "marketplace", "--default-branch", "main", "--format", "tags"], deps);
    expect(deps.out()).toBe(`${repo.git("rev-parse", "--short=7", "HEAD")}\nlatest\n`);
  });

  it("writes a GitHub Actions output file and a bake file with --output", async () => {
    const deps = capturedDeps({ cwd: repo.dir });
    await runCli(["refs", "-t", "type=semver,pattern={{version}}", "--format", "github-output", "--output", "gh.out"], deps);
    const gh = readFileSync(join(repo.dir, "gh.out"), "utf8");
    // Every value in heredoc form, as @actions/core's setOutput writes it.
    expect(gh).toMatch(/^version<<(ghadelimiter_[\w-]+)\n1\.2\.3\n\1$/m);
    expect(gh).toMatch(/^tags<<(ghadelimiter_[\w-]+)\n1\.2\.3\nlatest\n\1$/m);
    await runCli(["refs", "-t", "type=semver,pattern={{version}}", "--format", "bake", "-o", "bake.json", "--bake-target", "app"], deps);
    const bake = JSON.parse(readFileSync(join(repo.dir, "bake.json"), "utf8")) as { target: Record<string, { tags: string[] }> };
    expect(bake.target.app?.tags).toEqual(["1.2.3", "latest"]);
  });

  it("throws for an invalid rule, quoting it", async () => {
    await expect(runCli(["refs", "-t", "type=semver"], capturedDeps({ cwd: repo.dir }))).rejects.toThrow(/type=semver/);
  });

  it("lists the presets", async () => {
    const deps = capturedDeps();
    await runCli(["refs", "--list-presets"], deps);
    for (const name of ["ltd-keeper", "marketplace", "cyber-dojo", "docker-stacks"]) expect(deps.out()).toMatch(new RegExp(`^${name}: `, "m"));
  });
});

/** `imgs refs --git-dir DIR ARGS` as a separate process, with `env` only (plus PATH): status, stdout, stderr. */
function imgsRefs(args: readonly string[], dir: string, env: Readonly<Record<string, string>> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "packages/cli/src/bin.ts", "refs", "--git-dir", dir, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts imgs as its own process (a few seconds each on a busy machine).
describe("refs command through the imgs binary, for metadata-action's context, variables and outputs", { timeout: 60_000 }, () => {
  let origin: ReturnType<typeof makeCiOrigin>;
  beforeAll(() => {
    origin = makeCiOrigin();
  });
  afterAll(() => origin.repo.remove());

  const github = (ref: string, sha: string): Record<string, string> => ({
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "push",
    GITHUB_REF: ref,
    GITHUB_SHA: sha,
  });

  it("takes ref and sha from GITHUB_* by default and from the repository with --context git", () => {
    using clone = origin.repo.clone();
    const env = github("refs/heads/release/1.x", origin.commits.login);
    const rules = ["-t", "type=ref,event=branch", "-t", "type=sha", "--format", "tags"];

    expect(imgsRefs(rules, clone.dir, env)).toMatchObject({ status: 0, stdout: `release-1.x\nsha-${origin.commits.login.slice(0, 7)}\n` });
    expect(imgsRefs([...rules, "--context", "workflow"], clone.dir, env)).toMatchObject({ status: 0, stdout: `release-1.x\nsha-${origin.commits.login.slice(0, 7)}\n` });
    expect(imgsRefs([...rules, "--context", "git"], clone.dir, env)).toMatchObject({ status: 0, stdout: `main\nsha-${origin.commits.main.slice(0, 7)}\n` });
  });

  it.each([
    { args: ["--context", "repo"], outside: false, message: /Invalid values:\s+Argument: context, Given: "repo", Choices: "workflow", "git"/ },
    { args: ["--context", "git"], outside: true, message: /^imgs: \/ is not inside a git repository, and --context git reads one/m },
  ])("exits 2 naming the problem for $args", ({ args, outside, message }) => {
    using clone = origin.repo.clone();
    const result = imgsRefs(["-t", "type=sha", ...args], outside ? "/" : clone.dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("says in --explain which ref a detached checkout stands for and where that came from", () => {
    using clone = origin.repo.clone();
    clone.git("checkout", "--quiet", "--detach", "origin/feature/login");

    const { status, stdout } = imgsRefs(["-t", "type=ref,event=branch", "--explain"], clone.dir);

    expect(status).toBe(0);
    expect(stdout).toContain("tags:\n  feature-login\n");
    expect(stdout).toContain("\nexplain:\n  ref refs/heads/feature/login  <- git: inferred from refs/remotes/origin/feature/login (HEAD is detached at its tip)\n");
    expect(stdout).toContain(`\n  sha ${origin.commits.login}  <- git: HEAD\n`);
  });

  it("reads DOCKER_METADATA_PR_HEAD_SHA, DOCKER_METADATA_SHORT_SHA_LENGTH and DOCKER_METADATA_ANNOTATIONS_LEVELS", () => {
    using clone = origin.repo.clone();
    const work = mkdtempSync(join(tmpdir(), "imgs-refs-event-"));
    try {
      const eventPath = join(work, "event.json");
      const payload = { number: 7, pull_request: { number: 7, head: { sha: origin.commits.login }, base: { ref: "main" } } };
      writeFileSync(eventPath, JSON.stringify(payload));
      const env = {
        ...github("refs/pull/7/merge", origin.commits.pullMerge),
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: eventPath,
        DOCKER_METADATA_PR_HEAD_SHA: "true",
        DOCKER_METADATA_SHORT_SHA_LENGTH: "12",
        DOCKER_METADATA_ANNOTATIONS_LEVELS: "manifest,index",
      };

      const { status, stdout } = imgsRefs(["-t", "type=sha", "--format", "github-output"], clone.dir, env);
      const outputs = parseFileCommands(stdout);

      expect(status).toBe(0);
      expect(outputs["tags"]).toBe(`sha-${origin.commits.login.slice(0, 12)}`);
      expect(outputs["labels"]).toContain(`org.opencontainers.image.revision=${origin.commits.login}\n`);
      expect(outputs["annotations"]).toMatch(/^manifest:org\.opencontainers\.image\.version=sha-[0-9a-f]{12}$/m);
      expect(outputs["annotations"]).toMatch(/^index:org\.opencontainers\.image\.version=sha-[0-9a-f]{12}$/m);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("writes tag-names in github-output, github-env and json", () => {
    using clone = origin.repo.clone();
    const args = ["-t", "type=semver,pattern={{version}}", "--image", "ghcr.io/acme/app", "--image", "docker.io/acme/app"];
    const env = github("refs/tags/v1.2.3", origin.commits.main);

    const output = parseFileCommands(imgsRefs([...args, "--format", "github-output"], clone.dir, env).stdout);
    const environment = parseFileCommands(imgsRefs([...args, "--format", "github-env"], clone.dir, env).stdout);
    const json = JSON.parse(imgsRefs([...args, "--format", "json"], clone.dir, env).stdout) as Record<string, unknown>;

    expect(output["tag-names"]).toBe("1.2.3\nlatest");
    expect(environment["DOCKER_METADATA_OUTPUT_TAG_NAMES"]).toBe("1.2.3\nlatest");
    expect(json["tag-names"]).toEqual(["1.2.3", "latest"]);
    expect(json["tags"]).toEqual(["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:latest", "docker.io/acme/app:1.2.3", "docker.io/acme/app:latest"]);
  });

  it("warns and goes on when GITHUB_EVENT_PATH names a file that does not exist", () => {
    using clone = origin.repo.clone();
    const env = { ...github("refs/heads/main", origin.commits.main), GITHUB_EVENT_PATH: join(clone.dir, "no-such-event.json") };

    const { status, stdout, stderr } = imgsRefs(["-t", "type=ref,event=branch", "--format", "tags"], clone.dir, env);

    expect({ status, stdout }).toEqual({ status: 0, stdout: "main\n" });
    expect(stderr).toBe(
      `imgs: warning: GITHUB_EVENT_PATH ${join(clone.dir, "no-such-event.json")} does not exist; the facts only the event payload holds (default branch, pull request, base ref) are unknown\n`,
    );
  });
});
