import { fakeReplyContext } from "@imgs/test-utils";
import { ExecFailedError } from "@imgs/runner";
import { describe, expect, it } from "vitest";
import { runTagger } from "../run-tagger.js";
import type { TagContext } from "../types.js";
import { builtinTaggers } from "./builtin-taggers.js";
import { InvalidTagError, TaggerFailedError, UnparsableOutputError } from "./errors.js";

/** What the built-in tagger `name` throws in `ctx`. */
async function failure(name: string, ctx: TagContext): Promise<unknown> {
  const tagger = builtinTaggers[name];
  if (!tagger) throw new Error(`no tagger ${name}`);
  return runTagger(tagger, ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe("builtinTaggers errors", () => {
  it("throws TaggerFailedError wrapping ExecFailedError when the program is missing", async () => {
    const error: unknown = await failure("python", fakeReplyContext().ctx);
    expect(error).toBeInstanceOf(TaggerFailedError);
    expect(error).toMatchObject({ code: "TAGGER_FAILED", tagger: "python", image: "base" });
    const cause = (error as TaggerFailedError).cause;
    expect(cause).toBeInstanceOf(ExecFailedError);
    expect(cause).toMatchObject({ exitCode: 127, command: ["python", "--version"] });
    expect((error as Error).message).toMatch(/^tagger "python" failed for image base: command "python --version" exited with code 127/);
    expect((error as Error).message).toContain('executable file not found in $PATH');
  });

  it.each([
    ["julia", "julia --version", "julia\n"],
    ["spark", "spark-submit --version", "Usage: spark-submit [options] <app jar | python file | R file> [app arguments]\n"],
    ["jupyter-lab", "jupyter-lab --version", "[W 2024] some warning\n4.2.3\n"],
    ["os-version", "cat /etc/os-release", 'NAME="Arch Linux"\nID=arch\nBUILD_ID=rolling\n'],
    ["node", "node --version", "20.11.1\n"],
    ["pytorch", "pip show torch", "Name: torch\n"],
  ])("throws TaggerFailedError wrapping UnparsableOutputError when %s prints %j", async (name, command, stdout) => {
    const error: unknown = await failure(name, fakeReplyContext({ [command]: { stdout } }).ctx);
    expect(error).toBeInstanceOf(TaggerFailedError);
    expect((error as TaggerFailedError).cause).toBeInstanceOf(UnparsableOutputError);
    expect((error as Error).message).toContain(`tagger "${name}" failed for image base: could not find`);
    expect((error as Error).message).toContain(JSON.stringify(command));
    expect((error as Error).message).toContain(stdout.trimEnd().split("\n").at(-1));
  });

  it("throws InvalidTagError naming tagger, image and value when the value is no Docker tag", async () => {
    const { ctx } = fakeReplyContext({ "conda --version": { stdout: "conda 24.11.3+local\n" } });
    await expect(runTagger(builtinTaggers.conda!, ctx)).rejects.toThrow(InvalidTagError);
    await expect(runTagger(builtinTaggers.conda!, ctx)).rejects.toMatchObject({
      code: "INVALID_TAG",
      tagger: "conda",
      image: "base",
      value: "conda-24.11.3+local",
      message: expect.stringContaining('character "+" at index 13') as unknown,
    });
  });

  it("reports the tensorflow-cpu failure when neither package is installed", async () => {
    const missing = (n: string) => ({ stderr: `WARNING: Package(s) not found: ${n}\n`, exitCode: 1 });
    const { ctx } = fakeReplyContext({ "pip show tensorflow": missing("tensorflow"), "pip show tensorflow-cpu": missing("tensorflow-cpu") });
    await expect(runTagger(builtinTaggers.tensorflow!, ctx)).rejects.toThrow(/tagger "tensorflow" failed .*pip show tensorflow-cpu/);
  });
});
