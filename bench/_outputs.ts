import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Output files by path relative to their root folder ("tags/x86_64-default-python.txt" → content). */
export type OutputFiles = ReadonlyMap<string, string>;

/** Every file under `dir`, recursively, by path relative to it ("/" separated). */
export async function readOutputs(dir: string, prefix = ""): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      for (const [path, content] of await readOutputs(join(dir, entry.name), relative)) files.set(path, content);
    } else {
      files.set(relative, await readFile(join(dir, entry.name), "utf8"));
    }
  }
  return files;
}

/** A manifest with its "- Build timestamp: …" line blanked, so files from two runs compare on content. */
export const blankBuildTimestamp = (text: string): string => text.replace(/^- Build timestamp: .*$/m, "- Build timestamp: (blanked)");

/**
 * A manifest as compared between runs: timestamp blanked, and the lines of each ```text block
 * sorted. Quoted output is stdout and stderr in arrival order (as docker-stacks writes it), so
 * e.g. apt's stderr warning and its "Listing..." line may swap from one run to the next.
 */
export function comparableManifest(text: string): string {
  return blankBuildTimestamp(text).replace(/```text\n([\s\S]*?)\n```/g, (_, body: string) => `\`\`\`text\n${body.split("\n").sort().join("\n")}\n\`\`\``);
}

/**
 * What differs between two sets of output files, one line each: files only one side has, and
 * files whose content differs (after `normalize`). Empty when they are the same.
 */
export function outputDifferences(expected: OutputFiles, actual: OutputFiles, normalize = comparableManifest): string[] {
  const differences: string[] = [];
  for (const path of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const want = expected.get(path);
    const got = actual.get(path);
    if (want === undefined) differences.push(`${path}: unexpected file`);
    else if (got === undefined) differences.push(`${path}: missing`);
    else if (normalize(want) !== normalize(got)) differences.push(`${path}: ${firstDifferentLine(normalize(want), normalize(got))}`);
  }
  return differences;
}

function firstDifferentLine(want: string, got: string): string {
  const a = want.split("\n");
  const b = got.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return `line ${i + 1} is ${JSON.stringify(b[i] ?? "(none)")}, expected ${JSON.stringify(a[i] ?? "(none)")}`;
  }
  return "differs";
}
