import type { EffectiveContext } from "./context.js";
import { RefRuleInvalidError } from "./errors.js";
import { hasAttr } from "./fields.js";
import { ruleOutcome } from "./rule-values.js";
import { sanitizeTag } from "./sanitize.js";
import { renderGlobal } from "./templates.js";
import type { ExplainSkip, ExplainTag, Flavor, TagRule } from "./types.js";

/** A value that survived: sanitized, with the rule that made it. */
export interface SurvivingValue {
  readonly value: string;
  readonly rule: TagRule;
  readonly autoLatest: boolean;
  readonly semver: string | undefined;
}

/** The values the rules produced, in order, and a per-rule account for `explain`. */
export interface AppliedRules {
  readonly values: readonly SurvivingValue[];
  readonly explain: readonly (ExplainTag | ExplainSkip)[];
}

const attributesOf = (rule: TagRule): Record<string, string> => ({ type: rule.type, ...rule.attrs });

/** Prefix and suffix: the rule's own attribute when present (even empty), else the flavor's. */
function withAffixes(value: string, rule: TagRule, flavor: Flavor, ctx: EffectiveContext): string {
  const render = (template: string, attribute: string): string => renderGlobal(template, ctx, { line: rule.line, attribute });
  let out = value;
  if (hasAttr(rule.attrs, "prefix")) out = render(rule.attrs["prefix"] ?? "", "prefix") + out;
  else if (flavor.prefix.length > 0) out = render(flavor.prefix, "prefix") + out;
  if (hasAttr(rule.attrs, "suffix")) out += render(rule.attrs["suffix"] ?? "", "suffix");
  else if (flavor.suffix.length > 0) out += render(flavor.suffix, "suffix");
  return out;
}

/** Evaluate `enable`; it must render to exactly `true` or `false`. */
function isEnabled(rule: TagRule, ctx: EffectiveContext): boolean {
  const template = rule.attrs["enable"] ?? "true";
  const enabled = renderGlobal(template, ctx, { line: rule.line, attribute: "enable" });
  if (enabled !== "true" && enabled !== "false") {
    throw new RefRuleInvalidError(rule.line, `enable must render to true or false, got ${JSON.stringify(enabled)}`, "enable");
  }
  return enabled === "true";
}

/**
 * Run the sorted rules against the context as metadata-action does: skip disabled and inapplicable
 * rules, add prefix/suffix, drop empty values, sanitize. Every rule is accounted for in `explain`.
 */
export function applyRules(rules: readonly TagRule[], flavor: Flavor, ctx: EffectiveContext): AppliedRules {
  const values: SurvivingValue[] = [];
  const explain: (ExplainTag | ExplainSkip)[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const base = { rule: rule.line, preset: rule.preset, attributes: attributesOf(rule) };
    if (!isEnabled(rule, ctx)) {
      const how = rule.attrs["enable"] === "false" ? "" : ` (${rule.attrs["enable"]} rendered false)`;
      explain.push({ kind: "skip", ...base, reason: `disabled by enable=false${how}` });
      continue;
    }
    const outcome = ruleOutcome(rule, ctx);
    if (outcome.kind === "skip") {
      explain.push({ kind: "skip", ...base, reason: outcome.reason });
      continue;
    }
    const full = withAffixes(outcome.value, rule, flavor, ctx);
    if (full.length === 0) {
      explain.push({ kind: "skip", ...base, reason: "the value is empty (even after prefix/suffix)" });
      continue;
    }
    const value = sanitizeTag(full);
    const role = values.length === 0 ? "main" : seen.has(value) ? "duplicate" : "partial";
    seen.add(value);
    values.push({ value, rule, autoLatest: outcome.autoLatest, semver: outcome.semver });
    explain.push({ kind: "tag", ...base, value, role });
  }
  return { values, explain };
}
