import type { Tagger, TagContext, TagValues } from "../types.js";
import { InvalidTaggerSpecError } from "./errors.js";

/** The body of a tagger: reads the context, returns one tag value or several. */
export type TaggerFunction = (ctx: TagContext) => TagValues | Promise<TagValues>;

/**
 * Make a tagger named `name` (the name configs refer to it by). It only names `fn`: what `fn`
 * throws and returns is checked once, where taggers are run (`runTagger`), so a function from a
 * config that skips defineTagger is checked the same way.
 *
 * @throws InvalidTaggerSpecError for an empty name or a `fn` that is not a function
 * @example defineTagger("build-arch", ({ image }) => image.info.architecture)
 */
export function defineTagger(name: string, fn: TaggerFunction): Tagger {
  if (typeof name !== "string" || name.trim() === "" || name !== name.trim()) {
    throw new InvalidTaggerSpecError(name, "a tagger name must be a non-empty string without surrounding white space");
  }
  if (typeof fn !== "function") throw new InvalidTaggerSpecError(fn, `tagger "${name}" must be a function`);
  const tagger = (ctx: TagContext): TagValues | Promise<TagValues> => fn(ctx);
  // Configs and error messages refer to a tagger by its function name.
  Object.defineProperty(tagger, "name", { value: name });
  return tagger;
}
