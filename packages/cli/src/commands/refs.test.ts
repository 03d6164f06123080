import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeGitRepo, type GitRepoFixture } from "@imgs/test-utils";
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
