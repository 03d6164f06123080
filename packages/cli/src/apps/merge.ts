import { resolve } from "node:path";
import { commitTag } from "@imgs/git-helper";
import { ociPlatformOf, TagsFileError } from "@imgs/manifests";
import {
  buildImageIndex,
  formatPlatform,
  indexEntriesOf,
  isAttestation,
  RegistryNotFoundError,
  RegistryRequestFailedError,
  RegistryUnauthorizedError,
  type BuiltIndex,
  type Descriptor,
  type Fetched,
  type Platform,
  type RegistryClient,
} from "@imgs/registry";
import { imageRepository, parseReference } from "@imgs/reference";
import type { CliDeps } from "../deps.js";
import { registryClientOf, withRunSignal, type RegistryAccessOptions } from "../registry/access.js";
import { MergeRefusedError } from "../registry/errors.js";
import { mergedTags, platformTagOf, readAllPlatformTags, tagsDirOf, type PlatformTags } from "../registry/tags-files.js";
import type { RunOptions } from "./options.js";
import { readCommandGit } from "./git-env.js";
import { resolveTarget } from "./resolve-target.js";

/** Options of mergeTags. */
export interface MergeOptions extends RunOptions, RegistryAccessOptions {
  readonly tagsDir?: string;
  /** Push the indexes; otherwise a dry run (docker-stacks' PUSH_TO_REGISTRY). */
  readonly push?: boolean;
}

/** What merge did, or would do, for one merged tag. */
export interface MergedTag {
  /** e.g. "127.0.0.1:5000/acme/base:latest". */
  readonly tag: string;
  /** The platform tags found in the registry, e.g. ["…:aarch64-latest", "…:x86_64-latest"]. */
  readonly platformTags: readonly string[];
  /** OCI platforms of the index, e.g. ["linux/arm64", "linux/amd64"] (attestations not counted). */
  readonly platforms: readonly string[];
  /** Digest of the pushed index; undefined in a dry run or when skipped. */
  readonly digest: string | undefined;
  /** Why nothing was (or would be) merged, for a skipped tag. */
  readonly skipped: string | undefined;
}

/** mergeTags' result, per image in hierarchy order. */
export interface MergeResult {
  readonly pushed: boolean;
  readonly images: ReadonlyArray<{ readonly image: string; readonly tags: readonly MergedTag[] }>;
}

interface Planned {
  readonly image: string;
  readonly tag: string;
  readonly platformTags: string[];
  readonly index: BuiltIndex | undefined;
  readonly skipped: string | undefined;
}

/**
 * docker-stacks' merge_tags for each image: read every platform's tags file of the variant, strip
 * the platform prefix, and for each merged tag build one image index from the platform tags the
 * registry has (platforms from each image's config; an index contributes its manifests and
 * attestations). A dry run (the default) pushes nothing, skips commit-sha tags and only warns
 * about missing platforms. With `push`, every merged tag of every image is planned first and any
 * platform whose tags file lists the tag but the registry lacks (or whose config says another
 * platform) refuses the whole merge with MergeRefusedError, before anything is written.
 */
export async function mergeTags(options: MergeOptions, deps: CliDeps): Promise<MergeResult> {
  options = withRunSignal(options, deps);
  const target = await resolveTarget(options, deps);
  const dir = tagsDirOf(options.tagsDir, target, deps);
  const push = options.push ?? false;
  const files = await Promise.all(
    target.images.map(async (image) => {
      const found = await readAllPlatformTags(dir, { variant: target.variant, image, repository: imageRepository(target.hierarchy, image) });
      if (found.length === 0) throw new TagsFileError(resolve(dir, `{aarch64,x86_64}-${target.variant}-${image}.txt`), "no platform's tags file exists for this image and variant");
      return { image, found };
    }),
  );
  // Commit-sha tags are only pushed from the default branch, so a dry run does not look for them.
  const shaTag = push ? undefined : commitTag(await readCommandGit(options.gitDir, deps));
  const client = registryClientOf(deps, options);
  const planner = new Planner(client, push, options, (text) => deps.stderr.write(`imgs: warning: ${text}\n`));
  const planned: Planned[] = [];
  for (const { image, found } of files) {
    for (const [tag, platforms] of mergedTags(found)) {
      if (shaTag !== undefined && tag.endsWith(shaTag)) planned.push({ image, tag, platformTags: [], index: undefined, skipped: "a commit-sha tag, not pushed in a dry run" });
      else planned.push(await planner.plan(image, tag, platforms, found));
    }
  }
  if (planner.problems.length > 0) throw new MergeRefusedError(planner.problems);
  const results = new Map<string, MergedTag[]>(target.images.map((image) => [image, []]));
  for (const p of planned) {
    const digest = push && p.index ? await client.putManifest(p.tag, p.index.bytes, p.index.mediaType, options) : undefined;
    if (digest !== undefined && !options.quiet) deps.stderr.write(`imgs: merged ${p.tag} ${digest}\n`);
    const platforms = (p.index?.index.manifests ?? []).filter((m) => !isAttestation(m) && m.platform).map((m) => formatPlatform(m.platform as Platform));
    results.get(p.image)?.push({ tag: p.tag, platformTags: p.platformTags, platforms, digest, skipped: p.skipped });
  }
  return { pushed: push, images: [...results].map(([image, tags]) => ({ image, tags })) };
}

/** Looks up platform tags, keeping every manifest and config it read, and collects what refuses a push. */
class Planner {
  readonly problems: string[] = [];
  private readonly manifests = new Map<string, Promise<Fetched>>();
  private readonly configs = new Map<string, Promise<Platform>>();

  constructor(
    private readonly client: RegistryClient,
    private readonly push: boolean,
    private readonly options: RegistryAccessOptions,
    private readonly warn: (text: string) => void,
  ) {}

  async plan(image: string, tag: string, platforms: ReadonlySet<string>, files: readonly PlatformTags[]): Promise<Planned> {
    const platformTags: string[] = [];
    const entries: Descriptor[] = [];
    for (const platform of [...platforms].sort()) {
      const platformTag = platformTagOf(tag, platform);
      const file = files.find((f) => f.platform === platform)?.file ?? "";
      const found = await this.lookUp(platformTag, platform, file, tag);
      if (found === undefined) continue;
      platformTags.push(platformTag);
      entries.push(...found);
    }
    if (entries.length === 0) {
      if (this.push) this.problems.push(`no platform tag of ${tag} is in the registry; cannot make an index of nothing`);
      return { image, tag, platformTags, index: undefined, skipped: "no platform tag is in the registry" };
    }
    return { image, tag, platformTags, index: buildImageIndex(entries), skipped: undefined };
  }

  /** The index entries of one platform tag, or undefined (with a warning, or a problem when pushing). */
  private async lookUp(platformTag: string, platform: string, file: string, merged: string): Promise<Descriptor[] | undefined> {
    const ref = parseReference(platformTag);
    const refuse = (text: string): undefined => {
      if (this.push) this.problems.push(text);
      else this.warn(text);
      return undefined;
    };
    try {
      const { digest } = await this.client.resolve(ref, this.options);
      let fetched = this.manifests.get(digest);
      if (fetched === undefined) this.manifests.set(digest, (fetched = this.client.getManifest({ ...ref, tag: undefined, digest }, this.options)));
      const entries = await indexEntriesOf(this.client, ref, await fetched, { ...this.options, configs: this.configs });
      const expected = ociPlatformOf(platform);
      const wrong = entries.find((e) => !isAttestation(e) && e.platform && expected && (e.platform.os !== expected.os || e.platform.architecture !== expected.architecture));
      if (wrong?.platform && expected) {
        return refuse(`${platformTag} is ${formatPlatform(wrong.platform)} by its image config, but its tag prefix ${platform} means ${formatPlatform(expected)}; not merging ${merged}`);
      }
      return entries;
    } catch (error) {
      if (error instanceof RegistryNotFoundError) {
        return refuse(`tag ${platformTag} is declared in the tags file ${file} but is not in the registry; merging ${merged} would silently drop platform ${platform}`);
      }
      if (error instanceof RegistryUnauthorizedError) throw error;
      if (error instanceof RegistryRequestFailedError) return refuse(`cannot inspect ${platformTag} (${error.message}); not merging ${merged} to avoid an incomplete index`);
      throw error;
    }
  }
}
