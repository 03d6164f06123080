import { InvalidTaggerSpecError } from "./errors.js";

/** $$, $&, $1…$99 or $<name>: the references a command tagger's template may hold. */
const REFERENCE = /\$(?:(\$)|(&)|(\d{1,2})|<([A-Za-z_][A-Za-z0-9_]*)>)|\$/g;

/** Run `pattern|` on "": it always matches, so the result shows every group, numbered and named. */
function probe(pattern: RegExp): RegExpExecArray | null {
  return new RegExp(`${pattern.source}|`, pattern.flags.replace(/[gy]/g, "")).exec("");
}

/** How many capturing groups `pattern` has. */
export const groupCount = (pattern: RegExp): number => (probe(pattern)?.length ?? 1) - 1;

/** A template checked against its pattern, ready to fill from a match. */
export type CompiledTemplate = (match: RegExpExecArray) => string;

/**
 * Check `template` against the groups `pattern` has and return a function that fills it from a
 * match, with String.replace's syntax: `$1` a numbered group, `$<name>` a named one, `$&` the whole
 * match, `$$` a dollar. A group that did not take part in the match gives "".
 *
 * @example compileTemplate("jq-$<v>", /jq-(?<v>[\d.]+)/)
 */
export function compileTemplate(template: string, pattern: RegExp): CompiledTemplate {
  const groups = groupCount(pattern);
  const names = new Set(Object.keys(probe(pattern)?.groups ?? {}));
  for (const ref of template.matchAll(REFERENCE)) {
    const [text, , , number, name] = ref;
    if (text === "$") throw new InvalidTaggerSpecError(template, 'a lone "$" in a template must be written "$$"');
    if (number !== undefined && (Number(number) < 1 || Number(number) > groups)) {
      throw new InvalidTaggerSpecError(template, `the template refers to group ${text} but the pattern has ${groups} group(s)`);
    }
    if (name !== undefined && !names.has(name)) {
      throw new InvalidTaggerSpecError(template, `the template refers to group ${text} but the pattern has no group named "${name}"`);
    }
  }
  type Part = string | undefined;
  return (match) =>
    template.replace(REFERENCE, (_text, dollar: Part, whole: Part, number: Part, name: Part) => {
      if (dollar !== undefined) return "$";
      if (whole !== undefined) return match[0];
      if (number !== undefined) return match[Number(number)] ?? "";
      return match.groups?.[name ?? ""] ?? "";
    });
}
