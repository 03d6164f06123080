import { fakeReplyContext } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { runTagger } from "../run-tagger.js";
import { commandTagger } from "./command-tagger.js";
import { InvalidTaggerSpecError, TaggerFailedError, UnparsableOutputError } from "./errors.js";

const JQ = { "jq --version": { stdout: "jq-1.6\n" } };
const GCC = { "gcc --version": { stdout: "gcc (Debian 12.2.0-14) 12.2.0\nCopyright (C) 2022 Free Software Foundation, Inc.\n" } };

describe("commandTagger", () => {
  it.each([
    [{ command: "jq --version", pattern: "^jq-(\\S+)$", template: "jq-$1" }, JQ, "jq-1.6"],
    [{ command: "jq --version", pattern: "^jq-(\\S+)$" }, JQ, "1.6"],
    [{ command: "jq --version", pattern: "jq-[\\d.]+" }, JQ, "jq-1.6"],
    [{ command: "jq --version", pattern: "^jq-(?<v>\\S+)", template: "tool-$<v>" }, JQ, "tool-1.6"],
    [{ command: ["gcc", "--version"], pattern: "\\) (\\d+)\\.(\\d+)", template: "gcc-$1.$2" }, GCC, "gcc-12.2"],
    [{ command: "gcc --version", pattern: "^GCC \\((\\w+)", flags: "i", template: "gcc-$1" }, GCC, "gcc-Debian"],
    [{ command: "jq --version", pattern: /JQ-(\d)(x)?/i, template: "jq$2-$&" }, JQ, "jq-jq-1"],
  ])("makes a tagger from %j", async (options, replies, expected) => {
    await expect(commandTagger(options)(fakeReplyContext(replies).ctx)).resolves.toBe(expected);
  });

  it("names the tagger after its command unless given a name", () => {
    expect(commandTagger({ command: "jq --version", pattern: "." }).name).toBe("command(jq --version)");
    expect(commandTagger({ name: "jq", command: ["jq", "--version"], pattern: "." }).name).toBe("jq");
  });

  it("throws TaggerFailedError wrapping UnparsableOutputError with command and output tail when nothing matches", async () => {
    const tagger = commandTagger({ name: "jq", command: "jq --version", pattern: "^jq (\\S+)" });
    const error: unknown = await runTagger(tagger, fakeReplyContext(JQ).ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaggerFailedError);
    expect((error as Error).cause).toBeInstanceOf(UnparsableOutputError);
    expect((error as Error).message).toBe(
      'tagger "jq" failed for image base: could not find a match of /^jq (\\S+)/m in the output of "jq --version"; last output:\njq-1.6',
    );
  });

  it("passes timeoutMs to the exec", async () => {
    const { ctx, container } = fakeReplyContext(JQ);
    const seen: unknown[] = [];
    const exec = container.exec.bind(container);
    container.exec = (command, options) => (seen.push(options), exec(command, options));
    await commandTagger({ command: "jq --version", pattern: "jq", timeoutMs: 5000 })(ctx);
    expect(seen).toEqual([{ timeoutMs: 5000 }]);
  });

  it.each([
    [{ command: "", pattern: "x" }, "command must be a non-empty string or array of strings"],
    [{ command: [], pattern: "x" }, "command must be a non-empty string"],
    [{ command: ["jq", 1], pattern: "x" }, "command must be"],
    [{ command: "jq", pattern: "(" }, "pattern is not a valid regular expression"],
    [{ command: "jq", pattern: "" }, "pattern must be a non-empty regular expression"],
    [{ command: "jq", pattern: "x", flags: "g" }, "flags may only hold d i m s u v"],
    [{ command: "jq", pattern: "(x)", template: "v$2" }, "refers to group $2 but the pattern has 1 group(s)"],
    [{ command: "jq", pattern: "x", template: "v$1" }, "refers to group $1 but the pattern has 0 group(s)"],
    [{ command: "jq", pattern: "(?<a>x)", template: "v$<b>" }, 'no group named "b"'],
    [{ command: "jq", pattern: "x", template: "cost-$5" }, "refers to group $5"],
    [{ command: "jq", pattern: "x", template: "a$b" }, 'a lone "$" in a template must be written "$$"'],
    [{ command: "jq", pattern: "x", timeoutMs: 0 }, "timeoutMs must be a positive whole number"],
  ])("throws InvalidTaggerSpecError for %j", (options, reason) => {
    expect(() => commandTagger(options as never)).toThrow(InvalidTaggerSpecError);
    expect(() => commandTagger(options as never)).toThrow(reason);
  });
});
