import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitConfigValue } from "./git-config-value.js";

const folder = mkdtempSync(join(tmpdir(), "imgs-config-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What the git CLI reads from this text: the oracle every row is also checked against. */
function gitReads(text: string, key: string): string | undefined {
  const file = join(folder, "config");
  writeFileSync(file, text);
  try {
    return execFileSync("git", ["config", "--file", file, "--get", key], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).slice(0, -1);
  } catch {
    return undefined; // git exits 1 when the key is not set
  }
}

describe("gitConfigValue", () => {
  it.each([
    { when: "the key is set plainly", text: "[init]\n\tdefaultBranch = trunk\n", expected: "trunk" },
    { when: "section and name differ in case", text: "[INIT]\nDEFAULTBRANCH=trunk", expected: "trunk" },
    { when: "the value is quoted with an inline comment", text: '[init]\n  defaultBranch = "tr unk" # why\n', expected: "tr unk" },
    { when: "a ; comment follows an unquoted value", text: "[init]\ndefaultBranch = trunk ; note\n", expected: "trunk" },
    { when: "a # inside quotes is part of the value", text: '[init]\ndefaultBranch = "a#b"\n', expected: "a#b" },
    { when: "the value has escapes", text: '[init]\ndefaultBranch = a\\"b\\\\c\\td\n', expected: 'a"b\\c\td' },
    { when: "a line continues with a backslash", text: "[init]\ndefaultBranch = tr\\\nunk\n", expected: "trunk" },
    { when: "inner white space is kept and outer dropped", text: "[init]\ndefaultBranch =   a  b   \n", expected: "a  b" },
    { when: "the key follows the header on its line", text: "[init] defaultBranch = trunk\n", expected: "trunk" },
    { when: "the key is set twice (the last wins)", text: "[init]\ndefaultBranch = a\n[init]\ndefaultBranch = b\n", expected: "b" },
    { when: "the file uses CRLF line ends", text: "[init]\r\ndefaultBranch = trunk\r\n", expected: "trunk" },
    { when: "the name has no value", text: "[init]\ndefaultBranch\n", expected: "" },
    { when: "the key sits in another section", text: "[core]\ndefaultBranch = x\n[init]\nother = y\n", expected: undefined },
    { when: "the key sits in a subsection", text: '[init "sub"]\ndefaultBranch = x\n', expected: undefined },
    { when: "the key is commented out", text: "[init]\n# defaultBranch = x\n; defaultBranch = y\n", expected: undefined },
    { when: "the text is empty", text: "", expected: undefined },
  ])("returns $expected when $when", ({ text, expected }) => {
    expect(gitConfigValue(text, "init.defaultBranch")).toBe(expected);
    expect(gitReads(text, "init.defaultBranch")).toBe(expected);
  });

  it.each([
    { text: '[remote "Origin"]\n\turl = a\n[remote "origin"]\n\turl = b\n', key: "remote.origin.url", expected: "b" },
    { text: '[remote "origin"]\n\turl = a\n', key: "remote.Origin.url", expected: undefined },
    { text: "[branch.Main]\n\tremote = origin\n", key: "branch.main.remote", expected: "origin" },
  ])("returns $expected for $key when subsections are involved", ({ text, key, expected }) => {
    expect(gitConfigValue(text, key)).toBe(expected);
    expect(gitReads(text, key)).toBe(expected);
  });
});
