import { randomBytes } from "node:crypto";
import { lstat, readlink, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { FileWriteError } from "../errors.js";
import { makeFolder } from "./write-failure.js";

/** A file to write, and its whole content. */
export interface FileContent {
  readonly path: string;
  readonly content: string;
}

/** How a target is written: a file replaced by renaming a whole new one over it, or a stream written to. */
type Target = { readonly kind: "replace"; readonly path: string } | { readonly kind: "stream"; readonly path: string };

const coded = (code: string, message: string): Error => Object.assign(new Error(message), { code });

/**
 * Where `path` is written. A symbolic link is followed to the file it names, so the link stays (a
 * rename over it would put a file in its place: `-o /dev/stdout` as root would replace the system's
 * link). A device, a FIFO or a socket (`-o /dev/stdout` on a pipe) is written to as it is.
 */
async function targetOf(path: string): Promise<Target> {
  const info = await stat(path).catch((error: unknown) => {
    if (hasErrorCode(error, "ENOENT")) return undefined;
    throw error;
  });
  const link = await lstat(path).then(
    (s) => s.isSymbolicLink(),
    () => false,
  );
  if (info === undefined) {
    if (!link) return { kind: "replace", path };
    throw coded("ENOENT", `${path} is a symbolic link to ${await readlink(path).catch(() => "?")}, which does not exist`);
  }
  if (info.isDirectory()) throw coded("EISDIR", `${path} is a folder, not a file`);
  if (!info.isFile()) return { kind: "stream", path };
  return { kind: "replace", path: link ? await realpath(path) : path };
}

/**
 * Writes files whole or not at all: every content goes to a temporary file beside its target
 * first; only when all of them are written are they renamed over the targets. A failure (a full
 * disk, a folder that is a file, a read-only file system) removes the temporary files and leaves
 * the previous files as they were. Readers only ever see an old or a complete new file. A target
 * that is a symbolic link has the file it names replaced; a device or FIFO is written to directly.
 *
 * @throws FileWriteError naming the file and what is in the way: a full disk (ENOSPC), a read-only
 *   file system (EROFS), a file or a dangling link where a folder should be, a folder where the
 *   file should be, a permission (EACCES), …
 */
export async function writeFilesAtomic(files: readonly FileContent[]): Promise<void> {
  const written: Array<{ temporary: string; path: string; shown: string }> = [];
  const streams: Array<{ path: string; content: string }> = [];
  try {
    // Every target is judged before anything is written: a folder in a file's place fails the
    // whole set, not the last rename of it.
    const targets: Target[] = [];
    for (const { path } of files) {
      try {
        await makeFolder(dirname(path));
        targets.push(await targetOf(path));
      } catch (error) {
        throw new FileWriteError(path, error);
      }
    }
    for (const [index, { path, content }] of files.entries()) {
      const target = targets[index] ?? { kind: "replace", path };
      if (target.kind === "stream") {
        streams.push({ path, content });
        continue;
      }
      const temporary = join(dirname(target.path), `.${basename(target.path)}.${randomBytes(6).toString("hex")}.tmp`);
      try {
        await writeFile(temporary, content, { flag: "wx" });
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new FileWriteError(path, error);
      }
      written.push({ temporary, path: target.path, shown: path });
    }
    for (const { temporary, path, shown } of written) {
      try {
        await rename(temporary, path);
      } catch (error) {
        throw new FileWriteError(shown, error);
      }
    }
  } catch (error) {
    await Promise.all(written.map(({ temporary }) => rm(temporary, { force: true }).catch(() => undefined)));
    throw error;
  }
  // A stream cannot be written whole or not at all; it is written last, once the files are in place.
  for (const { path, content } of streams) {
    try {
      await writeFile(path, content);
    } catch (error) {
      throw new FileWriteError(path, error);
    }
  }
}

/** One file, whole or not at all (see writeFilesAtomic). */
export const writeFileAtomic = (path: string, content: string): Promise<void> => writeFilesAtomic([{ path, content }]);
