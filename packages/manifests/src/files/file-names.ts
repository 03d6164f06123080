import { commitTag } from "@imgs/git-helper";
import { filePrefix, type PrefixOptions } from "./tag-prefix.js";

/** What names a tags file: the build's platform and variant, and the short image name. */
export interface TagsFileNameOptions extends PrefixOptions {
  /** Short image name in the hierarchy, e.g. "base-notebook". */
  readonly image: string;
}

/** What names a manifest and a history line: a tags file's facts plus the commit. */
export interface ManifestFileNameOptions extends TagsFileNameOptions {
  /** Full commit hash; its first 12 characters (docker-stacks' commit_hash_tag) name the file. */
  readonly commit: string;
}

/** `P-V-I.txt`, as write_tags_file names it. */
export const tagsFileName = (o: TagsFileNameOptions): string => `${filePrefix(o)}-${o.image}.txt`;

/**
 * `P-V-I-S`: the name shared by the manifest and the history line, without extension; the
 * history line's "Build manifest" link points at it in this form (wiki pages have no extension).
 */
export const manifestBaseName = (o: ManifestFileNameOptions): string => `${filePrefix(o)}-${o.image}-${commitTag(o)}`;

/** `P-V-I-S.md`, as write_manifest names the manifest. */
export const manifestFileName = (o: ManifestFileNameOptions): string => `${manifestBaseName(o)}.md`;

/** `P-V-I-S.txt`, as write_manifest names the build history line. */
export const historyLineFileName = (o: ManifestFileNameOptions): string => `${manifestBaseName(o)}.txt`;
