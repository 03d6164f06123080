import { isAbsolute, relative, sep } from "node:path";
import type { TextFileOptions } from "./tags-file.js";

/** docker-stacks' MARKDOWN_LINE_BREAK: how cells of the history table hold several lines. */
const LINE_BREAK = "<br />";

/** What a build history line says. */
export interface HistoryLineOptions extends TextFileOptions {
  /** The run's build timestamp (see buildTimestamp), the same as the manifest's. */
  readonly buildTimestamp: string;
  /** R/O/I, e.g. "quay.io/jupyter/base-notebook". */
  readonly fullImage: string;
  /** Short image name, for the Dockerfile link. */
  readonly image: string;
  /** The build's tag prefix, e.g. "x86_64". */
  readonly prefix: string;
  /** Tag values in tagger order; the `latest` tag is not listed (docker-stacks lists taggers only). */
  readonly values: readonly string[];
  /** Full commit hash. */
  readonly commit: string;
  /** Source repository, "owner/name". */
  readonly repository: string;
  /** The manifest's base name, `P-V-I-S` (see manifestBaseName); the link has no extension. */
  readonly manifestName: string;
  /** Improvement: web server for the links. Default "https://github.com", as docker-stacks hard-codes. */
  readonly serverUrl?: string;
  /** Improvement: the Dockerfile's path in the repository. Default `images/<image>/Dockerfile`. */
  readonly dockerfilePath?: string;
}

/**
 * One row of the wiki's build history table, exactly as docker-stacks' get_build_history_line
 * writes it: `| \`timestamp\` | tags | links |`, no newline at the end unless asked.
 */
export function historyLine(o: HistoryLineOptions): string {
  const server = o.serverUrl ?? "https://github.com";
  const dockerfile = o.dockerfilePath ?? `images/${o.image}/Dockerfile`;
  const date = `\`${o.buildTimestamp}\``;
  const images = o.values.map((value) => `\`${o.fullImage}:${o.prefix}-${value}\``).join(LINE_BREAK);
  const links = [
    `[Git diff](${server}/${o.repository}/commit/${o.commit})`,
    `[Dockerfile](${server}/${o.repository}/blob/${o.commit}/${dockerfile})`,
    `[Build manifest](./${o.manifestName})`,
  ].join(LINE_BREAK);
  return `| ${date} | ${images} | ${links} |` + (o.finalNewline ? "\n" : "");
}

/**
 * A Dockerfile's path inside the repository (with "/"), for the history line's Dockerfile link;
 * undefined when there is none or it lies outside the repository.
 */
export function dockerfileInRepository(dockerfile: string | undefined, root: string): string | undefined {
  if (dockerfile === undefined) return undefined;
  const path = relative(root, dockerfile);
  return path.startsWith("..") || isAbsolute(path) ? undefined : path.split(sep).join("/");
}
