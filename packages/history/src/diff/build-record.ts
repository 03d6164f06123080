import { parseHistoryLine, parseManifest, tagPrefix, type PackageRow, type ParsedManifest } from "@imgs/manifests";

/** One build as a diff sees it: what it is called, when it was built, its tags and its packages. */
export interface BuildRecord {
  /** How the build is named in reports: a manifest's base name `P-V-I-S`, or an image reference. */
  readonly label: string;
  /** Short image name, e.g. "base-notebook"; undefined when not known. */
  readonly image: string | undefined;
  /** `2024-01-02T03:04:05Z`; undefined when not known. */
  readonly buildTimestamp: string | undefined;
  /** Tag values without `R/O/I:<prefix>-` (e.g. "python-3.12.8"); undefined when not known. */
  readonly tags: readonly string[] | undefined;
  readonly packages: readonly PackageRow[];
}

/** A manifest's base name `P-V-I-S` split into its parts; undefined when it has another shape. */
export interface ManifestNameParts {
  readonly platform: string;
  readonly variant: string;
  readonly image: string;
  readonly commitTag: string;
}

/**
 * Splits `x86_64-default-base-notebook-0123456789ab` (docker-stacks' `P-V-I-S`). Platforms and
 * variants have no "-"; the image name may.
 */
export function splitManifestName(name: string): ManifestNameParts | undefined {
  const match = /^([^-]+)-([^-]+)-(.+)-([0-9a-f]{12})$/.exec(name.replace(/\.md$/, ""));
  if (!match) return undefined;
  return { platform: match[1] ?? "", variant: match[2] ?? "", image: match[3] ?? "", commitTag: match[4] ?? "" };
}

/**
 * A tag's value: the part after `R/O/I:` without the build's tag prefix when it is given.
 *
 * @example tagValue("quay.io/jupyter/base-notebook:x86_64-python-3.12.8", "x86_64") // "python-3.12.8"
 */
export function tagValue(tag: string, prefix: string | undefined): string {
  const afterName = tag.slice(tag.lastIndexOf(":") + 1);
  return prefix !== undefined && afterName.startsWith(`${prefix}-`) ? afterName.slice(prefix.length + 1) : afterName;
}

/** What a build record is made from when it comes from files. */
export interface RecordFromFilesOptions {
  /** The manifest's text. */
  readonly manifest: string;
  /** Its file name, for the label and (as `P-V-I-S.md`) the tag prefix. */
  readonly file: string;
  /** The build's history line, when there is one: it holds the tags. */
  readonly historyLine?: string | undefined;
}

/**
 * A build record from a build manifest file and, if known, its history line.
 *
 * @throws InvalidManifestFileError when the manifest is not one
 */
export function recordFromFiles({ manifest, file, historyLine }: RecordFromFilesOptions): BuildRecord {
  const parsed: ParsedManifest = parseManifest(manifest, file);
  const base = file.replace(/^.*\//, "").replace(/\.md$/, "");
  const parts = splitManifestName(base);
  const line = historyLine === undefined ? undefined : parseHistoryLine(historyLine.trim());
  const prefix = parts === undefined ? undefined : tagPrefix(parts);
  return {
    label: base,
    image: parsed.image,
    buildTimestamp: parsed.buildInfo.buildTimestamp,
    tags: line?.tags.map((tag) => tagValue(tag, prefix)),
    packages: parsed.packages,
  };
}
