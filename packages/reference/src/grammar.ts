// The grammar of github.com/distribution/reference (reference.go's regular expressions), which the
// Docker engine and every OCI registry enforce. One owner: everything in imgs that checks a tag,
// an image name, an owner or a registry host asks this file.

/** A tag: a word character, then up to 127 of `[A-Za-z0-9_.-]` (distribution's `tag`). */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** The longest tag Docker accepts. */
export const MAX_TAG_LENGTH = 128;
/** One component of a repository path: lower-case alphanumerics joined by `.`, `_`, `__` or `-`s. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** A registry host: DNS labels joined by dots, or a bracketed IPv6 address; an optional port. */
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
/** A digest: `algorithm:encoded` (distribution's `digest`); sha256 must be 64 lower-case hex digits. */
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
/** The longest repository name (registry host included) Docker accepts. */
export const MAX_NAME_LENGTH = 255;

/**
 * Why `value` is not a Docker tag, or undefined when it is one.
 *
 * @example tagProblem("-rf") // 'it starts with "-"; it must start with a letter, digit or _'
 */
export function tagProblem(value: string): string | undefined {
  if (TAG_PATTERN.test(value)) return undefined;
  if (value === "") return "it is empty";
  if (value.length > MAX_TAG_LENGTH) return `it is ${value.length} characters long; at most ${MAX_TAG_LENGTH} are allowed`;
  if (!/^[A-Za-z0-9_]/.test(value)) return `it starts with ${JSON.stringify(value[0])}; it must start with a letter, digit or _`;
  const index = value.search(/[^A-Za-z0-9_.-]/);
  return `character ${JSON.stringify(value[index])} at index ${index} is not allowed (only A-Z a-z 0-9 _ . -)`;
}

/** True for a valid Docker tag. */
export const isTag = (value: string): boolean => TAG_PATTERN.test(value);

/** True for one repository path component, which is what an image name of a hierarchy is ("base-notebook"). */
export const isPathComponent = (value: string): boolean => PATH_COMPONENT.test(value);

/** True for a repository path: components joined by "/" ("jupyter", "acme/team"). */
export const isRepositoryPath = (value: string): boolean => value.split("/").every(isPathComponent);

/** True for a registry host with an optional port ("quay.io", "127.0.0.1:5000", "[::1]:5000"). */
export const isRegistryHost = (value: string): boolean => HOST.test(value);

/** True for a digest such as `sha256:` followed by 64 hex digits. */
export function isDigest(value: string): boolean {
  if (!DIGEST.test(value)) return false;
  return !value.startsWith("sha256:") || /^sha256:[a-f0-9]{64}$/.test(value);
}

/**
 * Docker's rule for the first part of a name: it is a registry host when it has a dot or a port,
 * is `localhost`, or has an upper-case letter (a path component cannot); else it is a path component.
 */
export const looksLikeHost = (part: string): boolean =>
  part.includes(".") || part.includes(":") || part === "localhost" || part !== part.toLowerCase();
