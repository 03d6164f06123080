import { describe, expect, it } from "vitest";
import { bakeDefinition, toBakeFile } from "./bake.js";
import { OutputDelimiterError } from "./errors.js";
import { outputValues, toGithubEnv, toGithubOutput, toJsonOutput } from "./outputs.js";
import { run } from "./test-context.js";

const result = run({
  images: ["acme/widget"],
  tags: ["type=semver,pattern={{version}}"],
  labels: ["maintainer=team"],
  ctx: { ref: "refs/tags/v1.0.0", repo: undefined },
});
const empty = run({ images: ["acme/widget"], tags: ["type=edge,branch=none"], ctx: { repo: undefined } });

describe("toJsonOutput", () => {
  it("gives tags, labels as an object and leveled annotations", () => {
    const json = toJsonOutput(result);
    expect(json.tags).toEqual(["acme/widget:1.0.0", "acme/widget:latest"]);
    expect(json.labels["maintainer"]).toBe("team");
    expect(json.labels["org.opencontainers.image.version"]).toBe("1.0.0");
    expect(json.annotations[0]).toBe("manifest:org.opencontainers.image.created=2024-03-06T23:30:00.000Z");
  });
});

describe("toGithubOutput", () => {
  it("writes every output as a heredoc, in metadata-action's order", () => {
    const text = toGithubOutput(result, { delimiter: "EOF" });
    expect(text.startsWith("version<<EOF\n1.0.0\nEOF\ntags<<EOF\nacme/widget:1.0.0\nacme/widget:latest\nEOF\ntag-names<<EOF\n1.0.0\nlatest\nEOF\nlabels<<EOF\n")).toBe(true);
    expect(outputValues(result).map(([name]) => name)).toEqual(["version", "tags", "tag-names", "labels", "annotations", "json"]);
    expect(text.endsWith(`json<<EOF\n${JSON.stringify(toJsonOutput(result))}\nEOF\n`)).toBe(true);
  });

  it("joins with the configured separators", () => {
    const commas = run({ tags: ["type=raw,value=a", "type=raw,value=b"], sep: { tags: "," } });
    expect(toGithubOutput(commas, { delimiter: "X" })).toContain("tags<<X\na,b\nX\n");
  });

  it("writes an empty version when nothing survived", () => {
    expect(toGithubOutput(empty, { delimiter: "EOF" })).toContain("version<<EOF\n\nEOF\ntags<<EOF\n\nEOF\n");
  });

  it("derives a reproducible ghadelimiter_ when none is given", () => {
    const text = toGithubOutput(result);
    expect(text).toMatch(/^version<<ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n/);
    expect(toGithubOutput(result)).toBe(text);
  });

  it("throws OutputDelimiterError when the delimiter occurs in a value", () => {
    expect(() => toGithubOutput(result, { delimiter: "acme" })).toThrow(OutputDelimiterError);
  });
});

describe("toGithubEnv", () => {
  it("names the outputs DOCKER_METADATA_OUTPUT_*", () => {
    expect(toGithubEnv(result, { delimiter: "EOF" })).toContain("DOCKER_METADATA_OUTPUT_VERSION<<EOF\n1.0.0\nEOF\nDOCKER_METADATA_OUTPUT_TAGS<<EOF\n");
  });
});

describe("toBakeFile", () => {
  it("writes the target with tags, labels, annotations and args", () => {
    const bake = JSON.parse(toBakeFile(result)) as { target: Record<string, Record<string, unknown>> };
    const target = bake.target["docker-metadata-action"];
    expect(Object.keys(target ?? {})).toEqual(["tags", "labels", "annotations", "args"]);
    expect(target?.["args"]).toEqual({ DOCKER_META_IMAGES: "acme/widget", DOCKER_META_VERSION: "1.0.0" });
    expect((target?.["labels"] as Record<string, string>)["maintainer"]).toBe("team");
  });

  it("indents with two spaces and honours the target name", () => {
    expect(toBakeFile(result, { target: "app", kind: "labels" }).split("\n").slice(0, 4)).toEqual(["{", '  "target": {', '    "app": {', '      "labels": {']);
  });

  it.each([
    ["tags", ["tags", "args"]],
    ["labels", ["labels"]],
    ["annotations", ["annotations"]],
    ["tags-labels", ["tags", "labels", "args"]],
  ] as const)("gives the %s definition", (kind, keys) => {
    expect(Object.keys(bakeDefinition(result, { kind }).target["docker-metadata-action"] ?? {})).toEqual(keys);
  });

  it("leaves DOCKER_META_VERSION out when nothing survived", () => {
    expect(bakeDefinition(empty, { kind: "tags" }).target["docker-metadata-action"]).toEqual({ tags: [], args: { DOCKER_META_IMAGES: "acme/widget" } });
  });
});
