import { RefRuleInvalidError } from "./errors.js";
import { splitAtFirstEquals } from "./fields.js";
import { parseCsvRecord } from "./parse-csv.js";
import type { RuleType, TagRule } from "./types.js";

/** Default priority of each rule type; rules are applied from the highest priority down. */
export const DEFAULT_PRIORITIES: Readonly<Record<RuleType, string>> = {
  schedule: "1000",
  semver: "900",
  pep440: "900",
  match: "800",
  edge: "700",
  ref: "600",
  raw: "200",
  sha: "100",
};

/** The rules metadata-action applies when the `tags` input is empty. */
export const DEFAULT_RULE_LINES: readonly string[] = ["type=schedule", "type=ref,event=branch", "type=ref,event=tag", "type=ref,event=pr"];

const RULE_TYPES = Object.keys(DEFAULT_PRIORITIES) as RuleType[];
const isRuleType = (value: string): value is RuleType => (RULE_TYPES as string[]).includes(value);

/**
 * Parse one tag rule line (one CSV record of `key=value` fields; a bare field is `value`) and fill in
 * its type's defaults. Throws RefRuleInvalidError for every error metadata-action reports.
 *
 * @example parseRule("type=sha,format=long").attrs // { format: "long", prefix: "sha-", enable: "true", priority: "100" }
 */
export function parseRule(line: string, preset?: string): TagRule {
  const record = parseCsvRecord(line);
  if (!record.ok) throw new RefRuleInvalidError(line, record.reason);

  const attrs = new Map<string, string>();
  let type: RuleType | undefined;
  for (const field of record.fields) {
    const { key, value } = splitAtFirstEquals(field);
    if (key === undefined) attrs.set("value", value);
    else if (key !== "type") attrs.set(key, value);
    else if (isRuleType(value)) type = value;
    else throw new RefRuleInvalidError(line, `unknown type ${JSON.stringify(value)} (expected one of ${RULE_TYPES.join(", ")})`, "type");
  }
  type ??= "raw";
  applyTypeDefaults(type, attrs, line);
  if (!attrs.has("enable")) attrs.set("enable", "true");
  if (!attrs.has("priority")) attrs.set("priority", DEFAULT_PRIORITIES[type]);
  // Object.fromEntries defines own properties, so a `__proto__=` field stays plain data.
  return { type, attrs: Object.fromEntries(attrs), line, preset };
}

function applyTypeDefaults(type: RuleType, attrs: Map<string, string>, line: string): void {
  const setDefault = (key: string, value: string): void => {
    if (!attrs.has(key)) attrs.set(key, value);
  };
  const requireAttr = (key: string): void => {
    if (!attrs.has(key)) throw new RefRuleInvalidError(line, `type=${type} needs a ${key} attribute`, key);
  };
  switch (type) {
    case "schedule":
      setDefault("pattern", "nightly");
      return;
    case "semver":
    case "pep440":
      requireAttr("pattern");
      setDefault("value", "");
      setDefault("match", "");
      return;
    case "match":
      requireAttr("pattern");
      setDefault("group", "0");
      if (Number.isNaN(Number(attrs.get("group")))) {
        throw new RefRuleInvalidError(line, `match group ${JSON.stringify(attrs.get("group"))} is not a number`, "group");
      }
      setDefault("value", "");
      return;
    case "edge":
      setDefault("branch", "");
      return;
    case "ref": {
      requireAttr("event");
      const event = attrs.get("event") ?? "";
      if (!["branch", "tag", "pr"].includes(event)) {
        throw new RefRuleInvalidError(line, `event ${JSON.stringify(event)} is not one of branch, tag, pr`, "event");
      }
      if (event === "pr") setDefault("prefix", "pr-");
      return;
    }
    case "raw":
      requireAttr("value");
      return;
    case "sha":
      setDefault("prefix", "sha-");
      setDefault("format", "short");
      if (!["short", "long"].includes(attrs.get("format") ?? "")) {
        throw new RefRuleInvalidError(line, `format ${JSON.stringify(attrs.get("format"))} is not short or long`, "format");
      }
      // imgs extension: length=N sets this rule's short sha length (docker-stacks uses 12).
      if (attrs.has("length") && !/^[1-9][0-9]*$/.test(attrs.get("length") ?? "")) {
        throw new RefRuleInvalidError(line, `length ${JSON.stringify(attrs.get("length"))} is not a positive integer`, "length");
      }
      return;
  }
}

/** A rule line and the preset it came from, if any. */
export interface RuleLine {
  readonly line: string;
  readonly preset?: string | undefined;
}

/**
 * Parse every line (all of them, so an error in a disabled rule still throws), or the default rules
 * when there are none, then sort by numeric priority, highest first, keeping input order on ties.
 */
export function parseRules(lines: readonly RuleLine[]): TagRule[] {
  const source: readonly RuleLine[] = lines.length > 0 ? lines : DEFAULT_RULE_LINES.map((line) => ({ line }));
  const rules = source.map(({ line, preset }) => parseRule(line, preset));
  // Same comparator as metadata-action, so non-numeric priorities order the same way too.
  return rules.sort((a, b) => {
    const pa = Number(a.attrs["priority"]);
    const pb = Number(b.attrs["priority"]);
    if (pa < pb) return 1;
    if (pa > pb) return -1;
    return 0;
  });
}
