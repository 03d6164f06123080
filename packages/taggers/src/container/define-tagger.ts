import type { TagContext, Tagger } from "../types.js";
import { InvalidTagError, InvalidTaggerSpecError, TaggerFailedError } from "./errors.js";
import { validateTag } from "./validate-tag.js";

/** The body of a tagger: reads the context, returns the tag value. */
export type TaggerFunction = (ctx: TagContext) => string | Promise<string>;

/**
 * Make a tagger named `name` (the name configs refer to it by). The tagger wraps whatever `fn`
 * throws in TaggerFailedError (tagger, image, cause) and checks the value it returns with
 * validateTag, so a bad tag is caught where it is made, naming tagger, image and value.
 *
 * @example defineTagger("build-arch", ({ image }) => image.info.architecture)
 */
export function defineTagger(name: string, fn: TaggerFunction): Tagger {
  if (typeof name !== "string" || name.trim() === "" || name !== name.trim()) {
    throw new InvalidTaggerSpecError(name, "a tagger name must be a non-empty string without surrounding white space");
  }
  if (typeof fn !== "function") throw new InvalidTaggerSpecError(fn, `tagger "${name}" must be a function`);
  const tagger = async (ctx: TagContext): Promise<string> => {
    let value: unknown;
    try {
      value = await fn(ctx);
    } catch (error) {
      // A tagger that calls another defined tagger must not wrap its error twice.
      if (error instanceof TaggerFailedError || error instanceof InvalidTagError) throw error;
      throw new TaggerFailedError(name, ctx.image.name, error);
    }
    // Plain-JS taggers from config files are not type-checked, so check at run time too.
    if (typeof value !== "string") {
      throw new InvalidTagError(name, ctx.image.name, String(value), `the tagger returned ${typeof value}, not a string`);
    }
    return validateTag(value, { tagger: name, image: ctx.image.name });
  };
  // Configs and error messages refer to a tagger by its function name.
  Object.defineProperty(tagger, "name", { value: name });
  return tagger;
}
