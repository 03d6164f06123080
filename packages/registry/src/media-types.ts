// OCI image-spec and Docker image manifest v2 schema 2 objects, as far as imgs reads and writes them.

/** OCI image index (a multi-platform image). */
export const OCI_INDEX = "application/vnd.oci.image.index.v1+json";
/** Docker manifest list, the Docker media type of an image index. */
export const DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
/** OCI image manifest (one platform's image). */
export const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
/** Docker image manifest v2 schema 2, what the classic engine pushes. */
export const DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

/** Every media type an image index comes in. */
export const INDEX_MEDIA_TYPES: readonly string[] = [OCI_INDEX, DOCKER_MANIFEST_LIST];
/** Every media type a single-platform image manifest comes in. */
export const MANIFEST_MEDIA_TYPES: readonly string[] = [OCI_MANIFEST, DOCKER_MANIFEST];
/** The Accept header of manifest requests: without it a registry may convert to schema 1. */
export const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(", ");

/** An OCI platform: `linux/arm64` is { os: "linux", architecture: "arm64" }. */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  readonly "os.version"?: string;
}

/** A content descriptor: what a manifest or index points at. */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Platform;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly artifactType?: string;
}

/** A single-platform image manifest (OCI or Docker schema 2). */
export interface ImageManifest {
  readonly schemaVersion: 2;
  readonly mediaType?: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
  readonly subject?: Descriptor;
  readonly artifactType?: string;
}

/** An image index / manifest list: one manifest per platform, plus attestations. */
export interface ImageIndex {
  readonly schemaVersion: 2;
  readonly mediaType?: string;
  readonly manifests: readonly Descriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
}

/** What an image's config blob says about its platform, environment and labels (the rest is not read here). */
export interface ImageConfig {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  readonly "os.version"?: string;
  readonly config?: { readonly Env?: readonly string[] | null; readonly Labels?: Readonly<Record<string, string>> | null };
}

/** True for the media type of an image index (OCI or Docker). */
export const isIndexMediaType = (mediaType: string): boolean => INDEX_MEDIA_TYPES.includes(mediaType);

// BuildKit's marker of an attestation manifest inside an index (docs.docker.com/build/metadata/attestations).
const REFERENCE_TYPE = "vnd.docker.reference.type";
const ATTESTATION = "attestation-manifest";

/** True for a BuildKit attestation manifest's descriptor (platform unknown/unknown, attached to an image by digest). */
export const isAttestation = (descriptor: Descriptor): boolean => descriptor.annotations?.[REFERENCE_TYPE] === ATTESTATION;

/** `linux/arm64/v8` as the docker CLI writes a platform. */
export const formatPlatform = (p: Platform): string => [p.os, p.architecture, p.variant].filter(Boolean).join("/");
