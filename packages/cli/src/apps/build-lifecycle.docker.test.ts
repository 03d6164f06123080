import { execFile } from "node:child_process";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUSYBOX, docker, dockerRun, isolatedGitEnv, makeGitRepo, testRunLabel, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Acceptance 1 and 3 of the build lifecycle, through the imgs binary, checked with the docker CLI.
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const owner = `imgs-test-lifecycle-${process.pid}`;
const repository = (image: string): string => `imgs.localhost/${owner}/${image}`;
// A pinned base of our own, so only what a test adds is unpinned.
const BASE = `imgs.localhost/${owner}-base:1.36`;
const config = (images: string, extra = ""): string =>
  [`registry: imgs.localhost`, `owner: ${owner}`, `repository: acme/stack`, `tagsDir: out/tags`, extra, `images:`, images].join("\n");

const TREE = {
  "root/Dockerfile": `FROM ${BASE}\nRUN echo root > /root.txt\n`,
  "mid/Dockerfile": "ARG BASE_IMAGE\nFROM $BASE_IMAGE\nRUN echo mid > /mid.txt\n",
  "leaf/Dockerfile": "ARG BASE_IMAGE\nFROM $BASE_IMAGE\nRUN cat /root.txt /mid.txt > /leaf.txt\n",
  "imgs.config.yaml": config(
    [
      "  root: {dockerfile: root/Dockerfile}",
      "  mid: {parent: root, dockerfile: mid/Dockerfile}",
      "  leaf: {parent: mid, dockerfile: leaf/Dockerfile}",
    ].join("\n"),
  ),
};

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The imgs binary (from source) as a separate process in `cwd`, with no CI variables. */
function imgs(cwd: string, ...argv: string[]): Promise<Run> {
  const env = { ...isolatedGitEnv(), GITHUB_ACTIONS: "", GITLAB_CI: "", JENKINS_URL: "", TRAVIS: "", TSX_TSCONFIG_PATH: join(ROOT, "tsconfig.json") };
  const tsx = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", tsx, join(ROOT, "packages/cli/src/bin.ts"), ...argv], { cwd, env, encoding: "utf8", maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const imageId = async (reference: string): Promise<string> => (await docker("image", "inspect", "--format", "{{.Id}}", reference)).trim();
const history = async (reference: string): Promise<string[]> => (await docker("history", "--quiet", "--no-trunc", reference)).split("\n").filter(Boolean);
/** Every repository:tag of this test's owner, sorted. */
const ourTags = async (): Promise<string[]> =>
  (await docker("images", "--format", "{{.Repository}}:{{.Tag}}", `imgs.localhost/${owner}/*`)).split("\n").filter(Boolean).sort();

let repo: GitRepoFixture;
const containers: string[] = [];

beforeAll(async () => {
  await docker("tag", BUSYBOX, BASE);
  repo = makeGitRepo(TREE, { tags: ["v1.2.3"] });
});

afterAll(async () => {
  for (const id of containers) await docker("rm", "--force", id).catch(() => undefined);
  const tags = await ourTags();
  if (tags.length > 0) await docker("rmi", "--force", ...tags).catch(() => undefined);
  const dangling: string[] = [];
  for (const image of ["root", "mid", "leaf", "broken", "below", "solo"]) {
    const ids = await docker("images", "--quiet", "--filter", "dangling=true", "--filter", `label=dev.imgs.repository=${repository(image)}`);
    dangling.push(...ids.split("\n").filter(Boolean));
  }
  if (dangling.length > 0) await docker("rmi", "--force", ...dangling).catch(() => undefined);
  await docker("rmi", BASE).catch(() => undefined);
  repo.remove();
});

describe("imgs build, sha, prune and check (acceptance 1)", () => {
  it("builds the tree, each child FROM the parent image just built, with the commit, labels and tags baked in; prune and check after a second commit", async () => {
    const head = repo.git("rev-parse", "HEAD");
    const built = await imgs(repo.dir, "build", "--all");
    expect(built.stderr).toContain("3 built, 0 failed, 0 skipped");
    expect(built.code).toBe(0);

    // The engine's own history: each child's parent layer is the image just built (by id).
    const ids = { root: await imageId(`${repository("root")}:latest`), mid: await imageId(`${repository("mid")}:latest`), leaf: await imageId(`${repository("leaf")}:latest`) };
    expect(await history(`${repository("mid")}:latest`)).toContain(ids.root);
    expect(await history(`${repository("leaf")}:latest`)).toContain(ids.mid);
    // The commit tag and latest name the same image.
    expect(await imageId(`${repository("leaf")}:${head.slice(0, 12)}`)).toBe(ids.leaf);

    // imgs sha reads the configuration; docker run reads the environment of a real container.
    const sha = await imgs(repo.dir, "sha", `${repository("root")}:latest`, "--format", "sha");
    expect(sha.stdout).toBe(`${head}\n`);
    expect(await dockerRun(`${repository("root")}:latest`, "sh", "-c", "echo $SHA")).toBe(`${head}\n`);

    const labels = JSON.parse(await docker("inspect", "--format", "{{json .Config.Labels}}", `${repository("leaf")}:latest`)) as Record<string, string>;
    expect(labels).toMatchObject({
      "org.opencontainers.image.revision": head,
      "org.opencontainers.image.version": "v1.2.3",
      "org.opencontainers.image.source": "https://github.com/acme/stack",
      "org.opencontainers.image.title": "stack",
    });
    expect(labels["org.opencontainers.image.created"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    // A second build after a commit; a container keeps using the first build's mid.
    const oldTag = head.slice(0, 12);
    repo.write({ "root/Dockerfile": `FROM ${BASE}\nRUN echo root two > /root.txt\n` });
    const next = repo.commit("Second commit").slice(0, 12);
    expect((await imgs(repo.dir, "build", "--all", "--quiet")).code).toBe(0);
    expect(await history(`${repository("leaf")}:latest`)).toContain(await imageId(`${repository("mid")}:${next}`));
    const container = (await docker("run", "--detach", "--label", testRunLabel(), `${repository("mid")}:${oldTag}`, "sleep", "600")).trim();
    containers.push(container);

    const pruned = await imgs(repo.dir, "prune");
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(/^2 removed; gave back \S+B$/m);
    const kept = ["root", "mid", "leaf"].flatMap((image) => [`${repository(image)}:latest`, `${repository(image)}:${next}`]);
    expect(await ourTags()).toEqual([...kept, `${repository("mid")}:${oldTag}`].sort());

    // check: the tree is pinned; an unpinned FROM added to one Dockerfile is reported.
    const clean = await imgs(repo.dir, "check", "--strict");
    expect([clean.code, clean.stdout]).toEqual([0, "0 unpinned FROM in 0 of 3 Dockerfiles\n"]);
    repo.write({ "leaf/Dockerfile": `ARG TOOLS=imgs.localhost/busybox:latest\nARG BASE_IMAGE\nFROM \${TOOLS} AS tools\nFROM $BASE_IMAGE\n` });
    const warned = await imgs(repo.dir, "check");
    const line = `${join(repo.dir, "leaf/Dockerfile")}:3: FROM \${TOOLS} AS tools: imgs.localhost/busybox:latest (from the default of ARG TOOLS) has the moving tag latest`;
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain(line);
    const strict = await imgs(repo.dir, "check", "--strict");
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe("imgs: 1 FROM instruction(s) are not pinned (--strict) [UNPINNED_FROM]\n");
    const json = JSON.parse((await imgs(repo.dir, "check", "leaf", "--json")).stdout) as { unpinned: Array<{ line: number; reason: string }> };
    expect(json.unpinned).toEqual([expect.objectContaining({ line: 3, reason: "latest", image: "leaf" })]);
    repo.git("checkout", "--", "leaf/Dockerfile");
  });
});

describe("imgs build with a broken Dockerfile in the middle (acceptance 3)", () => {
  it("skips the broken image's subtree, builds its sibling, names the failing step and exits 1", async () => {
    repo.write({
      "broken/Dockerfile": "ARG BASE_IMAGE\nFROM $BASE_IMAGE\nRUN echo about to fail && exit 3\n",
      "below/Dockerfile": "ARG BASE_IMAGE\nFROM $BASE_IMAGE\n",
      "broken.yaml": config(
        [
          "  root: {dockerfile: root/Dockerfile}",
          "  broken: {parent: root, dockerfile: broken/Dockerfile}",
          "  below: {parent: broken, dockerfile: below/Dockerfile}",
          "  mid: {parent: root, dockerfile: mid/Dockerfile}",
          "  leaf: {parent: mid, dockerfile: leaf/Dockerfile}",
        ].join("\n"),
      ),
    });
    const run = await imgs(repo.dir, "build", "--all", "-c", "broken.yaml");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("3 built, 1 failed, 1 skipped");
    expect(run.stderr).toContain("  step:   Step 3/3 : RUN echo about to fail && exit 3\n");
    expect(run.stderr).toContain("  | about to fail\n");
    expect(run.stderr).toContain("- below: skipped, its parent broken was not built");
    expect(run.stderr).toMatch(/imgs: 1 image\(s\) failed and 1 were skipped; see the summary above \[BUILD_INCOMPLETE\]\n$/);
    // Off a terminal, one line per step (CI logs).
    expect(run.stderr).toContain("broken: Step 3/3 : RUN echo about to fail && exit 3\n");
    const tags = await ourTags();
    expect(tags.filter((tag) => /\/(broken|below):/.test(tag))).toEqual([]);
    const head = repo.git("rev-parse", "HEAD").slice(0, 12);
    expect(tags).toEqual(expect.arrayContaining([`${repository("leaf")}:${head}`, `${repository("mid")}:${head}`]));
  });
});

describe("imgs build, sha, prune and check flags through the binary", () => {
  beforeAll(() => {
    mkdirSync(join(repo.dir, "solo"), { recursive: true });
    repo.write({
      "solo/Dockerfile": `FROM ${BASE} AS final\nARG GREETING\nRUN echo "$GREETING" > /greeting\nFROM final AS extra\nRUN echo extra > /extra\n`,
      "flags.yaml": config("  solo: {dockerfile: solo/Dockerfile}"),
    });
  });

  it("--build-arg, --target, --sha-env, --preset and --json", async () => {
    const head = repo.git("rev-parse", "HEAD");
    const run = await imgs(repo.dir, "build", "solo", "-c", "flags.yaml", "--build-arg", "GREETING=hello there", "--target", "final", "--sha-env", "COMMIT", "--preset", "ltd-keeper", "--json");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { commit: string; built: Array<{ image: string; tags: string[] }> };
    expect(json.commit).toBe(head);
    expect(json.built).toEqual([expect.objectContaining({ image: "solo", tags: [`${repository("solo")}:build`] })]);
    // --target final: /extra of the later stage is not there.
    expect(await dockerRun(`${repository("solo")}:build`, "sh", "-c", 'cat /greeting; echo "$COMMIT"; test -e /extra || echo no-extra')).toBe(`hello there\n${head}\nno-extra\n`);
    const sha = await imgs(repo.dir, "sha", "solo:build", "-c", "flags.yaml", "--sha-env", "COMMIT", "--format", "json", "--length", "7");
    expect(JSON.parse(sha.stdout)).toMatchObject({ sha: head, tag: head.slice(0, 7), source: { kind: "env", name: "COMMIT" }, reference: `${repository("solo")}:build` });
    // Without --sha-env, SHA is not there: the revision label answers.
    const text = await imgs(repo.dir, "sha", `${repository("solo")}:build`);
    expect(text.stdout).toBe(`${head}\ncommit tag ${head.slice(0, 12)}, from the label org.opencontainers.image.revision of ${repository("solo")}:build (local image ${(await imageId(`${repository("solo")}:build`)).slice(7, 19)})\n`);
    expect((await imgs(repo.dir, "sha", `${repository("solo")}:build`, "--format", "tag")).stdout).toBe(`${head.slice(0, 12)}\n`);
  });

  it("--no-cache, --no-sha-env, -t and --verbose", async () => {
    const run = await imgs(repo.dir, "build", "solo", "-c", "flags.yaml", "--no-cache", "--no-sha-env", "-t", "type=raw,value=fresh", "--verbose");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("solo | Step 2/5 : ARG GREETING");
    expect(run.stderr).not.toContain("Using cache");
    const env = await docker("inspect", "--format", "{{json .Config.Env}}", `${repository("solo")}:fresh`);
    expect(env).not.toMatch(/SHA=|COMMIT=/);
  });

  it("refuses bad build input with exit 2 before the engine is asked", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--build-arg", "NOVALUE"], /--build-arg "NOVALUE" must be NAME=value/],
      [["--sha-env", "1X"], /--sha-env "1X" must be a variable name/],
      [["--target", "nope"], /target stage "nope" is not a stage \(FROM … AS nope\) of: .*solo\/Dockerfile \[TARGET_STAGE_MISSING\]/],
      // Pull-request rules tag nothing on a push.
      [["-t", "type=ref,event=pr"], /the build's tag rules give no tag for refs\/\S+ \(rules: type=ref,event=pr\).*\[NO_BUILD_TAGS\]/],
    ];
    for (const [flags, message] of cases) {
      const run = await imgs(repo.dir, "build", "solo", "-c", "flags.yaml", ...flags);
      expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(message)]);
    }
  });

  it("imgs sha says where it looked when there is no sha, and when the image is not local", async () => {
    const none = await imgs(repo.dir, "sha", BASE);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(new RegExp(`${BASE} holds no commit sha: looked in the configuration of local image [0-9a-f]{12} \\(the engine at \\S+\\) for environment variable SHA and label org.opencontainers.image.revision`));
    // --from local: the engine only (auto would go on to the registry imgs.localhost; see sha.registry.test.ts).
    const missing = await imgs(repo.dir, "sha", `${repository("nothing")}:here`, "--from", "local");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/is not a local image \(looked in the engine at \S+\) \[SHA_NOT_FOUND\]\n$/);
  });

  it("imgs prune --dry-run --json lists sizes and removes nothing; --tags-dir, --platform and --variant keep a tags file's tags", async () => {
    await docker("tag", `${repository("solo")}:build`, `${repository("solo")}:pinned-by-file`);
    const before = await ourTags();
    const dry = await imgs(ROOT, "prune", "-c", join(repo.dir, "flags.yaml"), "--git-dir", repo.dir, "--dry-run", "--json");
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as { dryRun: boolean; remove: Array<{ reference: string; bytes: number }> };
    expect(plan.dryRun).toBe(true);
    expect(plan.remove.map((r) => r.reference).sort()).toEqual([`${repository("solo")}:build`, `${repository("solo")}:fresh`, `${repository("solo")}:pinned-by-file`]);
    expect(plan.remove.every((r) => Number.isInteger(r.bytes))).toBe(true);
    expect(await ourTags()).toEqual(before);

    writeFileSync(join(repo.dir, "aarch64-cuda-solo.txt"), `${repository("solo")}:pinned-by-file\n`);
    const real = await imgs(repo.dir, "prune", "-c", "flags.yaml", "--tags-dir", ".", "--platform", "aarch64", "--variant", "cuda");
    expect(real.code).toBe(0);
    expect(real.stdout).toContain(`kept ${repository("solo")}:pinned-by-file (kept tag)\n`);
    expect((await ourTags()).filter((tag) => tag.includes("/solo:"))).toEqual([`${repository("solo")}:pinned-by-file`]);
  });

  it("imgs prune --registry and --owner prune the repositories the tags files name; a tags file of another repository keeps nothing and is a note, not a failure", async () => {
    // As after the README's example: images and tags files of a registry on 127.0.0.1:PORT (no
    // registry needs to run; prune only reads the engine). Port 1 is nobody's.
    const elsewhere = (image: string, who = owner): string => `127.0.0.1:1/${who}/${image}`;
    const made = [`${elsewhere("solo")}:old`, `${elsewhere("solo")}:kept-by-file`, `${elsewhere("solo")}:latest`, `${elsewhere("solo", `${owner}-two`)}:stale`];
    for (const reference of made) await docker("tag", `${repository("solo")}:pinned-by-file`, reference);
    const otherTags = async (): Promise<string[]> => (await docker("images", "--format", "{{.Repository}}:{{.Tag}}", "127.0.0.1:1/*/solo")).split("\n").filter((t) => t.includes(owner)).sort();
    try {
      const tagsDir = join(repo.dir, "elsewhere-tags");
      mkdirSync(tagsDir, { recursive: true });
      const file = join(tagsDir, "x86_64-default-solo.txt");
      writeFileSync(file, `${elsewhere("solo")}:kept-by-file`);
      const flags = ["-c", "flags.yaml", "--tags-dir", tagsDir, "--platform", "x86_64"];

      // The config's own repository (imgs.localhost): the file keeps nothing of it, nothing of 127.0.0.1:1 is touched.
      const own = await imgs(repo.dir, "prune", ...flags, "--dry-run", "--json");
      expect(own.code).toBe(0);
      expect(own.stderr).toBe(
        `imgs: note: tags file ${file} names ${elsewhere("solo")}, not ${repository("solo")} (the repository prune works on; --registry and --owner choose it): those lines keep nothing\n`,
      );
      expect((JSON.parse(own.stdout) as { remove: Array<{ reference: string }> }).remove.map((r) => r.reference)).toEqual([`${repository("solo")}:pinned-by-file`]);

      // --owner: another owner's repository on that registry; the file (of the first owner) keeps nothing there either.
      const two = await imgs(repo.dir, "prune", ...flags, "--registry", "127.0.0.1:1", "--owner", `${owner}-two`, "--dry-run");
      expect(two.code).toBe(0);
      expect(two.stdout).toContain(`would remove ${elsewhere("solo", `${owner}-two`)}:stale`);
      expect(two.stdout).toMatch(/^1 to remove; would give back \S+B$/m);

      // --registry: the repository the file names; its tag and latest stay, the rest goes, the config's registry is untouched.
      const real = await imgs(repo.dir, "prune", ...flags, "--registry", "127.0.0.1:1");
      expect([real.code, real.stderr]).toEqual([0, ""]);
      expect(real.stdout).toContain(`removed ${elsewhere("solo")}:old`);
      expect(real.stdout).toContain(`kept ${elsewhere("solo")}:kept-by-file (kept tag)\n`);
      expect(await otherTags()).toEqual([`${elsewhere("solo", `${owner}-two`)}:stale`, `${elsewhere("solo")}:kept-by-file`, `${elsewhere("solo")}:latest`]);
      expect((await ourTags()).filter((tag) => tag.includes("/solo:"))).toEqual([`${repository("solo")}:pinned-by-file`]);

      const bad = await imgs(repo.dir, "prune", "-c", "flags.yaml", "--registry", "not a host", "--dry-run");
      expect([bad.code, bad.stderr]).toEqual([2, `imgs: --registry "not a host" is not a registry host[:port]\n`]);
    } finally {
      const left = await otherTags();
      if (left.length > 0) await docker("rmi", ...left);
    }
  });

  it("imgs prune reads the commit of the working directory's repository, not the config's folder; --git-dir overrides", async () => {
    const elsewhere = makeGitRepo({ "README.md": "another checkout\n" });
    const here = repo.git("rev-parse", "HEAD").slice(0, 12);
    const there = elsewhere.git("rev-parse", "HEAD").slice(0, 12);
    expect(here).not.toBe(there);
    const commitTags = [`${repository("solo")}:${here}`, `${repository("solo")}:${there}`];
    for (const reference of commitTags) await docker("tag", `${repository("solo")}:pinned-by-file`, reference);
    try {
      const removed = async (cwd: string, ...flags: string[]): Promise<string[]> => {
        const run = await imgs(cwd, "prune", "-c", join(repo.dir, "flags.yaml"), "--dry-run", "--json", ...flags);
        expect([run.code, run.stderr]).toEqual([0, ""]);
        return (JSON.parse(run.stdout) as { remove: Array<{ reference: string }> }).remove.map((r) => r.reference).sort();
      };
      // Run in the other checkout: its commit is kept, the config folder's is not.
      expect(await removed(elsewhere.dir)).toEqual([`${repository("solo")}:${here}`, `${repository("solo")}:pinned-by-file`]);
      expect(await removed(elsewhere.dir, "--git-dir", repo.dir)).toEqual([`${repository("solo")}:${there}`, `${repository("solo")}:pinned-by-file`]);
      // A working directory outside any repository is a usage error naming it.
      const outside = await imgs("/", "prune", "-c", join(repo.dir, "flags.yaml"), "--dry-run");
      expect(outside.code).toBe(2);
      expect(outside.stderr).toMatch(/^imgs: \/ is not inside a git repository: .*pass --git-dir/);
    } finally {
      await docker("rmi", ...commitTags);
      elsewhere.remove();
    }
  });
});
