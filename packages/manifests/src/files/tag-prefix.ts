/** The variant whose tags carry no variant in their prefix (docker-stacks' DEFAULT_VARIANT). */
export const DEFAULT_VARIANT = "default";

/** Platform and variant of a build: what tag and file prefixes are made of. */
export interface PrefixOptions {
  /** "x86_64" or "aarch64" ("arm64" is accepted and unified to "aarch64"). */
  readonly platform: string;
  /** "default", or a variant such as "cuda12". */
  readonly variant: string;
}

/**
 * docker-stacks' unify_aarch64: a Mac's "arm64" is the same platform as "aarch64". Given `uname -m`
 * (Node's `os.machine()`), this is docker-stacks' get_platform.
 */
export const unifyPlatform = (platform: string): string => (platform === "arm64" ? "aarch64" : platform);

/** OCI platforms (image index entries, `docker --platform`) by docker-stacks' tag prefix platform. */
const OCI_PLATFORMS: Readonly<Record<string, { readonly os: string; readonly architecture: string; readonly variant?: string }>> = {
  x86_64: { os: "linux", architecture: "amd64" },
  aarch64: { os: "linux", architecture: "arm64" },
};

/**
 * The OCI platform of a tag prefix platform: `x86_64` → `linux/amd64`, `aarch64` (or `arm64`) →
 * `linux/arm64`; undefined for a platform docker-stacks does not build. The one mapping between
 * the two words (DESIGN: "tag prefix platform" vs "platform").
 */
export const ociPlatformOf = (prefixPlatform: string): { readonly os: string; readonly architecture: string } | undefined =>
  OCI_PLATFORMS[unifyPlatform(prefixPlatform)];

/** The tag prefix platform of an OCI architecture (`amd64` → `x86_64`, `arm64` → `aarch64`); undefined for others. */
export const prefixPlatformOf = (architecture: string): string | undefined =>
  Object.entries(OCI_PLATFORMS).find(([, platform]) => platform.architecture === architecture)?.[0];

/**
 * The prefix of every tag of a build: `P` for the default variant, else `P-V`.
 *
 * @example tagPrefix({ platform: "x86_64", variant: "default" }) // "x86_64"
 */
export function tagPrefix({ platform, variant }: PrefixOptions): string {
  const p = unifyPlatform(platform);
  return variant === DEFAULT_VARIANT ? p : `${p}-${variant}`;
}

/**
 * The prefix of every file name of a build: always `P-V`, the default variant included.
 *
 * @example filePrefix({ platform: "aarch64", variant: "default" }) // "aarch64-default"
 */
export function filePrefix({ platform, variant }: PrefixOptions): string {
  return `${unifyPlatform(platform)}-${variant}`;
}

/**
 * Every tag prefix platform, in docker-stacks' order (get_platform's ALL_PLATFORMS): merge reads
 * the tags files of each, and this order decides which merged tag comes first.
 */
export const ALL_PLATFORMS: readonly string[] = ["aarch64", "x86_64"];
