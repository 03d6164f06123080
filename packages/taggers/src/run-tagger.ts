import { tagProblem } from "@imgs/reference";
import { InvalidTagError, TaggerFailedError } from "./container/errors.js";
import type { TagContext, Tagger } from "./types.js";

/** Options of runTagger. */
export interface RunTaggerOptions {
  /**
   * The tag prefix the values will carry (`x86_64`, `aarch64-cuda12`): each value is also checked
   * as the full tag `<prefix>-<value>`, since a value can be a valid tag alone and too long once
   * prefixed (Docker allows 128 characters).
   */
  readonly prefix?: string;
}

/**
 * Run a tagger and return its values, each a valid Docker tag. The one place where a tagger's
 * failure and result are checked (docker-stacks' taggers return a str; imgs' may return several):
 *
 * @throws TaggerFailedError wrapping whatever the tagger threw (a failed command, bad output, …)
 * @throws InvalidTagError when it returns something other than a string or a list of strings, or a
 *   value that is not a valid tag (alone, or with `prefix`)
 * @example await runTagger(pythonTagger, ctx, { prefix: "x86_64" }) // ["python-3.12.4"]
 */
export async function runTagger(tagger: Tagger, ctx: TagContext, options: RunTaggerOptions = {}): Promise<string[]> {
  let result: unknown;
  try {
    result = await tagger(ctx);
  } catch (error) {
    throw new TaggerFailedError(tagger.name, ctx.image.name, error);
  }
  const values = typeof result === "string" ? [result] : result;
  if (!Array.isArray(values) || !values.every((v): v is string => typeof v === "string")) {
    const got = Array.isArray(values) ? "a list holding something other than strings" : describeValue(result);
    throw new InvalidTagError(tagger.name, ctx.image.name, String(result), `the tagger returned ${got}, not a string or a list of strings`);
  }
  for (const value of values) {
    const problem = tagProblem(value);
    if (problem !== undefined) throw new InvalidTagError(tagger.name, ctx.image.name, value, problem);
    if (options.prefix === undefined) continue;
    const full = `${options.prefix}-${value}`;
    const fullProblem = tagProblem(full);
    if (fullProblem !== undefined) throw new InvalidTagError(tagger.name, ctx.image.name, full, fullProblem);
  }
  return values;
}

const describeValue = (value: unknown): string => (value === null ? "null" : typeof value === "object" ? "an object" : typeof value);
