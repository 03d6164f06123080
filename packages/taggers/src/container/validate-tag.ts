import { InvalidTagError } from "./errors.js";

/** Docker's tag grammar (distribution/reference): a word character first, then up to 127 of [\w.-]. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Who made a tag value, for the error message. */
export interface TagOrigin {
  readonly tagger: string;
  readonly image: string;
}

/** Why `value` is not a Docker tag, or undefined when it is one. */
export function tagProblem(value: string): string | undefined {
  if (TAG_PATTERN.test(value)) return undefined;
  if (value === "") return "it is empty";
  if (value.length > 128) return `it is ${value.length} characters long; at most 128 are allowed`;
  if (!/^[A-Za-z0-9_]/.test(value)) return `it starts with ${JSON.stringify(value[0])}; it must start with a letter, digit or _`;
  const index = value.search(/[^A-Za-z0-9_.-]/);
  return `character ${JSON.stringify(value[index])} at index ${index} is not allowed (only A-Z a-z 0-9 _ . -)`;
}

/**
 * Return `value` when it is a valid Docker tag; otherwise throw InvalidTagError naming the tagger,
 * the image and the value.
 *
 * @example validateTag("python-3.12.4", { tagger: "python", image: "base-notebook" })
 */
export function validateTag(value: string, origin: TagOrigin): string {
  const problem = tagProblem(value);
  if (problem !== undefined) throw new InvalidTagError(origin.tagger, origin.image, value, problem);
  return value;
}
