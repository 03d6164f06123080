import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { containersWithLabel, makeGitRepo, testRunLabel, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };

// Flags and faults of issue 7, each through the imgs binary (bin.ts as its own process), checked
// in the files and output a user sees.
const root = join(import.meta.dirname, "../../..");
const env = { ...process.env, GITHUB_ACTIONS: "", GITLAB_CI: "", JENKINS_URL: "", TRAVIS: "", IMGS_DEBUG: "" };
// tsx's loader by path: the commands run in other folders, where "tsx" would not resolve.
const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;

function imgs(cwd: string, argv: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", tsx, join(root, "packages/cli/src/bin.ts"), ...argv],
      { cwd, env: { ...env, ...extraEnv }, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error?.code;
        resolve({ status: typeof code === "number" ? code : error ? -1 : 0, stdout, stderr });
      },
    );
  });
}

// imgs.localhost/busybox:latest as the image "busybox" of a one-image hierarchy.
const CONFIG = `registry: imgs.localhost
repository: acme/images
images:
  busybox:
    taggers: [commit-sha]
`;

let configRepo: GitRepoFixture;
let workRepo: GitRepoFixture;

beforeAll(() => {
  configRepo = makeGitRepo({ "imgs.config.yaml": CONFIG }, { message: "the config's repository" });
  workRepo = makeGitRepo({ "README.md": "the repository being built\n" }, { message: "the working directory's repository" });
});
afterAll(() => {
  configRepo.remove();
  workRepo.remove();
});

describe("imgs hook --server-url", { timeout: 60_000 }, () => {
  it("links the build manifest's commit and the history line to the given server", async () => {
    const out = join(workRepo.dir, "out-server");
    const { status, stderr } = await imgs(workRepo.dir, [
      "-c",
      join(configRepo.dir, "imgs.config.yaml"),
      "hook",
      "busybox",
      "--server-url",
      "https://git.example.org/",
      "--tags-dir",
      out,
      "--manifests-dir",
      out,
      "--hist-lines-dir",
      out,
    ]);
    expect(stderr).not.toContain("FAILED");
    expect(status).toBe(0);
    const commit = workRepo.git("rev-parse", "HEAD");
    const files = await readdir(out);
    const manifest = await readFile(join(out, files.find((f) => f.endsWith(".md")) ?? "?"), "utf8");
    const line = await readFile(join(out, files.find((f) => f.endsWith(`-${commit.slice(0, 12)}.txt`)) ?? "?"), "utf8");
    expect(manifest).toContain(`- Git commit SHA: [${commit}](https://git.example.org/acme/images/commit/${commit})`);
    expect(line).toContain(`[Git diff](https://git.example.org/acme/images/commit/${commit})`);
    expect(manifest + line).not.toContain("github.com");
  });
});

describe("git facts", { timeout: 60_000 }, () => {
  it("come from the working directory's repository, not the config file's", async () => {
    const out = join(workRepo.dir, "out-git");
    const { status } = await imgs(workRepo.dir, ["-c", join(configRepo.dir, "imgs.config.yaml"), "tag", "busybox", "--tags-dir", out]);
    expect(status).toBe(0);
    const tags = await readFile(join(out, (await readdir(out))[0] ?? "?"), "utf8");
    expect(tags).toContain(`:x86_64-${workRepo.git("rev-parse", "HEAD").slice(0, 12)}`);
    expect(tags).not.toContain(configRepo.git("rev-parse", "HEAD").slice(0, 12));
  });

  it("come from --git-dir when it is given", async () => {
    const out = join(workRepo.dir, "out-git-dir");
    const config = join(configRepo.dir, "imgs.config.yaml");
    const { status } = await imgs(workRepo.dir, ["-c", config, "tag", "busybox", "--tags-dir", out, "--git-dir", configRepo.dir]);
    expect(status).toBe(0);
    const tags = await readFile(join(out, (await readdir(out))[0] ?? "?"), "utf8");
    expect(tags).toContain(`:x86_64-${configRepo.git("rev-parse", "HEAD").slice(0, 12)}`);
  });
});

describe("ref rules in a config", { timeout: 60_000 }, () => {
  const REFS_CONFIG = `registry: imgs.localhost
images:
  busybox:
    taggers: [{ refs: ["type=ref,event=branch", "type=sha"] }]
`;
  // A GitHub Actions push of another branch and commit than the repository's.
  const github = {
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "push",
    GITHUB_REF: "refs/heads/ci-branch",
    GITHUB_SHA: "abcdef0123456789abcdef0123456789abcdef01",
    GITHUB_REPOSITORY: "acme/images",
  };

  async function tagsOf(args: readonly string[], extraEnv: NodeJS.ProcessEnv, config = REFS_CONFIG): Promise<string[]> {
    const dir = makeGitRepo({ "imgs.config.yaml": config });
    try {
      const { status, stderr } = await imgs(dir.dir, ["tag", "busybox", "--tags-dir", "out", ...args], extraEnv);
      expect(stderr).not.toContain("FAILED");
      expect(status).toBe(0);
      return (await readFile(join(dir.dir, "out", (await readdir(join(dir.dir, "out")))[0] ?? "?"), "utf8")).split("\n").map((l) => l.replace(/^.*:x86_64-/, ""));
    } finally {
      dir.remove();
    }
  }

  it("follow the CI's event by default, as metadata-action's context: workflow", async () => {
    expect(await tagsOf([], github)).toEqual(["latest", "ci-branch", "sha-abcdef0"]);
  });

  it("follow the repository with --ref-context git, or refContext: git in the config", async () => {
    const fromFlag = await tagsOf(["--ref-context", "git"], github);
    expect(fromFlag[1]).toBe("main");
    expect(fromFlag[2]).toMatch(/^sha-[0-9a-f]{7}$/);
    expect(fromFlag[2]).not.toBe("sha-abcdef0");
    const fromConfig = await tagsOf([], github, `refContext: git\n${REFS_CONFIG}`);
    expect(fromConfig[1]).toBe("main");
    expect(fromConfig[2]).not.toBe("sha-abcdef0");
  });

  it("get metadata-action's DOCKER_METADATA_SHORT_SHA_LENGTH", async () => {
    expect(await tagsOf([], { ...github, DOCKER_METADATA_SHORT_SHA_LENGTH: "12" })).toEqual(["latest", "ci-branch", "sha-abcdef012345"]);
  });

  it("write a tag once when a rule gives latest on a release commit, as the tags file starts with it", async () => {
    const release = `registry: imgs.localhost
images:
  busybox:
    taggers: [{ refs: ["type=semver,pattern={{version}}"], flavor: ["latest=auto"] }]
`;
    const dir = makeGitRepo({ "imgs.config.yaml": release }, { tags: ["v1.2.3"] });
    try {
      const { status } = await imgs(dir.dir, ["tag", "busybox", "--tags-dir", "out"], { GITHUB_ACTIONS: "" });
      expect(status).toBe(0);
      const text = await readFile(join(dir.dir, "out", "x86_64-default-busybox.txt"), "utf8");
      expect(text).toBe("imgs.localhost/busybox:x86_64-latest\nimgs.localhost/busybox:x86_64-1.2.3");
    } finally {
      dir.remove();
    }
  });

  it("exit 2 for another --ref-context", async () => {
    const { status, stderr } = await imgs(workRepo.dir, ["-c", join(configRepo.dir, "imgs.config.yaml"), "tag", "busybox", "--ref-context", "repo"]);
    expect(stderr).toContain('--ref-context must be workflow (the CI\'s event) or git (the repository), got "repo"');
    expect(status).toBe(2);
  });
});

describe("usage errors are found before the engine is contacted", { timeout: 60_000 }, () => {
  // An engine that cannot answer: contacting it would fail with exit 1, so 2 shows it never was.
  const deadEngine = { DOCKER_HOST: "unix:///nonexistent/imgs-test.sock" };

  it("exits 2 for a command tagger a shell would read differently, naming the config and the entry", async () => {
    const dir = makeGitRepo({ "imgs.config.yaml": `${CONFIG}    # a shell would pipe this
  other:
    taggers: [{ command: "echo $HOME | wc", pattern: "x" }]
` });
    try {
      const { status, stderr } = await imgs(dir.dir, ["tag", "--all"], deadEngine);
      expect(status).toBe(2);
      expect(stderr).toContain(`${join(dir.dir, "imgs.config.yaml")} is invalid:`);
      expect(stderr).toContain('images.other.taggers[0]: invalid tagger spec "echo $HOME | wc": "$" at index 5 means something to a shell');
    } finally {
      dir.remove();
    }
  });

  it.each([
    [["--timeout", "Infinity"], "--timeout must be a number of seconds from 0 (no limit) to 2147483, got Infinity"],
    [["--timeout", "2147484"], "--timeout must be a number of seconds from 0 (no limit) to 2147483, got 2147484"],
    [["--timeout", "-1"], "--timeout must be a number of seconds"],
    [["--repository", "acme/images) [x](javascript:alert(1)"], "--repository must be OWNER/NAME"],
    [["--server-url", "javascript:alert(1)"], "--server-url must be an http(s) URL"],
    [["--server-url", "https://user:secret@git.example.org"], "without credentials"],
  ])("exits 2 for hook %j", async (args, message) => {
    const { status, stderr } = await imgs(workRepo.dir, ["-c", join(configRepo.dir, "imgs.config.yaml"), "hook", "busybox", ...args], deadEngine);
    expect(stderr).toContain(message);
    expect(status).toBe(2);
  });
});

describe("imgs --version", () => {
  it("prints the package's version and exits 0", async () => {
    expect(await imgs(root, ["--version"])).toEqual({ status: 0, stdout: `${packageJson.version}\n`, stderr: "" });
  });
});

describe("imgs doctor", { timeout: 60_000 }, () => {
  it("tries a container of --image and removes it", async () => {
    const { status, stdout } = await imgs(workRepo.dir, ["doctor", "--image", "imgs.localhost/busybox:latest"]);
    expect(stdout).toMatch(/^ok {3}container: imgs\.localhost\/busybox:latest: Linux \S+, removed after use$/m);
    expect(status).toBe(0);
    expect(await containersWithLabel(testRunLabel())).toEqual([]);
  });

  it("tries a container of the config's first image by default", async () => {
    const { stdout } = await imgs(configRepo.dir, ["doctor"]);
    expect(stdout).toMatch(/^ok {3}container: imgs\.localhost\/busybox:latest: Linux/m);
  });

  it("fails the container check, saying what to do, with neither --image nor a config", async () => {
    const { status, stdout } = await imgs(workRepo.dir, ["doctor"]);
    expect(stdout).toMatch(/^FAIL container: no image to try a container with: pass --image IMAGE \(a local image\), or run where an imgs config is/m);
    expect(stdout).toMatch(/^ok {3}engine: Docker /m);
    expect(status).toBe(1);
  });
});
