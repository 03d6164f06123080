import { describe, expect, it } from "vitest";
import { named, testCatalog } from "../__fixtures__/catalog.js";
import { ConfigInvalidError } from "../errors.js";
import { parseConfig, parseConfigOrThrow } from "./parse.js";

const options = { catalog: testCatalog(), baseDir: "/repo/examples", file: "/repo/examples/imgs.config.json" };

const valid = {
  registry: "127.0.0.1:5000",
  owner: "imgs-example",
  repository: "acme/images",
  variant: "default",
  images: {
    foundation: { taggers: ["commit-sha", "date"], manifests: ["apt-packages"], dockerfile: "images/foundation/Dockerfile" },
    python: { parent: "foundation", taggers: ["python", { "pip-package": "numpy" }, { refs: ["type=semver,pattern={{version}}"] }] },
  },
};

describe("parseConfig", () => {
  it("resolves names to taggers and manifests and paths against the base folder", () => {
    const { hierarchy, errors, warnings } = parseConfig(valid, options);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(hierarchy?.registry).toBe("127.0.0.1:5000");
    expect(hierarchy?.images.foundation?.dockerfile).toBe("/repo/examples/images/foundation/Dockerfile");
    const python = hierarchy?.images.python;
    expect(python?.parent).toBe("foundation");
    expect(python?.taggers.map((t) => t.name)).toEqual(["python", "pip-package(numpy)", "refs(type=semver,pattern={{version}})"]);
    expect(hierarchy?.defaults.variant).toBe("default");
  });

  it("accepts tagger and manifest functions that have names", () => {
    const cfg = { images: { a: { taggers: [named("mine", () => "x")], manifests: [named("doc", () => ({ title: "t", sections: [] }))] } } };
    expect(parseConfig(cfg, options).errors).toEqual([]);
  });

  it.each([
    ["an unknown parent, with a suggestion", { images: { a: {}, b: { parent: "aa" } } }, "UNKNOWN_PARENT", "images.b.parent", /unknown parent image "aa" \(did you mean "a"\?\)/],
    ["a cycle", { images: { a: { parent: "c" }, b: { parent: "a" }, c: { parent: "b" } } }, "HIERARCHY_CYCLE", "images.a.parent", /a -> c -> b -> a/],
    ["a self parent", { images: { a: { parent: "a" } } }, "HIERARCHY_CYCLE", "images.a.parent", /a -> a/],
    ["an unknown tagger", { images: { a: { taggers: ["pyhton"] } } }, "UNKNOWN_TAGGER", "images.a.taggers[0]", /unknown tagger "pyhton" \(did you mean "python"\?\)/],
    ["an unknown manifest", { images: { a: { manifests: ["apt"] } } }, "UNKNOWN_MANIFEST", "images.a.manifests[0]", /unknown manifest "apt"/],
    ["an anonymous tagger function", { images: { a: { taggers: [(() => () => "x")()] } } }, "ANONYMOUS_TAGGER", "images.a.taggers[0]", /defineTagger/],
    ["a bad tagger spec", { images: { a: { taggers: [{ "pip-package": 3 }] } } }, "INVALID_TAGGER_SPEC", "images.a.taggers[0]", /pip-package needs a Python package name/],
    ["a bad ref rule", { images: { a: { taggers: [{ refs: "type=bogus" }] } } }, "INVALID_REF_RULE", "images.a.taggers[0]", /bogus/],
    ["a command a shell would read differently", { images: { a: { taggers: [{ command: "echo $HOME | wc", pattern: "x" }] } } }, "INVALID_TAGGER_SPEC", "images.a.taggers[0]", /means something to a shell/],
    ["an upper-case image name", { images: { Python: {} } }, "INVALID_IMAGE_NAME", "images.Python", /not a valid image name/],
    ["a bad registry", { registry: "https://quay.io", images: {} }, "INVALID_REGISTRY", "registry", /not a registry/],
    ["a bad owner", { owner: "Jupyter", images: {} }, "INVALID_OWNER", "owner", /not a valid owner/],
    ["missing images", {}, "MISSING_KEY", "images", /must map image names/],
    ["taggers that are not a list", { images: { a: { taggers: "python" } } }, "INVALID_TYPE", "images.a.taggers", /must be a list/],
    ["a parent that is not a string", { images: { a: { parent: 3 } } }, "INVALID_TYPE", "images.a.parent", /got a number/],
    ["jobs of zero", { jobs: 0, images: {} }, "INVALID_TYPE", "jobs", /at least 1/],
  ])("reports %s", (_, raw, code, path, message) => {
    const { hierarchy, errors } = parseConfig(raw, options);
    expect(hierarchy).toBeUndefined();
    expect(errors).toContainEqual({ code, path, message: expect.stringMatching(message) as string });
  });

  it("reports every problem at once, not only the first", () => {
    const { errors } = parseConfig({ images: { a: { parent: "x", taggers: ["nope"], manifests: ["nope"] } } }, options);
    expect(errors.map((e) => e.code)).toEqual(["UNKNOWN_TAGGER", "UNKNOWN_MANIFEST", "UNKNOWN_PARENT"]);
  });

  it("warns about unknown keys with a suggestion instead of failing", () => {
    const { hierarchy, warnings } = parseConfig({ regsitry: "x", images: { a: { tagger: [] } } }, options);
    expect(hierarchy).toBeDefined();
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      ["regsitry", expect.stringMatching(/did you mean "registry"/) as string],
      ["images.a.tagger", expect.stringMatching(/did you mean "taggers"/) as string],
    ]);
  });
});

describe("parseConfigOrThrow", () => {
  it("throws ConfigInvalidError naming the file and every problem", () => {
    const run = () => parseConfigOrThrow({ images: { a: { parent: "b" } } }, options);
    expect(run).toThrow(ConfigInvalidError);
    expect(run).toThrow(/\/repo\/examples\/imgs.config.json is invalid:\n {2}images.a.parent: unknown parent image "b"/);
  });
});
