import { fakeReplyContext } from "@imgs/test-utils";
import { builtinTaggers, defineTagger, runTagger, taggerFactories } from "@imgs/taggers";
import { describe, expect, it } from "vitest";
import { builtinCatalog } from "./builtin-catalog.js";
import { IssueList } from "./issues.js";
import { parseTagger } from "./parse-tagger.js";

const parse = (raw: unknown) => {
  const issues = new IssueList();
  const taggers = parseTagger(raw, "images.a.taggers[0]", builtinCatalog(), issues);
  return { taggers, errors: issues.errors };
};

describe("parseTagger", () => {
  it("returns the built-in tagger for its name", () => {
    expect(parse("python").taggers).toEqual([builtinTaggers.python]);
    expect(parse("commit-sha").taggers[0]?.name).toBe("commit-sha");
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
    const { taggers, errors } = parse(spec);
    expect(errors).toEqual([]);
    const [tagger] = taggers;
    expect(tagger?.name).toBe(name);
    await expect(runTagger(tagger!, fakeReplyContext(replies).ctx)).resolves.toEqual([expected]);
  });

  it("makes ref rules a tagger that gives metadata-action's tags for the run's ref context", async () => {
    const { taggers, errors } = parse({ refs: ["type=ref,event=branch", "type=semver,pattern={{version}}"], flavor: "latest=false" });
    expect(errors).toEqual([]);
    expect(taggers[0]?.name).toBe("refs(type=ref,event=branch; type=semver,pattern={{version}})");
    const { ctx } = fakeReplyContext();
    await expect(runTagger(taggers[0]!, { ...ctx, refs: { ...ctx.refs, ref: "refs/heads/feature/x" } })).resolves.toEqual(["feature-x"]);
    await expect(runTagger(taggers[0]!, { ...ctx, refs: { ...ctx.refs, ref: "refs/tags/v1.2.3" } })).resolves.toEqual(["1.2.3"]);
  });

  it("returns a named tagger function unchanged", () => {
    const own = defineTagger("own", () => "x");
    expect(parse(own).taggers).toEqual([own]);
  });

  it("makes every factory's example", () => {
    for (const factory of Object.values(taggerFactories)) expect(parse(factory.example).errors).toEqual([]);
  });

  it.each([
    ["pyhton", "UNKNOWN_TAGGER", 'unknown tagger "pyhton" (did you mean "python"?)'],
    ["toString", "UNKNOWN_TAGGER", 'unknown tagger "toString"'],
    [42, "INVALID_TAGGER_SPEC", "expected a tagger name, a named function, { refs: [...] } or an object with one of the keys pip-package, apt-package, command; got a number"],
    [null, "INVALID_TAGGER_SPEC", "got null"],
    [["python"], "INVALID_TAGGER_SPEC", "got an array"],
    [{}, "INVALID_TAGGER_SPEC", "expected refs or one of the keys pip-package, apt-package, command; got keys (none)"],
    [{ pip: "numpy" }, "INVALID_TAGGER_SPEC", "got keys pip"],
    [{ "pip-package": "numpy", "apt-package": "python3-numpy" }, "INVALID_TAGGER_SPEC", "use only one of the keys"],
    [{ "pip-package": "numpy", version: "1" }, "INVALID_TAGGER_SPEC", 'unknown key(s) version for "pip-package"; allowed: pip-package, prefix'],
    [{ "pip-package": 3 }, "INVALID_TAGGER_SPEC", "pip-package needs a Python package name"],
    [{ "pip-package": "numpy", prefix: 1 }, "INVALID_TAGGER_SPEC", "prefix must be a string"],
    [{ "apt-package": "curl && id" }, "INVALID_TAGGER_SPEC", "apt-package needs a Debian package name"],
    [{ command: "jq", pattern: "x", template: 1 }, "INVALID_TAGGER_SPEC", "template must be a string"],
    [{ command: "jq", pattern: "x", name: ["a"] }, "INVALID_TAGGER_SPEC", "name must be a string"],
    [{ command: "jq" }, "INVALID_TAGGER_SPEC", "pattern must be a non-empty regular expression"],
    [{ command: "jq", pattern: "x", timeoutMs: "5s" }, "INVALID_TAGGER_SPEC", "timeoutMs must be a positive whole number"],
    [{ command: "echo $HOME | wc", pattern: "x" }, "INVALID_TAGGER_SPEC", '"$" at index 5 means something to a shell'],
    [{ refs: "type=bogus" }, "INVALID_REF_RULE", "bogus"],
    [{ refs: "type=semver" }, "INVALID_REF_RULE", "pattern"],
    [{ refs: "type=edge", flavor: "latest=maybe" }, "INVALID_REF_RULE", "maybe"],
    [{ refs: "preset=nope" }, "INVALID_REF_RULE", "nope"],
    [{ refs: "type=match,pattern=v(\\d+" }, "INVALID_REF_RULE", "type=match"],
    [{ refs: "type=raw,value={{date 'YYYY' tz='Mars/Olympus'}}" }, "INVALID_REF_RULE", "Mars/Olympus"],
    [{ refs: "type=raw,value=x,enable=maybe" }, "INVALID_REF_RULE", "maybe"],
    [{ refs: ["type=edge"], flavour: [] }, "INVALID_TAGGER_SPEC", 'unknown key(s) flavour for "refs"; allowed: refs, flavor'],
    [{ refs: [1] }, "INVALID_TYPE", "refs and flavor must be strings or lists of strings"],
    [() => "x", "ANONYMOUS_TAGGER", "a tagger function needs a name"],
  ])("reports %j as %s", (raw, code, message) => {
    const { taggers, errors } = parse(raw);
    expect(taggers).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code, path: "images.a.taggers[0]" });
    expect(errors[0]?.message).toContain(message);
  });
});
