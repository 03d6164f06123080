import { resolve } from "node:path";
import { diffBuilds, formatDiff, type BuildDiff, type BuildRecord, type DiffFormat } from "@imgs/history";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";
import { isFile, recordFromManifestFile } from "./diff-files.js";
import { recordFromImage, type ImageDiffOptions } from "./diff-images.js";

/** What `imgs diff` compares and how it prints the result. */
export interface DiffOptions extends ImageDiffOptions {
  /** The older build: a build manifest file, or a local image reference. */
  readonly from: string;
  /** The newer build, the same way. */
  readonly to: string;
  /** Default "text". */
  readonly format?: DiffFormat | undefined;
  /** Where the manifests' history lines (`P-V-I-S.txt`, for the tags) are; default beside each manifest. */
  readonly histLinesDir?: string | undefined;
}

/** The diff and its text in the asked format. */
export interface DiffResult {
  readonly diff: BuildDiff;
  readonly text: string;
}

const FORMATS: readonly DiffFormat[] = ["text", "markdown", "json"];

/**
 * `imgs diff` as a function: compares two builds, each a build manifest file (imgs' or
 * docker-stacks', with its history line for the tags when found) or a local image whose manifests
 * are computed on the spot, one container each.
 *
 * @throws UsageError for an unknown format, or an argument that is neither a file nor an image of the config
 */
export async function diffTwoBuilds(options: DiffOptions, deps: CliDeps): Promise<DiffResult> {
  const format = options.format ?? "text";
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${format}"`);
  const histLinesDir = options.histLinesDir === undefined ? undefined : resolve(deps.cwd, options.histLinesDir);
  const record = async (argument: string): Promise<BuildRecord> => {
    if (argument.trim() === "") throw new UsageError("imgs diff needs two builds: manifest files or image references, not an empty argument");
    const path = resolve(deps.cwd, argument);
    if (argument.endsWith(".md") && !(await isFile(path))) throw new UsageError(`no build manifest file ${path}`);
    return (await isFile(path)) ? recordFromManifestFile(path, histLinesDir) : recordFromImage(argument, options, deps);
  };
  // One after the other: two images would otherwise start two containers at once on a shared engine.
  const from = await record(options.from);
  const to = await record(options.to);
  const diff = diffBuilds(from, to);
  return { diff, text: formatDiff(diff, format) };
}
