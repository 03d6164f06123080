import { InvalidReferenceError } from "./errors/engine.js";

/** A repository and tag, as `docker tag` takes them. */
export interface RepositoryTag {
  /** e.g. "127.0.0.1:5000/jupyter/base-notebook". */
  readonly repository: string;
  /** e.g. "python-3.11.2"; "latest" when the reference has none. */
  readonly tag: string;
}

// The grammar of github.com/distribution/reference, which the engine enforces.
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$/;
const IPV6_DOMAIN = /^\[[0-9a-fA-F:.]+\](?::[0-9]+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const MAX_NAME_LENGTH = 255;

/** Docker takes the first part of a name as a registry host when it has a dot, a port, or is localhost. */
const isDomain = (part: string): boolean => part.includes(".") || part.includes(":") || part === "localhost" || part !== part.toLowerCase();

/**
 * Split "repository[:tag]" at the tag's colon, which is the last colon after the last slash, so
 * a registry port stays in the repository: "127.0.0.1:5000/a/b:t" is ("127.0.0.1:5000/a/b", "t").
 * Throws InvalidReferenceError for a digest, a bad tag, or a repository Docker would refuse.
 */
export function splitRepositoryTag(reference: string): RepositoryTag {
  if (reference.includes("@")) throw new InvalidReferenceError(reference, "a digest reference cannot name a tag");
  const slash = reference.lastIndexOf("/");
  const colon = reference.lastIndexOf(":");
  const [repository, tag] = colon > slash ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, "latest"];
  if (!TAG.test(tag)) {
    throw new InvalidReferenceError(reference, `tag ${JSON.stringify(tag)} must be 1-128 of [A-Za-z0-9_.-], not starting with . or -`);
  }
  if (repository.length === 0) throw new InvalidReferenceError(reference, "the repository name is empty");
  if (repository.length > MAX_NAME_LENGTH) {
    throw new InvalidReferenceError(reference, `the repository name is longer than ${MAX_NAME_LENGTH} characters`);
  }
  const parts = repository.split("/");
  const first = parts[0] ?? "";
  const path = parts.length > 1 && isDomain(first) ? parts.slice(1) : parts;
  if (path !== parts && !DOMAIN.test(first) && !IPV6_DOMAIN.test(first)) {
    throw new InvalidReferenceError(reference, `registry ${JSON.stringify(first)} is not a host name with an optional port`);
  }
  const bad = path.find((part) => !PATH_COMPONENT.test(part));
  if (bad !== undefined) {
    const rule = 'lowercase letters and digits, separated by ".", "_", "__" or "-"';
    throw new InvalidReferenceError(reference, `repository part ${JSON.stringify(bad)} must be ${rule}`);
  }
  return { repository, tag };
}
