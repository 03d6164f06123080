import { randomBytes } from "node:crypto";
import { lstat, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { FileWriteError } from "../errors.js";
import { makeFolder } from "./write-failure.js";

/** A file to write, and its whole content. */
export interface FileContent {
  readonly path: string;
  readonly content: string;
}

/**
 * Writes files whole or not at all: every content goes to a temporary file beside its target
 * first; only when all of them are written are they renamed over the targets. A failure (a full
 * disk, a folder that is a file, a read-only file system) removes the temporary files and leaves
 * the previous files as they were. Readers only ever see an old or a complete new file.
 *
 * @throws FileWriteError naming the file and what is in the way: a full disk (ENOSPC), a read-only
 *   file system (EROFS), a file or a dangling link where a folder should be, a permission
 *   (EACCES), …
 */
export async function writeFilesAtomic(files: readonly FileContent[]): Promise<void> {
  const written: Array<{ temporary: string; path: string }> = [];
  try {
    for (const { path, content } of files) {
      const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
      try {
        await makeFolder(dirname(path));
        await writeFile(temporary, content, { flag: "wx" });
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new FileWriteError(path, error);
      }
      written.push({ temporary, path });
    }
    // A rename that fails half-way would leave some files new and some old: refuse what rename
    // cannot replace (a folder) before the first one.
    for (const { path } of written) {
      const isFolder = await lstat(path).then((s) => s.isDirectory(), () => false);
      if (isFolder) throw new FileWriteError(path, Object.assign(new Error(`${path} is a folder, not a file`), { code: "EISDIR" }));
    }
    for (const { temporary, path } of written) {
      try {
        await rename(temporary, path);
      } catch (error) {
        throw new FileWriteError(path, error);
      }
    }
  } catch (error) {
    await Promise.all(written.map(({ temporary }) => rm(temporary, { force: true }).catch(() => undefined)));
    throw error;
  }
}

/** One file, whole or not at all (see writeFilesAtomic). */
export const writeFileAtomic = (path: string, content: string): Promise<void> => writeFilesAtomic([{ path, content }]);
