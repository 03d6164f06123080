import { resolve } from "node:path";
import { evaluateImages, type EvaluationEvent } from "@imgs/evaluate";
import { messageOf } from "@imgs/errors";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";
import { writeFilesAtomic } from "../files/write-files.js";
import { createProgress } from "../run/progress.js";
import { cacheCounter, execCacheOf } from "./exec-cache.js";
import { renderImageFiles, type ImageFilesOptions, type ImageResult } from "./image-files.js";
import { jobsOf, refContextOf, repositoryOf, serverUrlOf, timeoutMsOf, type OutputOptions, type RunOptions } from "./options.js";
import { resolveTarget } from "./resolve-target.js";
import { readRunFacts } from "./run-facts.js";

export type { ImageResult } from "./image-files.js";

/** Which files an app writes: the tags file, and/or the build manifest with the history line. */
export interface ImageWork {
  readonly tags: boolean;
  readonly manifest: boolean;
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
 * `imgs tag`, `manifest` and `hook`: evaluates the images (one container each, @imgs/evaluate) and
 * writes what `work` asks for — tags file, build manifest, history line — each image's files
 * whole or not at all, as soon as the image is done. Every usage problem is found before any
 * container starts.
 */
export async function runImages(work: ImageWork, options: RunOptions & OutputOptions, deps: CliDeps): Promise<RunImagesResult> {
  const { hierarchy, configDir, images, platform, variant, prefix } = await resolveTarget(options, deps);
  const repository = repositoryOf(options.repository) ?? hierarchy.repository;
  if (work.manifest && !repository) {
    throw new UsageError("manifests link to the source repository: pass --repository OWNER/NAME or set `repository` in the config");
  }
  const serverUrl = serverUrlOf(options.serverUrl);
  const jobs = jobsOf(options.jobs, hierarchy.defaults.jobs, deps.cpus);
  const timeoutMs = timeoutMsOf(options.timeout);
  const facts = await readRunFacts({ gitDir: options.gitDir, source: refContextOf(options.refContext) ?? hierarchy.defaults.refContext }, deps);
  const files: Omit<ImageFilesOptions, "dockerfile"> = {
    dirs: {
      tags: outputDir(options.tagsDir, hierarchy.defaults.tagsDir, "out/tags", deps.cwd, configDir),
      manifests: outputDir(options.manifestsDir, hierarchy.defaults.manifestsDir, "out/manifests", deps.cwd, configDir),
      histLines: outputDir(options.histLinesDir, hierarchy.defaults.histLinesDir, "out/hist-lines", deps.cwd, configDir),
    },
    platform,
    variant,
    prefix,
    git: facts.git,
    now: facts.now,
    tags: work.tags,
    repository,
    serverUrl,
    finalNewline: options.finalNewline,
  };
  const progress = createProgress(deps.stderr, { quiet: options.quiet });
  const results = new Map<string, ImageResult>();
  const writeFailures: Array<{ image: string; error: Error }> = [];
  const writes: Array<Promise<void>> = [];
  // Files are written as each image finishes, so an interrupted run keeps the images already done.
  const cached = cacheCounter();
  const onEvent = (event: EvaluationEvent): void => {
    if (event.type === "step") progress.step(event.image, event.step);
    else if (event.type === "exec") cached.count(event.image, event.cached);
    else if (event.type === "failed") progress.fail(event.image, event.error);
    else {
      const write = async (): Promise<void> => {
        const { files: content, result } = renderImageFiles(event.evaluation, { ...files, dockerfile: hierarchy.images[event.image]?.dockerfile });
        await writeFilesAtomic(content);
        results.set(event.image, result);
        progress.done(event.image, [summary(result), cached.summary(event.image)].filter(Boolean).join(", "));
      };
      writes.push(
        write().catch((error: unknown) => {
          const failure = error instanceof Error ? error : new Error(messageOf(error));
          writeFailures.push({ image: event.image, error: failure });
          progress.fail(event.image, failure);
        }),
      );
    }
  };
  try {
    const docker = await deps.docker();
    const evaluated = await evaluateImages(images, {
      hierarchy,
      docker,
      git: facts.git,
      refs: facts.refs,
      now: facts.now,
      prefix,
      manifests: work.manifest,
      build: { repository, serverUrl },
      jobs,
      timeoutMs,
      signal: deps.signal,
      onEvent,
      container: deps.containers,
      execCache: await execCacheOf(options, deps, docker, work),
    });
    await Promise.all(writes);
    const failures = [...evaluated.failures, ...writeFailures];
    return { images: images.flatMap((i) => results.get(i) ?? []), failures: images.flatMap((i) => failures.filter((f) => f.image === i)) };
  } finally {
    progress.close();
  }
}

function summary(r: ImageResult): string {
  const parts = [r.tagsFile ? `${r.tags.length} tags` : "", r.manifest ? "manifest, history line" : ""].filter(Boolean);
  return parts.join(", ");
}
