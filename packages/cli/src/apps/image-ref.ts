import { settleEach } from "@imgs/errors";
import { TagsFileError } from "@imgs/manifests";
import { imageRepository } from "@imgs/reference";
import { RegistryNotFoundError } from "@imgs/registry";
import type { CliDeps } from "../deps.js";
import { registryClientOf, withRunSignal, type RegistryAccessOptions } from "../registry/access.js";
import { ImageRefUnavailableError } from "../registry/errors.js";
import { mergedTags, readAllPlatformTags, readPlatformTags, tagsDirOf } from "../registry/tags-files.js";
import type { RunOptions } from "./options.js";
import { resolveTarget } from "./resolve-target.js";

/** Options of imageRefs. */
export interface ImageRefOptions extends RunOptions, RegistryAccessOptions {
  readonly tagsDir?: string;
  /** Pushing is expected (docker-stacks' PUSH_TO_REGISTRY): a tag missing from the registry is an error, not a warning. */
  readonly push?: boolean;
}

/** The reference to sign for one image. */
export interface ImageRef {
  readonly image: string;
  /** The tag looked up: the platform's first tag, or the first merged tag. */
  readonly tag: string;
  /** `repository@sha256:…`; undefined when the tag is not in the registry and pushing is not expected. */
  readonly ref: string | undefined;
}

/**
 * docker-stacks' calculate_image_ref for each image: the tag to sign is the first line of the
 * platform's tags file when `platform` is given, else the first merged tag (platform prefix
 * removed, platforms in docker-stacks' order); its digest comes from the registry (one HEAD) and
 * the result is `repository@digest`. All tags of an image share the digest, so any tag would do.
 * A tag the registry says it does not have (404: the image may be new and not pushed yet) is a
 * warning on stderr and no reference, or ImageRefUnavailableError when `push`. Every other failure
 * (5xx or 429 after the retries, no answer, DNS, 401/403) fails the image with
 * ImageRefUnavailableError whose cause names registry, repository, tag and status: a reference to
 * sign must not go missing silently because the registry was down.
 */
export async function imageRefs(options: ImageRefOptions, deps: CliDeps): Promise<{ refs: ImageRef[]; failures: Array<{ image: string; error: Error }> }> {
  options = withRunSignal(options, deps);
  const target = await resolveTarget(options, deps);
  const dir = tagsDirOf(options.tagsDir, target, deps);
  const tags = await Promise.all(
    target.images.map(async (image) => {
      if (options.platform !== undefined) {
        const found = await readPlatformTags(dir, { platform: options.platform, variant: target.variant, image, required: true, repository: imageRepository(target.hierarchy, image) });
        return { image, tag: found?.tags[0] ?? "" };
      }
      const first = mergedTags(await readAllPlatformTags(dir, { variant: target.variant, image, repository: imageRepository(target.hierarchy, image) })).keys().next();
      if (first.done) throw new TagsFileError(`${dir}/{aarch64,x86_64}-${target.variant}-${image}.txt`, "no platform's tags file exists for this image and variant");
      return { image, tag: first.value };
    }),
  );
  const client = registryClientOf(deps, options);
  const { values, failures } = await settleEach(tags, async ({ image, tag }): Promise<ImageRef> => {
    try {
      const { digest } = await client.resolve(tag, options);
      return { image, tag, ref: `${tag.slice(0, tag.lastIndexOf(":"))}@${digest}` };
    } catch (error) {
      // Only a missing tag is expected: the image may be new and nothing pushed yet.
      if (options.push || !(error instanceof RegistryNotFoundError)) throw new ImageRefUnavailableError(tag, error);
      deps.stderr.write(`imgs: warning: failed to calculate the digest of ${tag}: ${(error as Error).message}\n`);
      return { image, tag, ref: undefined };
    }
  });
  return { refs: values.map((v) => v.value), failures: failures.map((f) => ({ image: f.item.image, error: f.error })) };
}
