import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeGitRepo, type GitRepoFixture } from "@imgs/test-utils";
import { startImgs } from "./__fixtures__/imgs-process.js";

// Start-up stays fast only while commands load what they use (issue 7, point 9): a static import
// of an app in a command module once brought the registry client, YAML, Handlebars and git into
// `imgs --help`. This names what each command must not load.
const RECORD = fileURLToPath(new URL("./__fixtures__/record-modules.mjs", import.meta.url));
const ENGINE = ["dockerode", "docker-modem", "ssh2", "tar-fs", "tar-stream"];
const LATER = ["@imgs/registry", "@imgs/history", "@imgs/build", "@imgs/evaluate", "@imgs/manifests", "@imgs/hierarchy", "jiti", "yaml"];

let dir: string;
let repo: GitRepoFixture;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "imgs-startup-"));
  repo = makeGitRepo({ "README.md": "imgs\n" });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  repo.remove();
});

async function modulesOf(argv: string[]): Promise<string[]> {
  const file = join(dir, `${argv.join("_").replace(/[^a-z0-9]+/gi, "-")}.txt`);
  const run = startImgs(argv, { cwd: repo.dir, env: { NODE_OPTIONS: `--import=${RECORD}`, IMGS_TEST_MODULES_FILE: file } });
  await run.closed;
  expect((await run.ended).status, run.stderr()).toBe(0);
  return (await readFile(file, "utf8")).split("\n");
}

const loads = (modules: string[], name: string): boolean =>
  modules.some((m) => m.includes(`/node_modules/${name}/`) || m.includes(`/node_modules/.pnpm/${name.replace("/", "+")}@`) || m.includes(`/packages/${name.replace("@imgs/", "")}/dist/`));

describe("what a command loads at start-up", () => {
  it("imgs --help loads neither the engine client, nor the registry client, nor the config and template libraries", async () => {
    const modules = await modulesOf(["--help"]);
    expect(loads(modules, "yargs")).toBe(true);
    expect([...ENGINE, ...LATER, "handlebars", "isomorphic-git", "semver", "csv-parse"].filter((name) => loads(modules, name))).toEqual([]);
  });

  it("imgs refs -t type=sha reads git but loads no engine or registry client", async () => {
    const modules = await modulesOf(["refs", "-t", "type=sha"]);
    expect(loads(modules, "isomorphic-git")).toBe(true);
    expect([...ENGINE, ...LATER].filter((name) => loads(modules, name))).toEqual([]);
  });
});
