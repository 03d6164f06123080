import { lstat, mkdir, readlink, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { asError, errorCodeOf, hasErrorCode, messageOf } from "@imgs/errors";

/** What a system error code means for a file being written, in words. */
const MEANING: Readonly<Record<string, string>> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EISDIR: "it is a folder",
  ENAMETOOLONG: "the name is too long",
  EIO: "the disk failed (input/output error)",
};

/** `reason` of a failed write: the meaning of its code, then the system's own message (which names the call). */
export function writeFailureReason(error: unknown): string {
  const code = errorCodeOf(error);
  const message = messageOf(error);
  const meaning = code === undefined ? undefined : MEANING[code];
  // Node's system errors read "ENOSPC: no space left on device, write"; imgs' own say it in words already.
  return meaning && message.startsWith(`${code}:`) ? `${meaning} (${message})` : message;
}

/**
 * Make `dir` and its parents, saying what is really in the way when that fails. Node's recursive
 * mkdir reports ENOENT for a read-only file system and EEXIST for a file where a folder should be;
 * walking up to the first part that exists and making the next one alone gives the real reason.
 *
 * @throws Error with the system code of the real cause, and a message naming the path in the way
 */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw await explainFolderFailure(dir, error);
  }
}

async function explainFolderFailure(dir: string, original: unknown): Promise<Error> {
  for (let at = dir; ; at = dirname(at)) {
    const kind = await lstat(at).then(
      (s) => (s.isSymbolicLink() ? "link" : s.isDirectory() ? "folder" : "file"),
      (error: unknown) => (hasErrorCode(error, "ENOENT", "ENOTDIR") ? "none" : "unreadable"),
    );
    if (kind === "file") return coded("ENOTDIR", `${at} is a file, not a folder`);
    if (kind === "link" && !(await stat(at).then((s) => s.isDirectory(), () => false))) {
      const target = await readlink(at).catch(() => "?");
      return coded("ENOENT", `${at} is a symbolic link to ${target}, which is not an existing folder`);
    }
    if (kind === "folder" || kind === "link") {
      if (at === dir) return asError(original);
      // The first part that does not exist, made alone, fails with the real reason (EROFS, EACCES, ENOSPC).
      const next = join(at, relative(at, dir).split(sep)[0] ?? "");
      return mkdir(next).then(
        () => asError(original),
        (error: unknown) => asError(error),
      );
    }
    if (kind === "unreadable" || dirname(at) === at) return asError(original);
  }
}

function coded(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
