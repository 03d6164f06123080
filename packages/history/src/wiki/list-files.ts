import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";

/** Compares strings by code point, as Python compares str (JS's < compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Compares paths part by part, as Python's sorted() orders pathlib paths. */
export function comparePathParts(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = compareCodePoints(a[i] ?? "", b[i] ?? "");
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * Every file under `dir` whose name ends with `suffix`, at any depth (pathlib's `rglob("*.md")`),
 * as paths relative to `dir` split into parts, in Python's sorted() order. A missing folder has none.
 */
export async function listFiles(dir: string, suffix: string): Promise<string[][]> {
  const found: string[][] = [];
  const walk = async (parts: readonly string[]): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(dir, ...parts), { withFileTypes: true });
    } catch (error) {
      if (parts.length === 0 && hasErrorCode(error, "ENOENT")) return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) await walk([...parts, entry.name]);
      else if (entry.isFile() && entry.name.endsWith(suffix)) found.push([...parts, entry.name]);
    }
  };
  await walk([]);
  return found.sort(comparePathParts);
}
