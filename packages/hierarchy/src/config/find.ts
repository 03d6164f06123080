import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = [
  "imgs.config.ts",
  "imgs.config.mts",
  "imgs.config.js",
  "imgs.config.mjs",
  "imgs.config.json",
  "imgs.config.yaml",
  "imgs.config.yml",
] as const;

/** The nearest imgs.config.* in `cwd` or a folder above it; undefined when there is none. */
export function findConfigFile(cwd: string, exists: (path: string) => boolean = existsSync): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (exists(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}
