import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigInvalidError, UnknownImageError } from "@imgs/hierarchy";
import { ExecFailedError } from "@imgs/runner";
import { InvalidTagError, RefRuleInvalidError, TaggerFailedError } from "@imgs/taggers";
import { afterEach, describe, expect, it } from "vitest";
import { capturedDeps } from "./__fixtures__/captured-deps.js";
import { createCli, runCli } from "./cli.js";
import { ImagesFailedError, UsageError } from "./errors.js";
import { EXIT_FAILURE, EXIT_USAGE, exitCodeFor, formatError } from "./exit-code.js";

const example = join(import.meta.dirname, "../../../examples/debian-stack/imgs.config.ts");
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function configFolder(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "imgs-cli-"));
  dirs.push(dir);
  writeFileSync(join(dir, name), content);
  return dir;
}

describe("runCli", () => {
  it("prints usage listing every command for --help", async () => {
    const deps = capturedDeps();
    await runCli(["--help"], deps);
    for (const command of ["tag", "apply", "manifest", "hook", "hierarchy", "refs", "wiki", "diff", "doctor", "cleanup"]) {
      expect(deps.out()).toMatch(new RegExp(`imgs ${command}\\b`));
    }
  });

  it("prints a command's options for `tag --help`, docker-stacks' arguments among them", async () => {
    const deps = capturedDeps();
    await runCli(["tag", "--help"], deps);
    for (const option of ["--registry", "--owner", "--image", "--all", "--variant", "--platform", "--tags-dir", "--jobs", "--json"]) {
      expect(deps.out()).toContain(option);
    }
  });

  it.each(["tag", "manifest", "hook", "apply", "build", "push", "merge", "image-ref", "prune", "diff", "refs", "wiki"])(
    "says in `%s --help` that --git-dir defaults to the working directory's repository, never the config's folder",
    async (command) => {
      const deps = capturedDeps();
      await runCli([command, "--help"], deps);
      // The option's description, which yargs may wrap over several lines.
      const gitDir = /--git-dir\s+([^[]*)\[string\]/.exec(deps.out())?.[1]?.replace(/\s+/g, " ") ?? "";
      expect(gitDir).toMatch(/\(default: the working directory('s)?\)/);
      expect(deps.out()).not.toContain("config's folder");
    },
  );

  it("gives prune --registry and --owner, as the other image commands", async () => {
    const deps = capturedDeps();
    await runCli(["prune", "--help"], deps);
    expect(deps.out()).toMatch(/--registry\s+Registry host \(default: the config's\)/);
    expect(deps.out()).toMatch(/--owner\s+Owner of the images \(default: the config's\)/);
  });

  it("throws UsageError for an unknown command or option", async () => {
    await expect(runCli(["tagg"], capturedDeps())).rejects.toThrow(UsageError);
    await expect(runCli(["hierarchy", "--colour"], capturedDeps())).rejects.toThrow(/Unknown argument: colour/);
    await expect(runCli([], capturedDeps())).rejects.toThrow(/Name a command/);
  });

  it("throws UsageError when neither images nor --all are given, or both", async () => {
    await expect(runCli(["tag", "-c", example], capturedDeps())).rejects.toThrow(/--image NAME.*--all/);
    await expect(runCli(["tag", "python", "--all", "-c", example], capturedDeps())).rejects.toThrow(/not both/);
  });

  it("throws UnknownImageError with a suggestion before contacting the engine", async () => {
    const run = runCli(["hook", "pyhton", "-c", example], capturedDeps());
    await expect(run).rejects.toThrow(UnknownImageError);
    await expect(runCli(["hook", "--image", "pyhton", "-c", example], capturedDeps())).rejects.toThrow(/did you mean "python"/);
  });

  it("rejects a platform/variant that cannot make a tag prefix", async () => {
    await expect(runCli(["tag", "python", "-c", example, "--variant", "a b"], capturedDeps())).rejects.toThrow(/tag prefix "x86_64-a b"|tag prefix "aarch64-a b"/);
  });

  it("asks for a repository when manifests need one", async () => {
    const dir = configFolder("imgs.config.yaml", "images: {a: {}}\n");
    await expect(runCli(["manifest", "a"], capturedDeps({ cwd: dir }))).rejects.toThrow(/--repository OWNER\/NAME/);
  });
});

describe("hierarchy command", () => {
  it("prints the example tree as text, JSON and Mermaid", async () => {
    const text = capturedDeps();
    await runCli(["hierarchy", "-c", example], text);
    expect(text.out()).toMatch(/^foundation {2}\(taggers: commit-sha, date, os-version, refs\(/);
    expect(text.out()).toContain("└── python");

    const json = capturedDeps();
    await runCli(["hierarchy", "-c", example, "--format", "json"], json);
    const parsed = JSON.parse(json.out()) as { images: Record<string, { lineage: string[]; allTaggers: string[] }> };
    expect(parsed.images.scientific?.lineage).toEqual(["foundation", "python", "scientific"]);
    expect(parsed.images.scientific?.allTaggers.slice(0, 2)).toEqual(["commit-sha", "date"]);

    const mermaid = capturedDeps();
    await runCli(["hierarchy", "-c", example, "--format", "mermaid"], mermaid);
    expect(mermaid.out()).toContain('img0["foundation"]');
    expect(mermaid.out()).toContain("img1 --> img2");
  });

  it("loads docker-stacks' eleven images with their own taggers and manifests", async () => {
    const deps = capturedDeps();
    await runCli(["hierarchy", "-c", join(import.meta.dirname, "../../../examples/docker-stacks/imgs.config.ts"), "--format", "json"], deps);
    const { images } = JSON.parse(deps.out()) as { images: Record<string, { allTaggers: string[]; allManifests: string[] }> };
    expect(Object.keys(images)).toHaveLength(11);
    expect(images["all-spark-notebook"]?.allTaggers).toEqual([
      "commit-sha", "date", "ubuntu-version", "python-major-minor", "python", "mamba", "conda",
      "jupyter-notebook", "jupyter-lab", "jupyter-hub", "spark", "java", "r",
    ]);
    expect(images["all-spark-notebook"]?.allManifests).toEqual(["conda-environment", "apt-packages", "spark-info", "r-packages"]);
  });

  it("throws ConfigInvalidError naming the file and every problem", async () => {
    const dir = configFolder("imgs.config.yaml", "images:\n  a: {parent: b, taggers: [pyhton]}\n");
    const run = runCli(["hierarchy"], capturedDeps({ cwd: dir }));
    await expect(run).rejects.toThrow(ConfigInvalidError);
    await expect(runCli(["hierarchy"], capturedDeps({ cwd: dir }))).rejects.toThrow(
      new RegExp(`${join(dir, "imgs.config.yaml")} is invalid:\\n.*unknown tagger "pyhton" \\(did you mean "python"\\?\\)[\\s\\S]*unknown parent image "b"`),
    );
  });
});

describe("createCli's failure handler", () => {
  it("turns an error yargs reports (here a coerce that threw) into a UsageError with it as the cause", async () => {
    const cause = new RangeError("n must be positive");
    const cli = createCli(capturedDeps()).command(
      "probe",
      "a command for this test",
      (y) =>
        y.option("n", {
          type: "number",
          coerce: () => {
            throw cause;
          },
        }),
      () => undefined,
    );
    const error = await (async () => cli.parseAsync(["probe", "--n", "0"]))().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    // yargs wraps what coerce threw in its own YError.
    expect(error).toMatchObject({ message: "n must be positive", cause: { name: "YError", message: cause.message } });
  });

  it("lets an error thrown by a command's handler through unchanged", async () => {
    const bug = new TypeError("a bug");
    const cli = createCli(capturedDeps()).command("probe", "a command for this test", {}, () => {
      throw bug;
    });
    await expect((async () => cli.parseAsync(["probe"]))()).rejects.toBe(bug);
  });
});

describe("exitCodeFor / formatError", () => {
  const execFailed = new ExecFailedError("img", "0123456789abcdef", ["false"], 1, "");
  it.each([
    [new UsageError("x"), EXIT_USAGE],
    [new ConfigInvalidError("f", []), EXIT_USAGE],
    [new UnknownImageError("a", ["b"]), EXIT_USAGE],
    [new RefRuleInvalidError("type=semver", "type=semver needs a pattern attribute"), EXIT_USAGE],
    [new TaggerFailedError("t", "img", new InvalidTagError("t", "img", "a b", "a space")), EXIT_USAGE],
    [new TaggerFailedError("t", "img", execFailed), EXIT_FAILURE],
    [new ImagesFailedError([{ image: "img", error: new UsageError("x") }]), EXIT_FAILURE],
    [execFailed, EXIT_FAILURE],
    [new RangeError("a bug"), EXIT_FAILURE],
    ["thrown text", EXIT_FAILURE],
  ])("maps %s to %i", (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it("adds the error's code, but not for usage errors", () => {
    expect(formatError(new UnknownImageError("a", []))).toBe('imgs: unknown image "a"; the hierarchy has no images [UNKNOWN_IMAGE]');
    expect(formatError(new UsageError("bad flag"))).toBe("imgs: bad flag");
  });
});

describe("a flag given twice", () => {
  it("keeps the last value of a single-value option instead of failing on a list", async () => {
    const deps = capturedDeps();
    await runCli(["hierarchy", "-c", example, "--format", "text", "--format", "mermaid"], deps);
    expect(deps.out()).toMatch(/^flowchart TD\n/);
  });
});
