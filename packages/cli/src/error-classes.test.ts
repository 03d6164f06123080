import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ImgsError, WrappingError } from "@imgs/errors";
import { describe, expect, it } from "vitest";

const packagesDir = join(import.meta.dirname, "../..");
/** Every package of the repository, so that a new one is checked without being listed here. */
const packages = readdirSync(packagesDir).filter((name) => readdirSync(join(packagesDir, name)).includes("src"));

type ErrorClass = new (...args: unknown[]) => ImgsError;

/**
 * A value every error constructor accepts in place of its facts: any property of it is itself, it
 * can be called, and it prints as "x". Constructing with it reads the `code` and `category` fields,
 * which exist only on instances, without a table of sample arguments to keep up to date.
 */
const anything: unknown = new Proxy(function anything() {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => "x" : key === "length" ? 0 : anything),
  apply: () => anything,
});

/** The code naming rule: the class name without `Error`, in SCREAMING_SNAKE_CASE. */
const codeFor = (className: string): string =>
  className
    .replace(/Error$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toUpperCase();

/** Each package's exported error classes: every export named like a class ending in "Error", but the abstract bases. */
async function exportedErrorClasses(): Promise<Array<{ pkg: string; name: string; value: unknown }>> {
  const found = await Promise.all(
    packages.map(async (pkg) => {
      const exports = (await import(`@imgs/${pkg}`)) as Record<string, unknown>;
      return Object.entries(exports)
        .filter(([name, value]) => typeof value === "function" && /^[A-Z]\w*Error$/.test(name) && value !== ImgsError && value !== WrappingError)
        .map(([name, value]) => ({ pkg, name, value }));
    }),
  );
  return found.flat();
}

describe("the error classes every package exports", () => {
  it("names the code rule's examples as the rule wants", () => {
    expect(["UnknownImageError", "NotARepositoryError", "OutputNotUtf8Error", "CiEventPayloadError"].map(codeFor)).toEqual([
      "UNKNOWN_IMAGE",
      "NOT_A_REPOSITORY",
      "OUTPUT_NOT_UTF8",
      "CI_EVENT_PAYLOAD",
    ]);
  });

  it("extend ImgsError, with the code naming rule, a usage or failure category and their own name", async () => {
    const classes = await exportedErrorClasses();
    // Every package that declares error classes shows up, so an export list that lost them fails too.
    expect(new Set(classes.map((c) => c.pkg))).toEqual(new Set(["build", "cli", "evaluate", "git-helper", "hierarchy", "history", "manifests", "reference", "registry", "runner", "taggers"]));
    const problems = classes.flatMap(({ pkg, name, value }) => {
      if (!((value as { prototype?: unknown }).prototype instanceof ImgsError)) return [`${pkg} ${name}: does not extend ImgsError`];
      const error = new (value as ErrorClass)(anything, anything, anything, anything, anything);
      return [
        error.code === codeFor(name) ? [] : [`${pkg} ${name}: code ${JSON.stringify(error.code)}, the rule wants ${JSON.stringify(codeFor(name))}`],
        ["usage", "failure"].includes(error.category) ? [] : [`${pkg} ${name}: category ${JSON.stringify(error.category)}`],
        error.name === name ? [] : [`${pkg} ${name}: name ${JSON.stringify(error.name)}`],
      ].flat();
    });
    expect(problems).toEqual([]);
    expect(classes.length).toBeGreaterThanOrEqual(47);
  });
});
