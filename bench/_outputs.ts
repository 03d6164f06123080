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
 * A tags file, manifest or history line with what differs between two runs by design blanked: the
 * build timestamp (the manifest's "- Build timestamp:" line, the history line's first column) and
 * the date tag (`:<prefix>-YYYY-MM-DD`, from docker-stacks' date_tagger), so that docker-stacks'
 * files and imgs' compare byte for byte on everything else.
 */
export function blankRunTime(text: string, prefix: string): string {
  const dateTag = new RegExp(`(:${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-)\\d{4}-\\d{2}-\\d{2}(?=$|\\n|\`)`, "g");
  return blankBuildTimestamp(text)
    .replace(/^\| `\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z` \|/m, "| `(blanked)` |")
    .replace(dateTag, "$1(date)");
}

/**
 * What differs between two sets of output files, one line each: files only one side has, and
 * files whose content differs (after `normalize`). Empty when they are the same.
 */
export function outputDifferences(expected: OutputFiles, actual: OutputFiles, normalize = blankBuildTimestamp): string[] {
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
