import { InvalidTaggerSpecError } from "./errors.js";
import { tagProblem } from "@imgs/reference";

/** Options of pipPackageTagger and aptPackageTagger. */
export interface PackageTaggerOptions {
  /** Text before "-<version>" in the tag; default the package name (e.g. "libstdcxx" for "libstdc++6"). */
  readonly prefix?: string;
}

/** The tag prefix of a package tagger, checked when the tagger is made rather than when it runs. */
export function packagePrefix(name: string, options: PackageTaggerOptions): string {
  const prefix = options.prefix ?? name;
  const problem = typeof prefix === "string" ? tagProblem(prefix) : "it is not a string";
  if (problem !== undefined) {
    throw new InvalidTaggerSpecError(prefix, `the tag prefix for package "${name}" is not valid in a tag: ${problem}; set "prefix"`);
  }
  return prefix;
}
