import { InvalidReferenceError } from "./errors.js";
import { isDigest, isPathComponent, isRegistryHost, looksLikeHost, MAX_NAME_LENGTH, tagProblem } from "./grammar.js";

/** The registry Docker assumes when a reference names none. */
export const DEFAULT_REGISTRY = "docker.io";

/**
 * A parsed reference, `[registry/]path[:tag][@digest]`, exactly as written: nothing is added (no
 * `docker.io`, no `library/`, no `latest`); see `canonicalReference` for that.
 */
export interface Reference {
  /** Registry host and port, e.g. "127.0.0.1:5000"; undefined when the reference names none. */
  readonly registry: string | undefined;
  /** Repository path inside the registry, e.g. "jupyter/base-notebook". */
  readonly path: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/**
 * Parse a reference with distribution/reference's grammar. Throws InvalidReferenceError naming the
 * part at fault.
 *
 * @example parseReference("127.0.0.1:5000/a/b:t") // { registry: "127.0.0.1:5000", path: "a/b", tag: "t", digest: undefined }
 */
export function parseReference(text: string): Reference {
  const at = text.indexOf("@");
  const digest = at >= 0 ? text.slice(at + 1) : undefined;
  const named = at >= 0 ? text.slice(0, at) : text;
  if (digest !== undefined && !isDigest(digest)) throw new InvalidReferenceError(text, `digest ${JSON.stringify(digest)} is not algorithm:hex`);
  // The tag's colon is the last colon after the last slash, so a registry port stays in the name.
  const slash = named.lastIndexOf("/");
  const colon = named.lastIndexOf(":");
  const [name, tag] = colon > slash ? [named.slice(0, colon), named.slice(colon + 1)] : [named, undefined];
  if (tag !== undefined) {
    const problem = tagProblem(tag);
    if (problem) throw new InvalidReferenceError(text, `tag ${JSON.stringify(tag)} is not a valid tag: ${problem}`);
  }
  if (name === "") throw new InvalidReferenceError(text, "the repository name is empty");
  if (name.length > MAX_NAME_LENGTH) throw new InvalidReferenceError(text, `the repository name is longer than ${MAX_NAME_LENGTH} characters`);
  const parts = name.split("/");
  const first = parts[0] ?? "";
  const hasHost = parts.length > 1 && looksLikeHost(first);
  if (hasHost && !isRegistryHost(first)) {
    throw new InvalidReferenceError(text, `registry ${JSON.stringify(first)} is not a host name with an optional port`);
  }
  const path = hasHost ? parts.slice(1) : parts;
  const bad = path.find((part) => !isPathComponent(part));
  if (bad !== undefined) {
    const rule = 'lower-case letters and digits, separated by ".", "_", "__" or "-"';
    throw new InvalidReferenceError(text, `repository part ${JSON.stringify(bad)} must be ${rule}`);
  }
  return { registry: hasHost ? first : undefined, path: path.join("/"), tag, digest };
}

/** The reference as text, `[registry/]path[:tag][@digest]`. */
export const formatReference = (ref: Reference): string =>
  `${repositoryOf(ref)}${ref.tag === undefined ? "" : `:${ref.tag}`}${ref.digest === undefined ? "" : `@${ref.digest}`}`;

/** The repository part of a reference, `[registry/]path`: the reference without tag or digest. */
export const repositoryOf = (ref: Pick<Reference, "registry" | "path">): string =>
  ref.registry === undefined ? ref.path : `${ref.registry}/${ref.path}`;

/**
 * The reference as the engine and registries resolve it: `docker.io` when no registry is named,
 * `library/` before a one-part Docker Hub path, and `latest` when neither tag nor digest is given.
 *
 * @example canonicalReference(parseReference("busybox")) // { registry: "docker.io", path: "library/busybox", tag: "latest", … }
 */
export function canonicalReference(ref: Reference): Reference & { readonly registry: string } {
  const registry = ref.registry ?? DEFAULT_REGISTRY;
  const path = registry === DEFAULT_REGISTRY && !ref.path.includes("/") ? `library/${ref.path}` : ref.path;
  const tag = ref.tag ?? (ref.digest === undefined ? "latest" : undefined);
  return { registry, path, tag, digest: ref.digest };
}

/**
 * The repository of an image of a hierarchy, `R/O/I` (docker-stacks' `full_image()`), with empty
 * registry or owner left out.
 *
 * @example imageRepository({ registry: "quay.io", owner: "jupyter" }, "base-notebook") // "quay.io/jupyter/base-notebook"
 */
export const imageRepository = (where: { readonly registry: string; readonly owner: string }, image: string): string =>
  [where.registry, where.owner, image].filter(Boolean).join("/");
