import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type Server } from "node:http";
import { removeImage, tagImage } from "@imgs/runner";
import { BUSYBOX, docker, imageExists, makeGitRepo, processDocker, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImgs } from "./__fixtures__/imgs-process.js";

// Issue 12, section 5: usage and config mistakes exit 2 before any container starts, and messages
// name the real cause. Every case runs the imgs binary and checks its exit status, its message and
// the files on disk.

const engine = { docker: processDocker().docker };
const OWNER = `imgs-test-mistakes-${process.pid}`;
const BOX = `imgs.localhost/${OWNER}/box:latest`;
const GONE_AT_ONCE = `imgs.localhost/${OWNER}/gone:latest`;
// An engine that cannot answer: contacting it fails with exit 1, so a 2 shows it was never asked.
const DEAD_ENGINE = { DOCKER_HOST: "unix:///nonexistent/imgs-test.sock" };

let repo: GitRepoFixture;
let dir: string;

beforeAll(async () => {
  repo = makeGitRepo({ "README.md": "mistakes\n" }, { branch: "main", tags: ["v1.0.0"] });
  dir = mkdtempSync(join(tmpdir(), "imgs-mistakes-"));
  await tagImage(BUSYBOX, BOX, engine);
  // An image whose entrypoint ends at once, whatever it is asked to run.
  mkdirSync(join(dir, "gone"));
  writeFileSync(join(dir, "gone/Dockerfile"), `FROM ${BUSYBOX}\nENTRYPOINT ["sh", "-c", "echo cannot start here >&2; exit 3"]\n`);
  await docker("build", "--quiet", "--tag", GONE_AT_ONCE, join(dir, "gone"));
});

afterAll(async () => {
  await removeImage(BOX, engine).catch(() => undefined);
  await removeImage(GONE_AT_ONCE, { ...engine, force: true }).catch(() => undefined);
  repo?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A config file in its own folder; returns its path. */
function config(name: string, text: string): string {
  const folder = mkdtempSync(join(dir, "config-"));
  writeFileSync(join(folder, name), text);
  return join(folder, name);
}

const yamlWithRefs = (rule: string): string =>
  `registry: imgs.localhost\nowner: ${OWNER}\nimages:\n  box:\n    taggers: [commit-sha, { refs: [${JSON.stringify(rule)}] }]\n`;

describe("config mistakes exit 2 before any container starts, naming the config and the entry", { timeout: 60_000 }, () => {
  it.each([
    ["a bad enable= value", "type=raw,value=x,enable=maybe", 'enable must render to true or false, got "maybe"'],
    ["an unknown time zone", "type=schedule,pattern={{date 'YYYY' tz='Mars/Olympus'}}", 'unknown time zone "Mars/Olympus"'],
    ["a template that cannot work", "type=raw,value={{date 'YYYY'", "invalid template"],
    ["a type=match expression that is not one", "type=match,pattern=((,group=1", "type=match"],
  ])("%s", async (_what, rule, message) => {
    const file = config("imgs.config.yaml", yamlWithRefs(rule));
    const tags = join(dir, `tags-${Math.random()}`);
    const result = await runImgs(["-c", file, "tag", "box", "--tags-dir", tags], { cwd: repo.dir, env: DEAD_ENGINE });
    expect(result.stderr).toContain(`${file} is invalid:`);
    expect(result.stderr).toContain("images.box.taggers[1]");
    expect(result.stderr).toContain(message);
    expect(result.status).toBe(2);
    expect(existsSync(tags)).toBe(false);
  });

  it("a .json config is JSON: a comment or a trailing comma YAML would take is refused", async () => {
    const file = config("imgs.config.json", '{\n  "images": { "box": {} },\n  "owner": "x", // a comment\n}\n');
    const result = await runImgs(["-c", file, "hierarchy"], { cwd: repo.dir });
    expect(result.stderr).toMatch(new RegExp(`^imgs: cannot load ${file}: not valid JSON.*\\[CONFIG_LOAD\\]\\n$`));
    expect(result.status).toBe(2);
    // The same text as YAML would have loaded: the file's extension decides.
    const valid = config("imgs.config.json", '{ "images": { "box": {} } }');
    expect(await runImgs(["-c", valid, "hierarchy"], { cwd: repo.dir })).toMatchObject({ status: 0, stdout: "box\n" });
  });

  it("-c on a folder says it is a folder, and names the config inside it", async () => {
    const file = config("imgs.config.yaml", "images: { box: {} }\n");
    const folder = join(file, "..");
    const result = await runImgs(["-c", folder, "hierarchy"], { cwd: repo.dir });
    expect(result).toMatchObject({
      status: 2,
      stderr: `imgs: --config ${folder} is a folder, not a config file; did you mean --config ${file}? [CONFIG_NOT_FOUND]\n`,
    });
  });
});

describe("usage mistakes exit 2 before any container starts", { timeout: 60_000 }, () => {
  const boxConfig = (): string => config("imgs.config.yaml", `registry: imgs.localhost\nowner: ${OWNER}\nimages:\n  box:\n    taggers: [commit-sha]\n`);

  it("imgs tag outside a repository, like imgs refs", async () => {
    const outside = mkdtempSync(join(dir, "not-a-repo-"));
    const tag = await runImgs(["-c", boxConfig(), "tag", "box", "--tags-dir", "tags"], { cwd: outside, env: DEAD_ENGINE });
    expect(tag).toMatchObject({ status: 2, stderr: `imgs: ${outside} is not inside a git work tree [NOT_A_REPOSITORY]\n` });
    const refs = await runImgs(["refs"], { cwd: outside });
    expect(refs.status).toBe(2);
    expect(refs.stderr).toBe(`imgs: ${outside} is not inside a git repository; run imgs refs in one, or give the context with --ref and --sha\n`);
    expect(readdirSync(outside)).toEqual([]);
  });

  it("a --git-dir that does not exist", async () => {
    const missing = join(dir, "no-such-folder");
    const result = await runImgs(["-c", boxConfig(), "tag", "box", "--git-dir", missing, "--tags-dir", join(dir, "t-git-dir")], { cwd: repo.dir, env: DEAD_ENGINE });
    expect(result.stderr).toMatch(new RegExp(`^imgs: ${missing} is not inside a git work tree \\(ENOENT: .*\\) \\[NOT_A_REPOSITORY\\]\\n$`));
    expect(result.status).toBe(2);
    expect(existsSync(join(dir, "t-git-dir"))).toBe(false);
  });

  it.each([
    [["--now", "garbage"], 'imgs: invalid ref context now="garbage": not an ISO 8601 instant [REF_CONTEXT_INVALID]\n'],
    [["--commit-date", "yesterday"], 'imgs: invalid ref context commitDate="yesterday": not an ISO 8601 instant [REF_CONTEXT_INVALID]\n'],
  ])("imgs refs %j", async (args, message) => {
    expect(await runImgs(["refs", ...args], { cwd: repo.dir })).toMatchObject({ status: 2, stdout: "", stderr: message });
  });

  it("DOCKER_HOST=garbage://", async () => {
    const tags = join(dir, "t-garbage");
    const result = await runImgs(["-c", boxConfig(), "tag", "box", "--tags-dir", tags], { cwd: repo.dir, env: { DOCKER_HOST: "garbage://" } });
    expect(result).toMatchObject({ status: 2, stderr: 'imgs: DOCKER_HOST: unsupported engine address "garbage://" (use unix://, tcp:// or ssh://) [DOCKER_CONFIG]\n' });
    expect(existsSync(tags)).toBe(false);
  });
});

describe("imgs refs never prints a tag Docker would refuse", { timeout: 60_000 }, () => {
  const long = (n: number): string => "a".repeat(n);

  it.each([
    [["-t", "type=raw,value=-rf"], 'rule "type=raw,value=-rf" made the tag "-rf", which Docker would refuse: it starts with "-"; it must start with a letter, digit or _'],
    [["-t", "type=raw,value=--help"], 'made the tag "--help", which Docker would refuse: it starts with "-"'],
    [["-t", `type=raw,value=${long(301)}`], '…" (301 characters), which Docker would refuse: it is 301 characters long; at most 128 are allowed'],
    [["-t", "type=ref,event=branch", "--ref", `refs/heads/${long(10_240)}`], `rule "type=ref,event=branch" made the tag "${long(60)}…" (10240 characters), which Docker would refuse`],
  ])("refuses %#: exit 2, the rule named, no output file", async (args, message) => {
    const out = join(dir, `refs-${Math.random()}.txt`);
    const result = await runImgs(["refs", ...args, "-o", out], { cwd: repo.dir });
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/\[INVALID_REF_TAG\]\n$/);
    expect(result.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a short sha length that makes `sha-`, from the flag or metadata-action's variable", async () => {
    const flag = await runImgs(["refs", "-t", "type=sha", "--short-sha-length", "0"], { cwd: repo.dir });
    expect(flag).toMatchObject({ status: 2, stdout: "" });
    expect(flag.stderr).toBe("imgs: invalid ref context shortShaLength=0: not a whole number of at least 1 (a shorter sha names no commit) [REF_CONTEXT_INVALID]\n");
    const variable = await runImgs(["refs", "-t", "type=sha"], { cwd: repo.dir, env: { DOCKER_METADATA_SHORT_SHA_LENGTH: "0" } });
    expect(variable).toMatchObject({ status: 2, stdout: "" });
  });

  it("prints what metadata-action prints when every tag is valid (the refusals above come from the tags)", async () => {
    const result = await runImgs(["refs", "-t", "type=raw,value=rf", "-t", "type=sha", "--format", "tags"], { cwd: repo.dir });
    expect(result).toMatchObject({ status: 0, stdout: `rf\nsha-${repo.git("rev-parse", "--short=7", "HEAD")}\n`, stderr: "" });
  });
});

describe("GIT_DIR and GIT_WORK_TREE are honoured as git honours them", { timeout: 60_000 }, () => {
  it("imgs refs reads the repository GIT_DIR names, whatever the working directory", async () => {
    const elsewhere = mkdtempSync(join(dir, "cwd-"));
    const result = await runImgs(["refs", "--format", "json"], { cwd: elsewhere, env: { GIT_DIR: join(repo.dir, ".git") } });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { tags: string[]; labels: Record<string, string> };
    // metadata-action's default rules on the tag at HEAD.
    expect(json.tags).toEqual(["v1.0.0", "latest"]);
    expect(json.labels["org.opencontainers.image.revision"]).toBe(repo.git("rev-parse", "HEAD"));
    // No GIT_WORK_TREE: git takes the working directory as the work tree's top.
    expect(json.labels["org.opencontainers.image.title"]).toBe(elsewhere.split("/").at(-1));
    const withTree = await runImgs(["refs", "--format", "json"], { cwd: elsewhere, env: { GIT_DIR: join(repo.dir, ".git"), GIT_WORK_TREE: repo.dir } });
    expect((JSON.parse(withTree.stdout) as { labels: Record<string, string> }).labels["org.opencontainers.image.title"]).toBe(repo.dir.split("/").at(-1));
  });

  it("a relative GIT_DIR is relative to the working directory; one that is no git folder exits 2 naming it", async () => {
    const result = await runImgs(["refs", "--format", "tags", "-t", "type=sha,prefix=,format=long"], { cwd: repo.dir, env: { GIT_DIR: ".git" } });
    expect(result).toMatchObject({ status: 0, stdout: `${repo.git("rev-parse", "HEAD")}\n` });
    const wrong = await runImgs(["refs"], { cwd: repo.dir, env: { GIT_DIR: "nowhere" } });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe(`imgs: ${join(repo.dir, "nowhere")} is not inside a git work tree (GIT_DIR names it, but it is not a git folder: it has no HEAD); run imgs refs in one, or give the context with --ref and --sha\n`);
  });

  it("imgs tag reads the commit GIT_DIR names; --git-dir wins over GIT_DIR, as git's own flag does", async () => {
    using other = makeGitRepo({ "README.md": "other\n" });
    const file = boxConfigIn(dir);
    const tags = join(dir, "t-gitdir");
    const viaEnv = await runImgs(["-c", file, "tag", "box", "--tags-dir", tags, "--quiet"], { cwd: repo.dir, env: { GIT_DIR: join(other.dir, ".git") } });
    expect(viaEnv.stderr).toBe("");
    expect(readdirSync(tags)).toEqual(["x86_64-default-box.txt"]);
    expect(viaEnv.stdout).toBe(`${join(tags, "x86_64-default-box.txt")}\n`);
    const text = readFileSync(join(tags, "x86_64-default-box.txt"), "utf8");
    expect(text).toContain(`:x86_64-${other.git("rev-parse", "HEAD").slice(0, 12)}`);
    const viaFlag = await runImgs(["-c", file, "tag", "box", "--tags-dir", tags, "--quiet", "--git-dir", repo.dir], { cwd: repo.dir, env: { GIT_DIR: join(other.dir, ".git") } });
    expect(viaFlag.status).toBe(0);
    expect(readFileSync(join(tags, "x86_64-default-box.txt"), "utf8")).toContain(`:x86_64-${repo.git("rev-parse", "HEAD").slice(0, 12)}`);
  });
});

function boxConfigIn(folder: string): string {
  const file = join(mkdtempSync(join(folder, "box-")), "imgs.config.yaml");
  writeFileSync(file, `registry: imgs.localhost\nowner: ${OWNER}\nimages:\n  box:\n    taggers: [commit-sha]\n`);
  return file;
}

describe("--highest-semver-latest where the repository's tags cannot all be seen", { timeout: 60_000 }, () => {
  let origin: GitRepoFixture;
  beforeAll(() => {
    // v2.0.0 is the highest release; v1.9.1 is a backport made after it.
    origin = makeGitRepo({ "README.md": "one\n" }, { branch: "main", tags: ["v1.9.0"] });
    origin.commit("two");
    origin.git("tag", "v2.0.0");
    origin.git("checkout", "--quiet", "-b", "backport", "v1.9.0");
    origin.commit("fix");
    origin.git("tag", "v1.9.1");
  });
  afterAll(() => origin.remove());

  const RULES = ["-t", "type=semver,pattern={{version}}", "--highest-semver-latest"];

  it("a full clone: v1.9.1 is not the highest, latest stays where it is", async () => {
    using clone = origin.clone("--branch", "v1.9.1");
    const result = await runImgs(["refs", ...RULES, "--format", "tags"], { cwd: clone.dir });
    expect(result).toMatchObject({ status: 0, stdout: "1.9.1\n", stderr: "" });
  });

  it.each([
    ["a shallow clone", () => origin.clone("--depth", "1", "--branch", "v1.9.1"), "the repository is a shallow clone, which fetches only some tags"],
    [
      "a clone with only the tag being built fetched",
      () => {
        const clone = origin.clone("--no-tags");
        clone.git("fetch", "--quiet", "origin", "refs/tags/v1.9.1:refs/tags/v1.9.1");
        clone.git("checkout", "--quiet", "v1.9.1");
        return clone;
      },
      "remote origin is set to fetch no tags (remote.origin.tagOpt=--no-tags",
    ],
  ])("%s: says so, does not add latest, and --explain says why", async (_what, makeClone, why) => {
    using clone = makeClone();
    expect(clone.git("tag", "--list")).toBe("v1.9.1");
    const result = await runImgs(["refs", ...RULES, "--format", "tags"], { cwd: clone.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("1.9.1\n");
    expect(result.stderr).toContain(`imgs: warning: latest not added: the repository's tags may be incomplete: ${why}`);
    expect(result.stderr).toContain("so 'v1.9.1' cannot be known to be the highest stable semver");
    const explained = await runImgs(["refs", ...RULES, "--explain"], { cwd: clone.dir });
    expect(explained.stdout).toMatch(new RegExp(`^ {2}\\(no latest\\) {2}<- flavor latest: .*the repository's tags may be incomplete: ${why.replace(/[().]/g, "\\$&")}`, "m"));
  });
});

describe("messages that name the real cause", { timeout: 60_000 }, () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    // A web server, where DOCKER_HOST should have named an engine: 404 pages for everything.
    server = createServer((_req, res) => res.writeHead(404, { "Content-Type": "text/html" }).end("<html><h1>404 Not Found</h1></html>"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("an endpoint that is not a Docker engine is not reported as a missing image", async () => {
    const tags = join(dir, "t-not-engine");
    const result = await runImgs(["-c", boxConfigIn(dir), "tag", "box", "--tags-dir", tags, "--no-cache"], { cwd: repo.dir, env: { DOCKER_HOST: `tcp://127.0.0.1:${port}` } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`box: tcp://127.0.0.1:${port} is not a Docker engine: asked to "inspect image", it answered HTTP 404 with "<html><h1>404 Not Found</h1></html>", not the engine's JSON error`);
    expect(result.stderr).not.toContain("does not exist");
    expect(existsSync(tags)).toBe(false);
  });

  it("an image whose entrypoint exits at once is not reported as removed from outside", async () => {
    const file = join(mkdtempSync(join(dir, "gone-")), "imgs.config.yaml");
    writeFileSync(file, `registry: imgs.localhost\nowner: ${OWNER}\nimages:\n  gone:\n    taggers: [{name: v, command: [busybox], pattern: 'v(\\S+)'}]\n`);
    const tags = join(dir, "t-gone");
    const result = await runImgs(["-c", file, "tag", "gone", "--tags-dir", tags, "--no-cache"], { cwd: repo.dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/gone: tagger "v" failed for image gone: container [0-9a-f]{12} of image \S+\/gone:latest ended before its first command could run: its main process \("cat", run by the image's entrypoint\) ended at once/);
    expect(result.stderr).toContain("the main process printed:\n    cannot start here");
    expect(result.stderr).not.toContain("removed from outside");
    expect(existsSync(join(tags, "x86_64-default-gone.txt"))).toBe(false);
  });

  it("imgs apply refuses a tags-file line of another repository before tagging anything", async () => {
    const tagsDir = mkdtempSync(join(dir, "apply-"));
    const victim = `imgs.localhost/${OWNER}/victim:latest`;
    writeFileSync(join(tagsDir, "x86_64-default-box.txt"), `imgs.localhost/${OWNER}/box:x86_64-ok\n${victim}`);
    const result = await runImgs(["-c", boxConfigIn(dir), "apply", "box", "--tags-dir", tagsDir], { cwd: repo.dir });
    expect(result.stderr).toContain(`line 2 names repository imgs.localhost/${OWNER}/victim, not imgs.localhost/${OWNER}/box`);
    expect(result.status).toBe(1);
    expect(await imageExists(victim)).toBe(false);
    expect(await imageExists(`imgs.localhost/${OWNER}/box:x86_64-ok`)).toBe(false);
  });
});
