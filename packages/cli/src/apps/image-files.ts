import { join } from "node:path";
import type { ImageEvaluation } from "@imgs/evaluate";
import type { GitSnapshot } from "@imgs/git-helper";
import {
  buildTimestamp,
  dockerfileInRepository,
  historyLine,
  historyLineFileName,
  imageTags,
  manifestBaseName,
  manifestFileName,
  renderManifest,
  tagsFileContent,
  tagsFileName,
  type ManifestPiece,
} from "@imgs/manifests";
import type { FileContent } from "../files/write-files.js";

/** What an app produced for one image. */
export interface ImageResult {
  readonly image: string;
  /** R/O/I. */
  readonly fullImage: string;
  /** Full tags in tags-file order (`R/O/I:<prefix>-latest` first), each once. */
  readonly tags: readonly string[];
  readonly manifest?: { readonly file: string; readonly pieces: readonly ManifestPiece[] };
  readonly historyLine?: { readonly file: string; readonly line: string };
  readonly tagsFile?: string;
}

/** Where an image's files go and how they are named. */
export interface ImageFilesOptions {
  readonly dirs: { readonly tags: string; readonly manifests: string; readonly histLines: string };
  readonly platform: string;
  readonly variant: string;
  readonly prefix: string;
  readonly git: GitSnapshot;
  readonly now: Date;
  /** Write the tags file. */
  readonly tags: boolean;
  readonly repository: string | undefined;
  readonly serverUrl: string | undefined;
  readonly finalNewline: boolean | undefined;
  /** The image's Dockerfile, for the history line's link (docker-stacks links images/<image>/Dockerfile). */
  readonly dockerfile: string | undefined;
}

/**
 * An image's files, rendered but not written: the tags file (write_tags_file), and with pieces the
 * build manifest and build history line (write_manifest), in docker-stacks' exact formats.
 * Rendering everything first means a failure writes nothing.
 */
export function renderImageFiles(evaluation: ImageEvaluation, o: ImageFilesOptions): { files: FileContent[]; result: ImageResult } {
  const { image, fullImage, pieces } = evaluation;
  const values = evaluation.tags.map((t) => t.value);
  const names = { platform: o.platform, variant: o.variant, image, commit: o.git.commit };
  const tags = imageTags({ fullImage, prefix: o.prefix, values });
  const files: FileContent[] = [];
  let result: ImageResult = { image, fullImage, tags };
  if (o.tags) {
    const tagsFile = join(o.dirs.tags, tagsFileName(names));
    files.push({ path: tagsFile, content: tagsFileContent(tags, o) });
    result = { ...result, tagsFile };
  }
  if (pieces) {
    const manifestFile = join(o.dirs.manifests, manifestFileName(names));
    files.push({ path: manifestFile, content: renderManifest({ image, commit: o.git.commit, pieces }) });
    const line = historyLine({
      buildTimestamp: buildTimestamp(o.now),
      fullImage,
      image,
      prefix: o.prefix,
      values,
      commit: o.git.commit,
      repository: o.repository ?? "",
      manifestName: manifestBaseName(names),
      serverUrl: o.serverUrl,
      dockerfilePath: dockerfileInRepository(o.dockerfile, o.git.root),
      finalNewline: o.finalNewline,
    });
    const lineFile = join(o.dirs.histLines, historyLineFileName(names));
    files.push({ path: lineFile, content: line });
    result = { ...result, manifest: { file: manifestFile, pieces }, historyLine: { file: lineFile, line } };
  }
  return { files, result };
}
