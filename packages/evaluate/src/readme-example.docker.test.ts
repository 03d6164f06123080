import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ensureExampleImages } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The README's library example, run as it is written: the first ```ts block after its marker.
const root = join(import.meta.dirname, "../../..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const marker = readme.indexOf("<!-- library-example");
const code = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker))?.[1] ?? "";
// Beside this file, so "@imgs/*" resolve as in every test (to the packages' sources).
const file = join(import.meta.dirname, `.readme-example-${process.pid}.ts`);

beforeAll(async () => {
  await ensureExampleImages();
  await writeFile(file, code);
});
afterAll(() => rm(file, { force: true }));

describe("the README's library example", { timeout: 120_000 }, () => {
  it("prints one image's tag values and manifest pieces, and no failure", async () => {
    expect(marker).toBeGreaterThan(0);
    expect(code).toContain("evaluateImages(");
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await import(file);
    expect(error).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
    const [image, values, titles] = log.mock.calls[0] as [string, string[], string[]];
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    expect(image).toBe("python");
    expect(values[0]).toBe(`${head.slice(0, 12)} (commit-sha)`);
    expect(values).toContain("debian-12 (os-version)");
    expect(values.some((v) => /^python-3\.\d+\.\d+ \(python\)$/.test(v))).toBe(true);
    expect(titles).toEqual(["Build Info", "Apt Packages", "OS Release", "Pip Packages"]);
  });
});
