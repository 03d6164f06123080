import { canonicalReference, formatReference, parseReference, type Reference } from "@imgs/reference";
import { formatPlatform, isAttestation, UnsupportedManifestError, type CallOptions, type Descriptor, type Platform, type RegistryClient } from "@imgs/registry";
import { ImageHasNoShaError, ImagePlatformMissingError } from "./errors.js";
import { shaOfConfig, shaPlaces, type ImageSha } from "./image-sha.js";

/** Options of readRegistryImageSha. */
export interface ReadRegistryImageShaOptions extends CallOptions {
  /** A tag or digest reference; canonical as the engine reads it (`docker.io`, `library/`, `latest`). */
  readonly reference: string | Reference;
  readonly client: RegistryClient;
  /** Variable to read first (default "SHA"). */
  readonly shaEnv?: string;
  /** The platform to read from an image index, e.g. { os: "linux", architecture: "arm64" }; a variant only when given. */
  readonly platform: Pick<Platform, "os" | "architecture" | "variant">;
  /** Refuse a single-platform image of another platform too (default false: it is read whatever its platform, as a tag is run). */
  readonly strictPlatform?: boolean;
}

/** One platform of an image index and the commit sha its config holds (undefined: none). */
export interface PlatformSha {
  /** "linux/arm64", as the index entry says. */
  readonly platform: string;
  /** Digest of that platform's image manifest. */
  readonly manifest: string;
  readonly sha: string | undefined;
}

/** A commit sha read from a registry image's config blob, and what was read to find it. */
export interface RegistryImageSha extends ImageSha {
  /** Registry host, e.g. "127.0.0.1:5000", and the URL spoken to, e.g. "http://127.0.0.1:5000". */
  readonly registry: string;
  readonly url: string;
  /** What the reference resolves to: an image index or a single image manifest (digest and media type). */
  readonly digest: string;
  readonly mediaType: string;
  readonly index: boolean;
  /** The platform whose config was read: the index entry's, else the config's own. */
  readonly platform: string;
  /** Digest of the image manifest read (the index entry's for an index, else `digest`). */
  readonly manifest: string;
  /** Digest of the config blob read. */
  readonly config: string;
  /** Every platform of an index (attestations left out), in index order; [] for a single image. */
  readonly platforms: readonly PlatformSha[];
}

const matches = (have: Platform | undefined, want: ReadRegistryImageShaOptions["platform"]): boolean =>
  have !== undefined && have.os === want.os && have.architecture === want.architecture && (want.variant === undefined || have.variant === want.variant);

/**
 * The commit sha baked into a registry image, from its config blob (the `shaEnv` variable, else the
 * `org.opencontainers.image.revision` label), without pulling: one HEAD or GET of the reference,
 * then per image the manifest and the config blob. For an image index, every platform's config is
 * read (so a caller can tell when a merged tag's platforms carry different shas) and `platform`'s is
 * returned; BuildKit attestation manifests are not platforms.
 *
 * @throws ImagePlatformMissingError when an index has no image of `platform` (or, with
 *   `strictPlatform`, a single image is of another); ImageHasNoShaError when that config holds no
 *   sha; @imgs/registry's RegistryNotFoundError, RegistryUnauthorizedError, RegistryRequestFailedError
 *   as the client throws them; UnsupportedManifestError for an index inside an index
 */
export async function readRegistryImageSha(options: ReadRegistryImageShaOptions): Promise<RegistryImageSha> {
  const shaEnv = options.shaEnv ?? "SHA";
  const call = options.signal ? { signal: options.signal } : {};
  const ref = canonicalReference(typeof options.reference === "string" ? parseReference(options.reference) : options.reference);
  const shown = typeof options.reference === "string" ? options.reference : formatReference(options.reference);
  const url = options.client.urlOf(ref.registry);
  const top = await options.client.getManifest(ref, call);
  const wanted = formatPlatform(options.platform);
  const configOf = async (manifestDigest: string, config: Descriptor) => {
    const blob = await options.client.getImageConfig(ref, config.digest, call);
    const found = shaOfConfig({ env: blob.config?.Env ?? [], labels: blob.config?.Labels ?? {} }, shaEnv);
    return { manifest: manifestDigest, config: config.digest, found, platform: formatPlatform(blob), fits: matches(blob, options.platform) };
  };
  const base = { registry: ref.registry, url, digest: top.digest, mediaType: top.mediaType };

  if (top.kind === "manifest") {
    const read = await configOf(top.digest, top.manifest.config);
    const where = `image ${top.digest} in the registry at ${url}`;
    if (options.strictPlatform && !read.fits) {
      throw new ImagePlatformMissingError(shown, wanted, where, [read.platform]);
    }
    if (read.found === undefined) throw new ImageHasNoShaError(shown, `the config blob ${read.config} of ${read.platform} ${where}`, shaPlaces(shaEnv));
    return { ...base, ...read.found, index: false, platform: read.platform, manifest: read.manifest, config: read.config, platforms: [] };
  }

  const images = top.index.manifests.filter((m) => !isAttestation(m) && m.platform !== undefined);
  const where = `image index ${top.digest} in the registry at ${url}`;
  const chosen = images.find((m) => matches(m.platform, options.platform));
  if (chosen === undefined) throw new ImagePlatformMissingError(shown, wanted, where, images.map((m) => formatPlatform(m.platform as Platform)));
  const reads = await Promise.all(
    images.map(async (entry) => {
      const image = await options.client.getManifest({ ...ref, tag: undefined, digest: entry.digest }, call);
      if (image.kind !== "manifest") throw new UnsupportedManifestError(`entry ${entry.digest} of ${where}`, image.mediaType);
      return { entry, read: await configOf(entry.digest, image.manifest.config) };
    }),
  );
  const mine = reads.find((r) => r.entry === chosen)?.read;
  const platform = formatPlatform(chosen.platform as Platform);
  if (mine?.found === undefined) throw new ImageHasNoShaError(shown, `the config blob ${mine?.config ?? "?"} of the ${platform} image of ${where}`, shaPlaces(shaEnv));
  return {
    ...base,
    ...mine.found,
    index: true,
    platform,
    manifest: mine.manifest,
    config: mine.config,
    platforms: reads.map(({ entry, read }) => ({ platform: formatPlatform(entry.platform as Platform), manifest: entry.digest, sha: read.found?.sha })),
  };
}
