import { settleEach } from "@imgs/errors";
import pLimit from "p-limit";
import { canonicalReference, imageRepository, parseReference } from "@imgs/reference";
import { DEFAULT_RETRY, engineAuthConfig, withRetries } from "@imgs/registry";
import { inspectImage, PushFailedError, pushImage } from "@imgs/runner";
import type { CliDeps } from "../deps.js";
import { credentialsOf, withRunSignal, type RegistryAccessOptions } from "../registry/access.js";
import { TagPushFailedError } from "../registry/errors.js";
import { readPlatformTags, tagsDirOf } from "../registry/tags-files.js";
import { jobsOf, type RunOptions } from "./options.js";
import { resolveTarget } from "./resolve-target.js";

/** Options of pushImages. */
export interface PushOptions extends RunOptions, RegistryAccessOptions {
  readonly tagsDir?: string;
  /** Read and check the tags files, print what would be pushed, push nothing. */
  readonly dryRun?: boolean;
}

/** One tag pushed: the reference and the digest of the manifest the registry holds for it. */
export interface PushedTag {
  readonly reference: string;
  /** undefined in a dry run. */
  readonly digest: string | undefined;
}

/** What pushImages did for one image. */
export interface PushedImageResult {
  readonly image: string;
  readonly tagsFile: string;
  readonly tags: readonly PushedTag[];
}

/** The images whose tags all went up, and those that failed (the others still finished). */
export interface PushImagesResult {
  readonly images: readonly PushedImageResult[];
  readonly failures: ReadonlyArray<{ readonly image: string; readonly error: Error }>;
}

/**
 * Pushes every tag of each image's tags file (this platform and variant) through the engine, as
 * docker-stacks' workflow does with `docker push --all-tags` after apply_tags. Every tags file is
 * read and every line checked first (a bad line, or one of another repository, stops everything
 * with TagsFileError before anything is pushed).
 * Then, per image: every tag must exist locally (else ImageNotFoundError and nothing of that
 * image is pushed), and the tags go up one after another, so the layers they share are uploaded
 * once. At most `jobs` images (default the config's, else the CPU count) are pushed at once.
 * Transient failures are retried with backoff; a failed image does not stop the others.
 * Credentials are the docker CLI's, handed to the engine.
 */
export async function pushImages(options: PushOptions, deps: CliDeps): Promise<PushImagesResult> {
  options = withRunSignal(options, deps);
  const target = await resolveTarget(options, deps);
  const jobs = jobsOf(options.jobs, target.hierarchy.defaults.jobs, deps.cpus);
  const dir = tagsDirOf(options.tagsDir, target, deps);
  const plan = await Promise.all(
    target.images.map(async (image) => {
      // A line naming another repository is refused: a tags file must not push someone else's image.
      const found = await readPlatformTags(dir, { platform: target.platform, variant: target.variant, image, required: true, repository: imageRepository(target.hierarchy, image) });
      return { image, file: found?.file ?? "", tags: found?.tags ?? [] };
    }),
  );
  if (options.dryRun) {
    return { images: plan.map(({ image, file, tags }) => ({ image, tagsFile: file, tags: tags.map((reference) => ({ reference, digest: undefined })) })), failures: [] };
  }
  const docker = await deps.docker();
  const lookup = credentialsOf(deps);
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const say = (text: string): void => {
    if (!options.quiet) deps.stderr.write(`${text}\n`);
  };
  const pushOne = async ({ image, file, tags }: (typeof plan)[number]): Promise<PushedImageResult> => {
    // Every tag must be there before any goes up: an image is pushed whole or not at all.
    for (const reference of tags) await inspectImage(reference, { docker });
    const pushed: PushedTag[] = [];
    for (const reference of tags) {
      const registry = canonicalReference(parseReference(reference)).registry;
      const authconfig = engineAuthConfig(registry, await lookup(registry));
      let attempts = 0;
      try {
        const result = await withRetries(
          (n) => {
            attempts = n;
            return pushImage(reference, { docker, authconfig, ...(options.signal ? { signal: options.signal } : {}) });
          },
          policy,
          options.signal,
          (error) => error instanceof PushFailedError && error.transient,
        );
        pushed.push({ reference, digest: result.digest });
        say(`imgs: pushed ${reference} ${result.digest}`);
      } catch (error) {
        if (error instanceof PushFailedError) throw new TagPushFailedError(reference, attempts, error);
        throw error;
      }
    }
    return { image, tagsFile: file, tags: pushed };
  };
  const limit = pLimit(jobs);
  const { values, failures } = await settleEach(plan, (item) => limit(() => pushOne(item)));
  return { images: values.map((v) => v.value), failures: failures.map((f) => ({ image: f.item.image, error: f.error })) };
}
