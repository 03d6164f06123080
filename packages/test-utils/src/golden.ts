import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Set to rewrite the reference files from the current output (then review the git diff). */
const UPDATE = process.env.IMGS_UPDATE_GOLDEN === "1";

/**
 * Compare a produced file with its reference, line by line; returns a readable report of every
 * differing line (empty when equal). Line ends count: a missing final newline is reported too.
 */
export function compareLines(actual: string, expected: string): string {
  if (actual === expected) return "";
  const a = actual.split("\n");
  const e = expected.split("\n");
  const report: string[] = [];
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] === e[i]) continue;
    report.push(`line ${i + 1}:`, `  expected ${e[i] === undefined ? "(no line)" : JSON.stringify(e[i])}`, `  actual   ${a[i] === undefined ? "(no line)" : JSON.stringify(a[i])}`);
    if (report.length > 60) break;
  }
  if (actual.endsWith("\n") !== expected.endsWith("\n")) {
    report.push(`final newline: expected ${expected.endsWith("\n") ? "one" : "none"}, actual ${actual.endsWith("\n") ? "one" : "none"}`);
  }
  return report.join("\n");
}

/** The reference file `dir/name`, written first from `actual` in update mode (IMGS_UPDATE_GOLDEN=1). */
export function readGolden(dir: string, name: string, actual: string): string {
  const path = join(dir, name);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`no reference file ${path}; run with IMGS_UPDATE_GOLDEN=1 to write it`);
    writeFileSync(path, actual);
  }
  return readFileSync(path, "utf8");
}
