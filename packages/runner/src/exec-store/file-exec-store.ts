import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { ExecStoreError } from "../errors/exec-store.js";
import type { ExecResult } from "../types.js";

/** Where exec results are kept between runs, by key (see cachedSession for what a key holds). */
export interface ExecStore {
  /** The result stored under `key`, or undefined when there is none. */
  get(key: string): Promise<ExecResult | undefined>;
  set(key: string, result: ExecResult): Promise<void>;
}

/** Options of createFileExecStore. */
export interface FileExecStoreOptions {
  /** The folder, e.g. env-paths' cache folder + "/exec" (given by the caller; nothing is read from the environment). */
  readonly dir: string;
  /** Total size the folder may reach, in bytes; the least recently used results go first. Default 64 MiB. */
  readonly maxBytes?: number;
  /** The clock that dates a result's last use (a read touches its file); the CLI passes its own. */
  readonly now: () => Date;
}

/** Default size bound of a file exec store: 64 MiB. */
export const DEFAULT_EXEC_STORE_BYTES = 64 * 1024 * 1024;

interface StoredEntry {
  readonly key: string;
  readonly result: ExecResult;
}

const isResult = (value: unknown): value is ExecResult => {
  const r = value as Partial<ExecResult> | null;
  return (
    typeof r === "object" && r !== null && Array.isArray(r.command) && typeof r.stdout === "string" && typeof r.stderr === "string" && typeof r.output === "string" && typeof r.exitCode === "number"
  );
};

/**
 * An exec store of one JSON file per result, named by the SHA-256 of its key. Each file is written
 * whole (temporary file, then rename), so concurrent runs and a crash leave either the old or the
 * new file; a read touches the file, and past `maxBytes` the least recently used files are removed.
 * A file that does not hold its key (hash collision, damage) is a miss.
 *
 * @throws ExecStoreError (from get/set) when the folder cannot be read or written
 */
export function createFileExecStore(options: FileExecStoreOptions): ExecStore {
  const { dir } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_EXEC_STORE_BYTES;
  const fileOf = (key: string): string => join(dir, `${createHash("sha256").update(key).digest("hex")}.json`);

  async function prune(): Promise<void> {
    try {
      const files = (await readdir(dir)).filter((name) => name.endsWith(".json"));
      const entries = await Promise.all(
        files.map(async (name) => {
          try {
            const info = await stat(join(dir, name));
            return { path: join(dir, name), size: info.size, used: info.mtimeMs };
          } catch (error) {
            // Another run pruned it meanwhile.
            if (hasErrorCode(error, "ENOENT")) return undefined;
            throw error;
          }
        }),
      );
      const present = entries.filter((e) => e !== undefined).sort((a, b) => a.used - b.used);
      let total = present.reduce((sum, e) => sum + e.size, 0);
      for (const entry of present) {
        if (total <= maxBytes) break;
        await rm(entry.path, { force: true });
        total -= entry.size;
      }
    } catch (error) {
      throw new ExecStoreError(dir, "prune", error);
    }
  }

  return {
    async get(key) {
      const path = fileOf(key);
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (error) {
        if (hasErrorCode(error, "ENOENT")) return undefined;
        throw new ExecStoreError(path, "read", error);
      }
      let entry: Partial<StoredEntry>;
      try {
        entry = JSON.parse(text) as Partial<StoredEntry>;
      } catch {
        return undefined;
      }
      if (entry.key !== key || !isResult(entry.result)) return undefined;
      // The modification time is the last use: pruning removes the least recently used first.
      const now = options.now();
      await utimes(path, now, now).catch(() => undefined);
      return entry.result;
    },
    async set(key, result) {
      const path = fileOf(key);
      const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(temporary, JSON.stringify({ key, result } satisfies StoredEntry), { flag: "wx" });
        await rename(temporary, path);
      } catch (error) {
        // The folder itself may be what failed (not a folder, no permission).
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new ExecStoreError(path, "write", error);
      }
      await prune();
    },
  };
}
