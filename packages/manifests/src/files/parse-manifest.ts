import { ImgsError } from "@imgs/errors";
import { packagesOfOutput } from "../package-lists/package-commands.js";
import type { ManifestPiece, PackageRow } from "../types.js";

/** What the Build Info piece of a manifest file says; a field is undefined when its line is missing. */
export interface ParsedBuildInfo {
  /** `2024-01-02T03:04:05Z`. */
  readonly buildTimestamp: string | undefined;
  /** R/O/I:S, e.g. "quay.io/jupyter/base-notebook:0123456789ab". */
  readonly dockerImage: string | undefined;
  /** As `docker images` prints it, e.g. "1.23GB". */
  readonly size: string | undefined;
  readonly commit: string | undefined;
  readonly message: string | undefined;
}

/** A build manifest file read back: header, build info and the pieces with their package rows. */
export interface ParsedManifest {
  /** Short image name of the `# Build manifest for image: I:S` header. */
  readonly image: string;
  /** The 12-character commit tag of the header. */
  readonly commitTag: string;
  readonly buildInfo: ParsedBuildInfo;
  /** Every piece, Build Info included; `packages` is set where a quoted command lists packages. */
  readonly pieces: readonly ManifestPiece[];
  /** All package rows of all pieces, in file order. */
  readonly packages: readonly PackageRow[];
}

/** A file given as a build manifest is not one: no `# Build manifest for image:` header. */
export class InvalidManifestFileError extends ImgsError {
  readonly code = "INVALID_MANIFEST_FILE";
  readonly category = "usage";
  constructor(readonly file: string, readonly problem: string) {
    super(`${file} is not a build manifest: ${problem}`);
  }
}

const HEADER = /^# Build manifest for image: (\S+):(\S+)$/;
const QUOTED = /^`([^`\n]+)`:\n\n```text\n([\s\S]*)\n```$/;

/**
 * Reads a build manifest as docker-stacks' write_manifest or imgs wrote it (any year's layout):
 * pieces split at H2 titles outside fences, sections at blank lines (a `` `command`: `` line and
 * its fence stay one section), and package rows read from quoted package lists by their command.
 * For files written by either tool, renderManifest of the result gives the file back.
 *
 * @throws InvalidManifestFileError when the first line is not the manifest header
 */
export function parseManifest(text: string, file = "the manifest"): ParsedManifest {
  const lines = text.replace(/\n$/, "").split("\n");
  const header = HEADER.exec(lines[0] ?? "");
  if (!header) throw new InvalidManifestFileError(file, `its first line is ${JSON.stringify(lines[0] ?? "")}, not "# Build manifest for image: IMAGE:TAG"`);
  const pieces = splitPieces(lines.slice(1)).map(toPiece);
  return {
    image: header[1] ?? "",
    commitTag: header[2] ?? "",
    buildInfo: buildInfoOf(pieces.find((p) => p.title === "Build Info")),
    pieces,
    packages: pieces.flatMap((p) => p.packages ?? []),
  };
}

/** Groups lines into pieces: each starts at a `## ` line that is not inside a fence. */
function splitPieces(lines: readonly string[]): Array<{ title: string; body: string[] }> {
  const pieces: Array<{ title: string; body: string[] }> = [];
  let fenced = false;
  for (const line of lines) {
    if (!fenced && line.startsWith("## ")) {
      pieces.push({ title: line.slice(3), body: [] });
      continue;
    }
    fenced = fenceAfter(fenced, line);
    pieces.at(-1)?.body.push(line);
  }
  return pieces;
}

/** Whether the lines after `line` are inside a fence: "```lang" opens one, a bare "```" closes it. */
const fenceAfter = (fenced: boolean, line: string): boolean => (fenced ? line !== "```" : line.startsWith("```"));

function toPiece({ title, body }: { title: string; body: string[] }): ManifestPiece {
  const sections = splitSections(body);
  let packages: PackageRow[] | undefined;
  for (const section of sections) {
    const quoted = QUOTED.exec(section);
    const rows = quoted ? packagesOfOutput(quoted[1] ?? "", quoted[2] ?? "") : undefined;
    if (rows) packages = [...(packages ?? []), ...rows];
  }
  return packages === undefined ? { title, sections } : { title, sections, packages };
}

/** Paragraphs split at blank lines outside fences; a paragraph ending in ":" joins the fence after it. */
function splitSections(body: readonly string[]): string[] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  let fenced = false;
  for (const line of body) {
    if (!fenced && line === "") {
      if (current.length > 0) paragraphs.push(current);
      current = [];
      continue;
    }
    fenced = fenceAfter(fenced, line);
    current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  const sections: string[] = [];
  for (const paragraph of paragraphs) {
    const text = paragraph.join("\n");
    const previous = sections.at(-1);
    if (previous !== undefined && previous.endsWith(":") && !previous.includes("```") && text.startsWith("```")) {
      sections[sections.length - 1] = `${previous}\n\n${text}`;
    } else sections.push(text);
  }
  return sections;
}

function buildInfoOf(piece: ManifestPiece | undefined): ParsedBuildInfo {
  const text = piece?.sections.join("\n\n") ?? "";
  const field = (name: string): string | undefined => new RegExp(`^- ${name}: (.*)$`, "m").exec(text)?.[1];
  const image = field("Docker image");
  const sha = field("Git commit SHA");
  return {
    buildTimestamp: field("Build timestamp"),
    dockerImage: image?.replace(/^`|`$/g, ""),
    size: field("Docker image size"),
    commit: sha === undefined ? undefined : (/^\[([0-9a-f]+)\]/.exec(sha)?.[1] ?? sha.replace(/^`|`$/g, "")),
    message: /- Git commit message:\n\n```text\n([\s\S]*)\n```/.exec(text)?.[1],
  };
}
