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
 * `R/O/I:<prefix>-<value>` for every tagger value, as write_tags_file's get_tags builds them.
 */
export function imageTags({ fullImage, prefix, values }: ImageTagsOptions): string[] {
  return ["latest", ...values].map((value) => `${fullImage}:${prefix}-${value}`);
}

/** A tags file's content: one full tag a line, no newline after the last (write_tags_file). */
export function tagsFileContent(tags: readonly string[], options: TextFileOptions = {}): string {
  return tags.join("\n") + (options.finalNewline ? "\n" : "");
}
