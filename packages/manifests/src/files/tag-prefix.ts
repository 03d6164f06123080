import { machine } from "node:os";

/** The variant whose tags carry no variant in their prefix (docker-stacks' DEFAULT_VARIANT). */
export const DEFAULT_VARIANT = "default";

/** Platform and variant of a build: what tag and file prefixes are made of. */
export interface PrefixOptions {
  /** "x86_64" or "aarch64" ("arm64" is accepted and unified to "aarch64"). */
  readonly platform: string;
  /** "default", or a variant such as "cuda12". */
  readonly variant: string;
}

/** docker-stacks' unify_aarch64: a Mac's "arm64" is the same platform as "aarch64". */
export const unifyPlatform = (platform: string): string => (platform === "arm64" ? "aarch64" : platform);

/** The platform of this machine as docker-stacks' get_platform names it (uname -m, arm64 unified). */
export const hostPlatform = (uname: string = machine()): string => unifyPlatform(uname);

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
