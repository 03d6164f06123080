import { createRequire } from "node:module";
import type yargsFactory from "yargs";

const require = createRequire(import.meta.url);

/**
 * yargs 17 through its one-file CommonJS build: about 20 ms to load, where the ES module build
 * (46 files, as yargs 18 ships only) takes 100 ms or more, most of `imgs --help`'s start-up.
 */
export function loadYargs(): { yargs: typeof yargsFactory; hideBin: (argv: readonly string[]) => string[] } {
  const yargs = require("yargs/yargs") as typeof yargsFactory;
  const { hideBin } = require("yargs/helpers") as { hideBin: (argv: readonly string[]) => string[] };
  return { yargs, hideBin };
}
