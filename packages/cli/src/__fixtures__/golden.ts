import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The same line-by-line report the manifests package's goldens use.
export { compareLines } from "../../../manifests/src/testing/golden.js";

/** Folder of the CLI's reference files. */
export const GOLDEN_DIR = fileURLToPath(new URL("../__golden__/", import.meta.url));

/** The reference file's content; with IMGS_UPDATE_GOLDEN=1 it is first rewritten from `actual`. */
export function readGolden(name: string, actual: string): string {
  const path = join(GOLDEN_DIR, name);
  if (process.env.IMGS_UPDATE_GOLDEN === "1") writeFileSync(path, actual);
  else if (!existsSync(path)) throw new Error(`no reference file ${path}; run with IMGS_UPDATE_GOLDEN=1 to write it, then review it`);
  return readFileSync(path, "utf8");
}
