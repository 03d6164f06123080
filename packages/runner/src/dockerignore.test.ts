import { describe, expect, it } from "vitest";
import { createContextFilter, parseDockerignore } from "./dockerignore.js";

describe("parseDockerignore", () => {
  it("drops comments and blank lines and cleans patterns as the engine does", () => {
    const content = "\uFEFF# comment\n\nnode_modules/\r\n  /dist  \n! keep/./me\n./a/../b\n**/*.log\n #not a comment\n";
    expect(parseDockerignore(content)).toEqual(["node_modules", "dist", "!keep/me", "b", "**/*.log", "#not a comment"]);
  });
});

describe("createContextFilter", () => {
  const filterOf = (dockerignore: string, dockerfile = "Dockerfile") => createContextFilter(parseDockerignore(dockerignore), dockerfile);

  it.each([
    ["node_modules", "node_modules", true],
    ["node_modules", "node_modules/a/b.js", true],
    ["node_modules", "src/node_modules", false],
    ["*.md", "README.md", true],
    ["*.md", "docs/README.md", false],
    ["**/*.md", "docs/README.md", true],
    ["secret\n!secret/public", "secret/public", false],
    ["secret\n!secret/public", "secret/private", true],
    ["*\n!src", "src/a.ts", false],
    ["*\n!src", "Dockerfile", false],
    ["*\n!src", ".dockerignore", false],
  ])("with %j, excludes(%j) is %s", (dockerignore, path, excluded) => {
    expect(filterOf(dockerignore).excludes(path)).toBe(excluded);
  });

  it("always keeps the Dockerfile and .dockerignore, wherever the Dockerfile is", () => {
    const filter = filterOf("docker\n.dockerignore", "docker/app.Dockerfile");
    expect(filter.excludes("docker/app.Dockerfile")).toBe(false);
    expect(filter.excludes("docker/other")).toBe(true);
    expect(filter.excludes(".dockerignore")).toBe(false);
    expect(filter.mayKeepInside("docker")).toBe(true);
  });

  it("walks into an excluded folder only when an exception starts with its path, as the docker CLI does", () => {
    const filter = filterOf("secret\nbuild\n!secret/public\n!**/*.keep");
    expect(filter.mayKeepInside("secret")).toBe(true);
    expect(filter.mayKeepInside("build")).toBe(false);
    expect(filterOf("build").mayKeepInside("build")).toBe(false);
  });
});
