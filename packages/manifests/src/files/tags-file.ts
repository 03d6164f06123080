import { readFile } from "node:fs/promises";
import { hasErrorCode } from "@imgs/errors";
import { parseReference, repositoryOf } from "@imgs/reference";
import { TagsFileError } from "../errors.js";

// The tags file, one owner: its content as write_tags_file writes it, and reading it back as
// apply_tags / merge_tags read it.

/** Options of the docker-stacks text files; all off by default, so output stays byte-identical. */
export interface TextFileOptions {
  /**
   * End the file with a newline. docker-stacks writes tags files and history lines without one;
   * POSIX tools (wc -l, cat a b) prefer it. Default false.
   */
  readonly finalNewline?: boolean;
}

/** What the tags of one image are made of. */
export interface ImageTagsOptions {
  /** R/O/I, e.g. "quay.io/jupyter/base-notebook". */
  readonly fullImage: string;
  /** The build's tag prefix (see tagPrefix), e.g. "x86_64" or "aarch64-cuda12". */
  readonly prefix: string;
  /** Tag values in tagger order, e.g. ["2024-01-02", "python-3.12.4"]. */
  readonly values: readonly string[];
}

/**
 * The full tags of an image in tags-file order: `R/O/I:<prefix>-latest` first, then
 * `R/O/I:<prefix>-<value>` for every tagger value, as write_tags_file's get_tags builds them; each
 * tag once, the first occurrence kept (ref rules on a release commit give `latest` again).
 */
export function imageTags({ fullImage, prefix, values }: ImageTagsOptions): string[] {
  return [...new Set(["latest", ...values].map((value) => `${fullImage}:${prefix}-${value}`))];
}

/** A tags file's content: one full tag a line, no newline after the last (write_tags_file). */
export function tagsFileContent(tags: readonly string[], options: TextFileOptions = {}): string {
  return tags.join("\n") + (options.finalNewline ? "\n" : "");
}

/** Options of parseTagsFile and readTagsFile. */
export interface ReadTagsFileOptions {
  /**
   * The repository every line must belong to (`R/O/I` of the image the file is for): a line naming
   * another repository is refused, so a tags file cannot tag or push someone else's image.
   */
  readonly repository?: string;
}

/**
 * The tags of a tags file's text: one reference a line (blank lines ignored), each checked with
 * the reference grammar and, with `repository`, to belong to it.
 *
 * @throws TagsFileError naming the file and the line at fault, or when there is no tag at all
 */
export function parseTagsFile(text: string, file: string, options: ReadTagsFileOptions = {}): string[] {
  const tags: string[] = [];
  text.split("\n").forEach((line, i) => {
    const tag = line.trim();
    if (tag === "") return;
    let repository: string;
    try {
      const ref = parseReference(tag);
      if (ref.tag === undefined || ref.digest !== undefined) throw new Error("it must be repository:tag");
      repository = repositoryOf(ref);
    } catch (error) {
      throw new TagsFileError(file, `line ${i + 1} is not an image reference with a tag: ${JSON.stringify(tag)}`, error);
    }
    if (options.repository !== undefined && repository !== options.repository) {
      throw new TagsFileError(file, `line ${i + 1} names repository ${repository}, not ${options.repository}: ${JSON.stringify(tag)}`);
    }
    tags.push(tag);
  });
  if (tags.length === 0) throw new TagsFileError(file, "is empty");
  return tags;
}

/**
 * Read a tags file written by `imgs tag` (or docker-stacks' write_tags_file) and parse it.
 *
 * @throws TagsFileError when it is missing, unreadable or invalid (see parseTagsFile)
 */
export async function readTagsFile(file: string, options: ReadTagsFileOptions = {}): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = hasErrorCode(error, "ENOENT") ? "does not exist; run `imgs tag` for this image, platform and variant first" : `cannot be read (${(error as Error).message})`;
    throw new TagsFileError(file, reason, error);
  }
  return parseTagsFile(text, file, options);
}
