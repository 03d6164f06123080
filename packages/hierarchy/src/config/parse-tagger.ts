import { messageOf } from "@imgs/errors";
import { refsTagger, taggerFactories, type Tagger } from "@imgs/taggers";
import type { Catalog } from "./catalog.js";
import { describe, isRecord, stringList, type IssueList } from "./issues.js";
import { unknownName } from "./messages.js";

const FACTORY_KEYS = Object.keys(taggerFactories).join(", ");

/**
 * One entry of an image's `taggers` list, as a tagger; a problem goes to `issues` (and gives no
 * tagger), so every problem of a config is reported at once, before any container starts. An entry is:
 * - a built-in or plugin tagger's name: `"python"`;
 * - a named function (TS/JS configs; see defineTagger);
 * - metadata-action rules: `{ refs: [...], flavor?: [...] }`, checked here, not when they run;
 * - a parameterised tagger: `{ "pip-package": "numpy", prefix? }`, `{ "apt-package": "curl", prefix? }`,
 *   `{ command, pattern, template?, flags?, name?, timeoutMs? }`.
 */
export function parseTagger(raw: unknown, path: string, catalog: Catalog, issues: IssueList): Tagger[] {
  if (typeof raw === "string") {
    const tagger = catalog.taggers.get(raw);
    if (tagger) return [tagger];
    issues.error("UNKNOWN_TAGGER", path, unknownName("tagger", raw, catalog.taggers.keys()));
    return [];
  }
  if (typeof raw === "function") {
    if (raw.name) return [raw as Tagger];
    issues.error("ANONYMOUS_TAGGER", path, "a tagger function needs a name; wrap it with defineTagger(name, fn)");
    return [];
  }
  if (!isRecord(raw)) {
    issues.error("INVALID_TAGGER_SPEC", path, `expected a tagger name, a named function, { refs: [...] } or an object with one of the keys ${FACTORY_KEYS}; got ${describe(raw)}`);
    return [];
  }
  return "refs" in raw ? refsEntry(raw, path, issues) : factoryEntry(raw, path, issues);
}

function refsEntry(raw: Readonly<Record<string, unknown>>, path: string, issues: IssueList): Tagger[] {
  const tags = stringList(raw.refs);
  const flavor = raw.flavor === undefined ? [] : stringList(raw.flavor);
  if (!tags || !flavor) {
    issues.error("INVALID_TYPE", path, "refs and flavor must be strings or lists of strings (metadata-action lines)");
    return [];
  }
  const unknown = Object.keys(raw).filter((key) => key !== "refs" && key !== "flavor");
  if (unknown.length > 0) {
    issues.error("INVALID_TAGGER_SPEC", path, `unknown key(s) ${unknown.join(", ")} for "refs"; allowed: refs, flavor`);
    return [];
  }
  try {
    return [refsTagger({ tags, flavor })];
  } catch (error) {
    issues.error("INVALID_REF_RULE", path, messageOf(error));
    return [];
  }
}

function factoryEntry(spec: Readonly<Record<string, unknown>>, path: string, issues: IssueList): Tagger[] {
  const found = Object.values(taggerFactories).filter((f) => f.key in spec);
  const [factory] = found;
  if (!factory || found.length > 1) {
    const reason = found.length > 1 ? `use only one of the keys ${FACTORY_KEYS}` : `expected refs or one of the keys ${FACTORY_KEYS}`;
    issues.error("INVALID_TAGGER_SPEC", path, `${reason}; got keys ${Object.keys(spec).join(", ") || "(none)"}`);
    return [];
  }
  const unknown = Object.keys(spec).filter((k) => !factory.keys.includes(k));
  if (unknown.length > 0) {
    issues.error("INVALID_TAGGER_SPEC", path, `unknown key(s) ${unknown.join(", ")} for "${factory.key}"; allowed: ${factory.keys.join(", ")}`);
    return [];
  }
  const notString = ["name", "template", "prefix"].find((key) => spec[key] !== undefined && typeof spec[key] !== "string");
  if (notString) {
    issues.error("INVALID_TAGGER_SPEC", path, `${notString} must be a string`);
    return [];
  }
  try {
    return [factory.create(spec)];
  } catch (error) {
    // The factory names the value it refused; the path names the entry.
    issues.error("INVALID_TAGGER_SPEC", path, messageOf(error));
    return [];
  }
}
