import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listExports } from "../../../scripts/list-exports.js";

// Every package's public API is the list of names its src/index.ts exports (values and types).
// A release can break any of them, so changing the list is a deliberate act: update api/<package>.txt
// (`pnpm exec tsx scripts/list-exports.ts --write`) in the same change, where a reviewer sees it.
const root = join(import.meta.dirname, "../../..");
const lists = listExports(join(root, "packages"));

describe("the public API of every package", { timeout: 60_000 }, () => {
  it.each([...lists.keys()].filter((pkg) => pkg !== "test-utils"))("%s exports exactly the names of api/%s.txt", (pkg) => {
    const expected = readFileSync(join(root, "api", `${pkg}.txt`), "utf8").split("\n").filter(Boolean);
    expect(lists.get(pkg)).toEqual(expected);
  });

  it("has an api/ list for every published package and no list of a package that is gone", () => {
    const listed = readFileSync(join(root, "api", "README.md"), "utf8");
    for (const pkg of lists.keys()) if (pkg !== "test-utils") expect(listed).toContain(`${pkg}.txt`);
  });

  it("lists every export by name: no `export *` in any index", () => {
    for (const pkg of lists.keys()) {
      const index = readFileSync(join(root, "packages", pkg, "src", "index.ts"), "utf8");
      expect(index, `${pkg}/src/index.ts`).not.toMatch(/export \* from/);
    }
  });
});
