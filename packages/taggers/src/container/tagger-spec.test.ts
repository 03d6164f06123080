import { describe, expect, it } from "vitest";
import { builtinTaggers, taggerFactories } from "./builtin-taggers.js";
import { defineTagger } from "./define-tagger.js";
import { InvalidTaggerSpecError } from "./errors.js";
import { taggerFromSpec } from "./tagger-spec.js";
import { fakeContext } from "./test-context.js";

describe("taggerFromSpec", () => {
  it("returns the built-in tagger for its name", () => {
    expect(taggerFromSpec("python")).toBe(builtinTaggers.python);
    expect(taggerFromSpec("commit-sha").name).toBe("commit-sha");
  });

  it.each([
    [{ "pip-package": "numpy" }, "pip-package(numpy)", { "pip show numpy": { stdout: "Name: numpy\nVersion: 2.1.3\n" } }, "numpy-2.1.3"],
    [{ "pip-package": "numpy", prefix: "np" }, "pip-package(numpy)", { "pip show numpy": { stdout: "Name: numpy\nVersion: 2.1.3\n" } }, "np-2.1.3"],
    [
      { "apt-package": "curl" },
      "apt-package(curl)",
      { "dpkg-query --showformat=${db:Status-Status}\\t${Version}\\n --show curl": { stdout: "installed\t7.88.1-10+deb12u8\n" } },
      "curl-7.88.1",
    ],
    [{ command: "jq --version", pattern: "^jq-(\\S+)", template: "jq-$1" }, "command(jq --version)", { "jq --version": { stdout: "jq-1.6\n" } }, "jq-1.6"],
    [{ name: "jq", command: ["jq", "--version"], pattern: "[\\d.]+", timeoutMs: 1000 }, "jq", { "jq --version": { stdout: "jq-1.6\n" } }, "1.6"],
  ])("makes a tagger from %j", async (spec, name, replies, expected) => {
    const tagger = taggerFromSpec(spec);
    expect(tagger.name).toBe(name);
    await expect(tagger(fakeContext(replies).ctx)).resolves.toBe(expected);
  });

  it("returns a named tagger function unchanged", () => {
    const own = defineTagger("own", () => "x");
    expect(taggerFromSpec(own)).toBe(own);
  });

  it("makes every factory's example", () => {
    for (const factory of Object.values(taggerFactories)) expect(typeof taggerFromSpec(factory.example)).toBe("function");
  });

  it.each([
    ["pyhton", "no built-in tagger has this name; known: commit-sha, date,"],
    ["toString", "no built-in tagger has this name"],
    [42, "expected a built-in tagger name or an object with one of the keys pip-package, apt-package, command"],
    [null, "expected a built-in tagger name"],
    [["python"], "expected a built-in tagger name"],
    [{}, "expected one of the keys pip-package, apt-package, command"],
    [{ pip: "numpy" }, "expected one of the keys"],
    [{ "pip-package": "numpy", "apt-package": "python3-numpy" }, "use only one of the keys"],
    [{ "pip-package": "numpy", version: "1" }, 'unknown key(s) version for "pip-package"; allowed: pip-package, prefix'],
    [{ "pip-package": 3 }, "pip-package needs a Python package name"],
    [{ "pip-package": "numpy", prefix: 1 }, "prefix must be a string"],
    [{ "apt-package": "curl && id" }, "apt-package needs a Debian package name"],
    [{ command: "jq", pattern: "x", template: 1 }, "template must be a string"],
    [{ command: "jq", pattern: "x", name: ["a"] }, "name must be a string"],
    [{ command: "jq" }, "pattern must be a non-empty regular expression"],
    [{ command: "jq", pattern: "x", timeoutMs: "5s" }, "timeoutMs must be a positive whole number"],
    [() => "x", "a tagger function needs a name"],
  ])("throws InvalidTaggerSpecError for %j", (spec, reason) => {
    let error: unknown;
    try {
      taggerFromSpec(spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidTaggerSpecError);
    expect(error).toMatchObject({ code: "INVALID_TAGGER_SPEC", name: "InvalidTaggerSpecError", spec });
    expect((error as Error).message).toContain(reason);
  });
});
