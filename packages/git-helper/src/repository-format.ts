import type * as nodeFs from "node:fs";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { gitConfigSection, gitConfigValue } from "./git-config-value.js";

/** Why isomorphic-git cannot read a repository, from its format alone. */
export interface FormatProblem {
  /** The format in words, e.g. `extensions.objectFormat = sha256 (SHA-256 object names)`. */
  readonly format: string;
}

// Extensions that change nothing isomorphic-git reads (names lower-cased, as git compares them).
const HARMLESS = new Set(["noop", "noop-v1", "preciousobjects", "partialclone", "worktreeconfig"]);

function extensionProblem(name: string, value: string): string | undefined {
  const setting = `extensions.${name} = ${value}`;
  if (name === "objectformat") return value.toLowerCase() === "sha1" ? undefined : `${setting} (${value.toLowerCase() === "sha256" ? "SHA-256" : value} object names)`;
  if (name === "refstorage") return value.toLowerCase() === "files" ? undefined : `${setting} (${value} ref storage)`;
  return HARMLESS.has(name) ? undefined : `${setting} (an extension isomorphic-git does not know)`;
}

/**
 * What in the repository's format isomorphic-git cannot read, as git decides a format: the
 * `core.repositoryformatversion` of its config (0 and 1 are git's) and, in version 1, each
 * `extensions.*` setting (SHA-256 objects, reftable refs, any extension it does not know).
 * Undefined when the format is one isomorphic-git reads, or the config cannot be found.
 *
 * @throws the file system's error when the config exists but cannot be read
 */
export async function isomorphicGitFormatProblem(fs: typeof nodeFs, commonDir: string): Promise<FormatProblem | undefined> {
  let text: string;
  try {
    text = await fs.promises.readFile(join(commonDir, "config"), "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT")) return undefined;
    throw error;
  }
  const version = Number(gitConfigValue(text, "core.repositoryformatversion") ?? "0");
  if (version > 1 || !Number.isInteger(version)) return { format: `repository format version ${gitConfigValue(text, "core.repositoryformatversion")}` };
  if (version === 0) return undefined;
  for (const [name, value] of gitConfigSection(text, "extensions")) {
    const problem = extensionProblem(name, value);
    if (problem !== undefined) return { format: problem };
  }
  return undefined;
}
