import type { Tagger } from "../types.js";
import { builtinTaggers, taggerFactories } from "./builtin-taggers.js";
import type { CommandTaggerOptions } from "./command-tagger.js";
import { InvalidTaggerSpecError } from "./errors.js";

/**
 * How a config names a tagger:
 * - a built-in's name: `"python"`;
 * - `{ "pip-package": "numpy", "prefix"?: "np" }` or `{ "apt-package": "curl", "prefix"?: "curl" }`;
 * - `{ "command": "jq --version", "pattern": "^jq-(\\S+)", "template"?: "jq-$1", "flags"?, "name"?, "timeoutMs"? }`;
 * - in a JS/TS config, a tagger itself (a named function, see defineTagger).
 */
export type TaggerSpec =
  | string
  | Tagger
  | { readonly "pip-package": string; readonly prefix?: string }
  | { readonly "apt-package": string; readonly prefix?: string }
  | CommandTaggerOptions;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Turn one config entry (see TaggerSpec) into a tagger; throws InvalidTaggerSpecError saying what is wrong. */
export function taggerFromSpec(spec: unknown): Tagger {
  if (typeof spec === "function") {
    if (!spec.name) throw new InvalidTaggerSpecError(spec, "a tagger function needs a name; make it with defineTagger(name, fn)");
    return spec as Tagger;
  }
  if (typeof spec === "string") {
    // hasOwn, so "toString" and friends are not mistaken for taggers.
    const tagger = Object.hasOwn(builtinTaggers, spec) ? builtinTaggers[spec] : undefined;
    if (!tagger) throw new InvalidTaggerSpecError(spec, `no built-in tagger has this name; known: ${Object.keys(builtinTaggers).join(", ")}`);
    return tagger;
  }
  const keys = Object.keys(taggerFactories).join(", ");
  if (!isRecord(spec)) throw new InvalidTaggerSpecError(spec, `expected a built-in tagger name or an object with one of the keys ${keys}`);
  const found = Object.values(taggerFactories).filter((f) => f.key in spec);
  const [factory] = found;
  if (!factory || found.length > 1) {
    throw new InvalidTaggerSpecError(spec, found.length > 1 ? `use only one of the keys ${keys}` : `expected one of the keys ${keys}`);
  }
  const unknown = Object.keys(spec).filter((k) => !factory.keys.includes(k));
  if (unknown.length > 0) {
    throw new InvalidTaggerSpecError(spec, `unknown key(s) ${unknown.join(", ")} for "${factory.key}"; allowed: ${factory.keys.join(", ")}`);
  }
  for (const key of ["name", "template", "prefix"]) {
    if (spec[key] !== undefined && typeof spec[key] !== "string") throw new InvalidTaggerSpecError(spec, `${key} must be a string`);
  }
  try {
    return factory.create(spec);
  } catch (error) {
    // Name the whole config entry, not just the value the factory refused.
    if (error instanceof InvalidTaggerSpecError) throw new InvalidTaggerSpecError(spec, error.reason);
    throw error;
  }
}
