import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { recordFromFiles, type BuildRecord } from "@imgs/history";
import { parseHistoryLine } from "@imgs/manifests";
import { readTextIfExists } from "../files/read-text.js";

/**
 * The build history line of a manifest file `P-V-I-S.md`, looked for where docker-stacks and imgs
 * put it: `P-V-I-S.txt` in `histLinesDir` (when given) or beside the manifest, else a line linking
 * it in the wiki's monthly page when the manifest sits in a wiki (`manifests/YYYY/YYYY-MM/`).
 * Undefined when there is none.
 */
export async function findHistoryLine(manifestFile: string, histLinesDir: string | undefined): Promise<string | undefined> {
  const name = basename(manifestFile).replace(/\.md$/, "");
  for (const dir of [histLinesDir, dirname(manifestFile)]) {
    if (dir === undefined) continue;
    const line = await readTextIfExists(join(dir, `${name}.txt`));
    if (line !== undefined) return line;
  }
  // A wiki: <wiki>/manifests/YYYY/YYYY-MM/<name>.md and <wiki>/monthly-files/YYYY/YYYY-MM.md.
  const month = basename(dirname(manifestFile));
  const year = basename(dirname(dirname(manifestFile)));
  const wiki = dirname(dirname(dirname(dirname(manifestFile))));
  if (!/^\d{4}-\d\d$/.test(month) || basename(dirname(dirname(dirname(manifestFile)))) !== "manifests") return undefined;
  const page = await readTextIfExists(join(wiki, "monthly-files", year, `${month}.md`));
  return page?.split("\n").find((line) => parseHistoryLine(line)?.manifestName === name);
}

/** A build record from a manifest file and its history line (when one is found). */
export async function recordFromManifestFile(file: string, histLinesDir: string | undefined): Promise<BuildRecord> {
  const manifest = await readFile(file, "utf8");
  return recordFromFiles({ manifest, file, historyLine: await findHistoryLine(file, histLinesDir) });
}

/** True when `path` names an existing file. */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if (hasErrorCode(error, "ENOENT", "ENOTDIR")) return false;
    throw error;
  }
}
