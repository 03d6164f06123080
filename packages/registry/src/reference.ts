// How the registry client addresses a reference: @imgs/reference's grammar (the one owner), made
// canonical as the engine resolves it (a registry named, Docker Hub's library/ path, `latest`
// when neither tag nor digest is given).
import { canonicalReference, InvalidReferenceError, parseReference, repositoryOf, type Reference } from "@imgs/reference";

/** A reference with its registry always named. */
export type Located = ReturnType<typeof canonicalReference>;

/** Parse (when text) and make canonical; InvalidReferenceError (usage) for text Docker would refuse. */
export const locate = (ref: string | Reference): Located => canonicalReference(typeof ref === "string" ? parseReference(ref) : ref);

/** `registry/path[:tag][@digest]`, for messages. */
export const describeReference = (ref: Located): string =>
  `${repositoryOf(ref)}${ref.tag === undefined ? "" : `:${ref.tag}`}${ref.digest === undefined ? "" : `@${ref.digest}`}`;

/** What the distribution API puts in a URL for this reference: the digest when there is one, else the tag. */
export function referencePart(ref: Located): string {
  const part = ref.digest ?? ref.tag;
  if (part === undefined) throw new InvalidReferenceError(describeReference(ref), "it names neither a tag nor a digest");
  return part;
}
