import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";

/** The .html files under a site folder (what an earlier run wrote there), as absolute paths. */
export async function listSiteFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if (hasErrorCode(error, "ENOENT")) return [];
    throw error;
  }
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html")).map((entry) => join(entry.parentPath, entry.name));
}
