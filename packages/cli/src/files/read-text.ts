import { readFile } from "node:fs/promises";
import { hasErrorCode } from "@imgs/errors";

/**
 * A UTF-8 file's text, or undefined when there is no file at `path`: none there, a file where a
 * folder of the path should be (ENOTDIR), or a folder in its place (EISDIR). Other failures
 * (permissions, I/O) are thrown.
 */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT", "ENOTDIR", "EISDIR")) return undefined;
    throw error;
  }
}
