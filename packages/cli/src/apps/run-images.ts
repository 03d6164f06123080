import { join, resolve } from "node:path";
import { fullImageName } from "@imgs/hierarchy";
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
import type { CliDeps } from "../deps.js";
import { writeFileAtomic } from "../files/write-atomic.js";
import { evaluateAll } from "../run/evaluate-all.js";
import type { ImageOutcome, ImageWork } from "../run/evaluate-image.js";
import type { OutputOptions, RunOptions } from "./options.js";
import { prepareRun, type PreparedRun } from "./prepare-run.js";

/** What an app produced for one image. */
export interface ImageResult {
  readonly image: string;
  /** R/O/I. */
  readonly fullImage: string;
  /** Full tags in tags-file order (`R/O/I:<prefix>-latest` first). */
  readonly tags: readonly string[];
  readonly manifest?: { readonly file: string; readonly pieces: readonly ManifestPiece[] };
  readonly historyLine?: { readonly file: string; readonly line: string };
  readonly tagsFile?: string;
}

/** Results of the images that worked, and the errors of those that failed. */
export interface RunImagesResult {
  readonly images: readonly ImageResult[];
  readonly failures: ReadonlyArray<{ readonly image: string; readonly error: Error }>;
}

/** Output folders: a flag is relative to the working directory, a config value to the config's folder. */
function outputDir(flag: string | undefined, fromConfig: string | undefined, fallback: string, cwd: string, configDir: string): string {
  if (flag !== undefined) return resolve(cwd, flag);
  return resolve(configDir, fromConfig ?? fallback);
}

/**
 * Evaluates images (one container each) and writes what `work` asks for: the tags file, the
 * manifest and the build history line, each written whole or not at all.
 */
export async function runImages(work: ImageWork, options: RunOptions & OutputOptions, deps: CliDeps): Promise<RunImagesResult> {
  const prepared = await prepareRun(options, deps, { requireRepository: work.manifest });
  const { hierarchy, configDir, run } = prepared;
  const dirs = {
    tags: outputDir(options.tagsDir, hierarchy.defaults.tagsDir, "out/tags", deps.cwd, configDir),
    manifests: outputDir(options.manifestsDir, hierarchy.defaults.manifestsDir, "out/manifests", deps.cwd, configDir),
    histLines: outputDir(options.histLinesDir, hierarchy.defaults.histLinesDir, "out/hist-lines", deps.cwd, configDir),
  };
  const results = new Map<string, ImageResult>();
  try {
    const { failures } = await evaluateAll(prepared.images, work, run, async (outcome) => {
      const result = await writeOutcome(outcome, work, prepared, dirs, options);
      results.set(outcome.image, result);
      return summary(result);
    });
    return { images: prepared.images.flatMap((i) => results.get(i) ?? []), failures };
  } finally {
    run.progress.close();
  }
}

async function writeOutcome(
  outcome: ImageOutcome,
  work: ImageWork,
  { hierarchy, platform, variant, prefix, run }: PreparedRun,
  dirs: { tags: string; manifests: string; histLines: string },
  options: OutputOptions,
): Promise<ImageResult> {
  const { image, values } = outcome;
  const fullImage = fullImageName(hierarchy, image);
  const names = { platform, variant, image, commit: run.git.commit };
  const tags = imageTags({ fullImage, prefix, values });
  let result: ImageResult = { image, fullImage, tags };
  if (work.tags) {
    const tagsFile = join(dirs.tags, tagsFileName(names));
    await writeFileAtomic(tagsFile, tagsFileContent(tags, options));
    result = { ...result, tagsFile };
  }
  if (work.manifest && outcome.pieces) {
    const manifestFile = join(dirs.manifests, manifestFileName(names));
    await writeFileAtomic(manifestFile, renderManifest({ image, commit: run.git.commit, pieces: outcome.pieces }));
    const line = historyLine({
      buildTimestamp: buildTimestamp(run.clock.now()),
      fullImage,
      image,
      prefix,
      values,
      commit: run.git.commit,
      repository: hierarchy.repository ?? "",
      manifestName: manifestBaseName(names),
      serverUrl: options.serverUrl,
      // docker-stacks links images/<image>/Dockerfile; a config that names the Dockerfile knows better.
      dockerfilePath: dockerfileInRepository(hierarchy.images[image]?.dockerfile, run.git.root),
      finalNewline: options.finalNewline,
    });
    const lineFile = join(dirs.histLines, historyLineFileName(names));
    await writeFileAtomic(lineFile, line);
    result = { ...result, manifest: { file: manifestFile, pieces: outcome.pieces }, historyLine: { file: lineFile, line } };
  }
  return result;
}

function summary(r: ImageResult): string {
  const parts = [r.tagsFile ? `${r.tags.length} tags` : "", r.manifest ? "manifest, history line" : ""].filter(Boolean);
  return parts.join(", ");
}
