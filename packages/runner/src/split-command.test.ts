import { describe, expect, it } from "vitest";
import { BadCommandError } from "./errors/exec.js";
import { shell, splitCommand, toArgv } from "./split-command.js";

describe("splitCommand", () => {
  it.each([
    ["python --version", ["python", "--version"]],
    ["  a \t b\nc  ", ["a", "b", "c"]],
    ["", []],
    ["   ", []],
    [`echo 'a b' "c d"`, ["echo", "a b", "c d"]],
    [`python -c 'print("hi")'`, ["python", "-c", 'print("hi")']],
    [`say 'it'"'"'s'`, ["say", "it's"]],
    [`a''b`, ["ab"]],
    [`x '' ""`, ["x", "", ""]],
    [String.raw`a\ b`, ["a b"]],
    [String.raw`a\'b`, ["a'b"]],
    [String.raw`"a\"b"`, ['a"b']],
    [String.raw`"a\\b"`, [String.raw`a\b`]],
    [String.raw`"a\nb"`, [String.raw`a\nb`]],
    [String.raw`'a\nb'`, [String.raw`a\nb`]],
    [String.raw`"\$HOME"`, ["$HOME"]],
    ["a\\\nb", ["ab"]],
    ['"a\\\nb"', ["ab"]],
    ["'$HOME | x; y'", ["$HOME | x; y"]],
    [`"a | b; c & d > e"`, ["a | b; c & d > e"]],
    ["ls *.py ~ [a]", ["ls", "*.py", "~", "[a]"]],
    ["a#b", ["a#b"]],
    ["julia -E 'using Pkg; Pkg.status()'", ["julia", "-E", "using Pkg; Pkg.status()"]],
  ])("splits %j into %j", (input, words) => {
    expect(splitCommand(input)).toEqual(words);
  });

  it.each([
    ["echo 'unbalanced", /unbalanced single quote at index 5/],
    [`echo "unbalanced`, /unbalanced double quote at index 5/],
    [`echo "a\\"`, /unbalanced double quote/],
    ["echo a\\", /ends with a backslash/],
    ["ls | wc -l", /"\|" at index 3 means something to a shell/],
    ["a; b", /";"/],
    ["a && b", /"&"/],
    ["python --version 2>&1", /">"/],
    ["cat < f", /"<"/],
    ["echo $HOME", /"\$"/],
    [`echo "$HOME"`, /"\$"/],
    ["echo `id`", /"`"/],
    ["(a)", /"\("/],
    ["python --version # note", /"#"/],
  ])("throws BadCommandError for %j", (input, message) => {
    expect(() => splitCommand(input)).toThrow(BadCommandError);
    expect(() => splitCommand(input)).toThrow(message);
  });

  it("names the command and carries the code in the error", () => {
    const error = (() => {
      try {
        splitCommand("echo 'x");
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: "BAD_COMMAND", name: "BadCommandError", command: "echo 'x" });
  });
});

describe("shell", () => {
  it("runs the script with /bin/sh -c", () => {
    expect(shell("ls | wc -l")).toEqual(["/bin/sh", "-c", "ls | wc -l"]);
  });
});

describe("toArgv", () => {
  it("splits strings and copies arrays", () => {
    const argv = ["a", "b c"] as const;
    expect(toArgv("a 'b c'")).toEqual(["a", "b c"]);
    expect(toArgv(argv)).toEqual(["a", "b c"]);
    expect(toArgv(argv)).not.toBe(argv);
  });

  it.each([[""], [[]], [["", "x"]]])("throws BadCommandError for %j", (command) => {
    expect(() => toArgv(command)).toThrow(BadCommandError);
  });
});
