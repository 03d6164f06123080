import { readdir } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import type { BenchSection } from "./_types.js";

/** A section module is any bench/*.ts that is not index.ts, a test, or private (leading "_"). */
export const isSectionFile = (file: string): boolean =>
  /^[a-z0-9][a-z0-9-]*\.ts$/.test(file) && file !== "index.ts" && !file.endsWith(".test.ts");

function asSection(file: string, module: Record<string, unknown>): BenchSection {
  const { name, run } = module;
  if (typeof name !== "string" || typeof run !== "function") {
    throw new Error(`bench/${file} must export a string \`name\` and a function \`run\``);
  }
  return { name, run: run as BenchSection["run"] };
}

/** Import every section module of `dir`, in file name order. */
export async function loadSections(dir: string): Promise<BenchSection[]> {
  const files = (await readdir(dir)).filter(isSectionFile).sort();
  const sections: BenchSection[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    sections.push(asSection(file, module));
  }
  return sections;
}

/** The sections named on the command line, in their own order; all of them when none is named. */
export function selectSections(sections: readonly BenchSection[], names: readonly string[]): BenchSection[] {
  if (names.length === 0) return [...sections];
  const unknown = names.filter((name) => !sections.some((section) => section.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown bench section(s) ${unknown.join(", ")}; there are: ${sections.map((s) => s.name).join(", ")}`);
  }
  return sections.filter((section) => names.includes(section.name));
}

/** Parse BENCH_RUNS: a positive integer, default 20. */
export function parseRuns(value: string | undefined): number {
  if (value === undefined || value === "") return 20;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a positive integer, not ${JSON.stringify(value)}`);
  return runs;
}
