import type { CallOptions, Fetched, RegistryClient } from "./client.js";
import { UnsupportedManifestError } from "./errors.js";
import { DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, isIndexMediaType, OCI_INDEX, type Descriptor, type ImageIndex, type Platform } from "./media-types.js";
import type { Reference } from "@imgs/reference";

/** An image index ready to put: its exact bytes, media type and parsed form. */
export interface BuiltIndex {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly index: ImageIndex;
}

const DOCKER_TYPES = new Set([DOCKER_MANIFEST, DOCKER_MANIFEST_LIST]);

/**
 * The descriptors a manifest or index contributes to a merged index: a single-platform manifest
 * becomes one descriptor whose platform comes from its config blob (os, architecture, variant,
 * os.version; one GET, skipped when `configs` already has it); an index (the containerd image
 * store's push, BuildKit attestations) contributes its own descriptors unchanged, so its platform
 * manifests are not nested and its attestation manifests stay attached to their images by digest.
 * Throws UnsupportedManifestError for an index nested in an index.
 */
export async function indexEntriesOf(
  client: RegistryClient,
  repository: Reference,
  fetched: Fetched,
  options: CallOptions & { readonly configs?: Map<string, Promise<Platform>> } = {},
): Promise<Descriptor[]> {
  if (fetched.kind === "index") {
    const nested = fetched.index.manifests.find((d) => isIndexMediaType(d.mediaType));
    if (nested) throw new UnsupportedManifestError(`index ${fetched.digest} holds another index (${nested.digest})`, nested.mediaType);
    return [...fetched.index.manifests];
  }
  const configDigest = fetched.manifest.config.digest;
  let platform = options.configs?.get(configDigest);
  if (platform === undefined) {
    platform = client.getImageConfig(repository, configDigest, options).then((config) => ({
      os: config.os,
      architecture: config.architecture,
      ...(config.variant ? { variant: config.variant } : {}),
      ...(config["os.version"] ? { "os.version": config["os.version"] } : {}),
    }));
    options.configs?.set(configDigest, platform);
  }
  return [{ mediaType: fetched.mediaType, digest: fetched.digest, size: fetched.size, platform: await platform }];
}

/**
 * An image index of these descriptors (the first of each digest kept, order kept), as `docker
 * buildx imagetools create` makes one: a Docker manifest list when every entry is a Docker media
 * type, else an OCI image index.
 */
export function buildImageIndex(descriptors: readonly Descriptor[]): BuiltIndex {
  const seen = new Set<string>();
  const manifests = descriptors.filter((d) => !seen.has(d.digest) && seen.add(d.digest));
  const mediaType = manifests.every((d) => DOCKER_TYPES.has(d.mediaType)) ? DOCKER_MANIFEST_LIST : OCI_INDEX;
  const index: ImageIndex = { schemaVersion: 2, mediaType, manifests };
  return { bytes: new TextEncoder().encode(JSON.stringify(index, null, 2)), mediaType, index };
}
