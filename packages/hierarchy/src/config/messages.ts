import { suggest } from "../suggest.js";

/** "unknown tagger "pyton" (did you mean "python"?); known taggers: …" */
export function unknownName(kind: string, name: string, known: Iterable<string>): string {
  const list = [...known];
  const hint = suggest(name, list);
  return `unknown ${kind} "${name}"${hint ? ` (did you mean "${hint}"?)` : ""}; known ${kind}s: ${list.join(", ") || "none"}`;
}

/** Message for a key that is not part of the schema. */
export function unknownKey(key: string, known: ReadonlySet<string>): string {
  const hint = suggest(key, known);
  return `unknown key "${key}" is ignored${hint ? ` (did you mean "${hint}"?)` : ""}`;
}
