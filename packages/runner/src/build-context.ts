import { randomBytes } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { errorCodeOf, hasErrorCode } from "@imgs/errors";
import type { pack as packType, PackOptions } from "tar-fs";
import { BuildContextInvalidError } from "./errors/build.js";
import { createContextFilter, parseDockerignore } from "./dockerignore.js";
import { lazyRequire } from "./lazy-require.js";

const loadTarFs = lazyRequire<{ pack: typeof packType }>("tar-fs");
import type { ContextFilter } from "./dockerignore.js";

/** A checked build context: what is sent to the engine, and under which names. */
export interface BuildContext {
  /** Absolute path of the context folder. */
  readonly dir: string;
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string;
  /** The Dockerfile's name in the sent archive ("Dockerfile", "docker/Dockerfile", ".dockerfile.<random>"). */
  readonly dockerfileName: string;
  readonly dockerfileContent: Buffer;
  /** True when the Dockerfile lies outside the context and is added to the archive. */
  readonly outside: boolean;
  /** The context's .dockerignore, when it has one. */
  readonly dockerignore: string | undefined;
  /** The context's paths that are sent (relative, with "/"), in walk order. */
  readonly entries: readonly string[];
}

/** The paths of a folder that the filter keeps, walking into excluded folders only when an exception may keep something inside. */
export async function listContextEntries(dir: string, filter: ContextFilter): Promise<string[]> {
  const entries: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const children = await readdir(join(dir, folder), { withFileTypes: true });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      const path = folder === "" ? child.name : `${folder}/${child.name}`;
      // Symbolic links are sent as links, never followed (isDirectory is false for them).
      const isFolder = child.isDirectory();
      if (filter.excludes(path)) {
        if (isFolder && filter.mayKeepInside(path)) await walk(path);
        continue;
      }
      entries.push(path);
      if (isFolder) await walk(path);
    }
  };
  await walk("");
  return entries;
}

/**
 * Check a build context before the engine is asked: the folder and the Dockerfile must exist. The
 * Dockerfile is absolute or relative to the context; one outside the context gets a generated name.
 */
export async function readBuildContext(context: string, dockerfile = "Dockerfile"): Promise<BuildContext> {
  const dir = resolve(context);
  const file = resolve(dir, dockerfile);
  const invalid = (reason: string, cause?: unknown): BuildContextInvalidError => new BuildContextInvalidError(dir, file, reason, cause);
  const kind = async (path: string): Promise<"folder" | "file" | "other" | "missing"> => {
    try {
      const stats = await stat(path);
      return stats.isDirectory() ? "folder" : stats.isFile() ? "file" : "other";
    } catch (error) {
      if (hasErrorCode(error, "ENOENT", "ENOTDIR")) return "missing";
      throw invalid(`cannot read ${path}: ${errorCodeOf(error) ?? String(error)}`, error);
    }
  };
  const contextKind = await kind(dir);
  if (contextKind !== "folder") throw invalid(contextKind === "missing" ? "the context folder does not exist" : "the context is not a folder");
  const dockerfileKind = await kind(file);
  if (dockerfileKind !== "file") throw invalid(dockerfileKind === "missing" ? "the Dockerfile does not exist" : "the Dockerfile is not a file");

  const inContext = relative(dir, file);
  const outside = isAbsolute(inContext) || inContext.split(sep)[0] === "..";
  // The docker CLI's name for a Dockerfile it adds to the context.
  const dockerfileName = outside ? `.dockerfile.${randomBytes(10).toString("hex")}` : inContext.split(sep).join("/");
  try {
    const dockerfileContent = await readFile(file);
    const dockerignore = await readFile(join(dir, ".dockerignore"), "utf8").catch((error: unknown) => {
      if (hasErrorCode(error, "ENOENT")) return undefined;
      throw error;
    });
    const filter = createContextFilter(parseDockerignore(dockerignore ?? ""), dockerfileName);
    const listed = await listContextEntries(dir, filter);
    // A Dockerfile from outside comes with its own copy of .dockerignore (see packBuildContext).
    const entries = outside ? listed.filter((path) => path !== ".dockerignore") : listed;
    return { dir, dockerfile: file, dockerfileName, dockerfileContent, outside, dockerignore, entries };
  } catch (error) {
    const path = (error as { path?: unknown } | null)?.path;
    throw invalid(`cannot read ${typeof path === "string" ? path : "the context"}: ${errorCodeOf(error) ?? String(error)}`, error);
  }
}

/**
 * The context as the tar stream the engine takes, as the docker CLI makes it: modes kept, owner
 * root. A Dockerfile from outside is added, and listed in .dockerignore so that the engine drops
 * it from the context after reading it, so `COPY . .` does not copy it.
 */
export function packBuildContext(context: BuildContext): Readable {
  const options: PackOptions & { readonly umask: number } = {
    entries: [...context.entries],
    // Entries list every path to send; tar-fs must not add a folder's other children.
    ignore: () => true,
    umask: 0,
    strict: false,
    map: (header) => ({ ...header, uid: 0, gid: 0 }),
    finalize: !context.outside,
    finish: (archive) => {
      if (!context.outside) return;
      // A fixed time, as packDockerfileOnly's: the archive depends on the files only, not on the clock.
      const mtime = new Date(0);
      archive.entry({ name: context.dockerfileName, mode: 0o600, mtime }, context.dockerfileContent);
      archive.entry({ name: ".dockerignore", mode: 0o600, mtime }, `${context.dockerignore ?? ""}\n${context.dockerfileName}\n`);
      archive.finalize();
    },
  };
  return loadTarFs().pack(context.dir, options);
}
