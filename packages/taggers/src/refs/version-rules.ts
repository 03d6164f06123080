import { createRequire } from "node:module";
import type * as Pep440 from "@renovate/pep440";
import * as semver from "semver";
import { tagOf, type EffectiveContext } from "./context.js";
import { RefRuleInvalidError } from "./errors.js";
import { skipBecause, quoteForReason, valueOf, type RuleOutcome } from "./outcome.js";
import { isRawStatement, renderGlobal, renderTemplate } from "./templates.js";
import type { TagRule } from "./types.js";

// @renovate/pep440 is loaded on the first pep440 rule: its regular-expression engine takes ~50 ms to load.
const requireCjs = createRequire(import.meta.url);
let pep440Library: typeof Pep440 | undefined;
const pep440 = (): typeof Pep440 => (pep440Library ??= requireCjs("@renovate/pep440") as typeof Pep440);

/** The string a semver/pep440/match rule reads: its templated `value`, else the tag name on a tag ref. */
function versionSource(rule: TagRule, ctx: EffectiveContext): { source: string } | { skip: string } {
  const value = rule.attrs["value"] ?? "";
  if (value.length > 0) return { source: renderGlobal(value, ctx, { line: rule.line, attribute: "value" }) };
  const tag = tagOf(ctx.ref);
  return tag === undefined ? { skip: "not a tag ref (and no value attribute)" } : { source: tag };
}

function compile(rule: TagRule, attribute: string, body: string, flags?: string): RegExp {
  try {
    return new RegExp(body, flags);
  } catch (error) {
    const reason = `${attribute} is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`;
    throw new RefRuleInvalidError(rule.line, reason, attribute, error);
  }
}

/** Apply a semver/pep440 rule's `match` (capture group 1 wins), then turn `/` into `-`. */
function matchedSource(rule: TagRule, source: string): string {
  const match = rule.attrs["match"] ?? "";
  let picked = source;
  if (match.length > 0) {
    const found = compile(rule, "match", match).exec(source);
    if (found !== null) {
      if (found[1] === undefined) throw new RefRuleInvalidError(rule.line, `match ${JSON.stringify(match)} has no capture group 1`, "match");
      picked = found[1];
    }
  }
  return picked.replace(/\//g, "-");
}

/** `type=semver`: a SemVer 2.0 tag rendered through `pattern`; pre-releases always give the full version. */
export function semverOutcome(rule: TagRule, ctx: EffectiveContext): RuleOutcome {
  const from = versionSource(rule, ctx);
  if ("skip" in from) return skipBecause(from.skip);
  const raw = matchedSource(rule, from.source);
  const parsed = semver.valid(raw) === null ? null : semver.parse(raw, { loose: true });
  if (parsed === null) return skipBecause(`${quoteForReason(raw)} is not a valid semver`);
  const data = {
    raw: parsed.raw,
    version: parsed.version,
    major: parsed.major,
    minor: parsed.minor,
    patch: parsed.patch,
    prerelease: parsed.prerelease,
    build: parsed.build,
  };
  const pattern = rule.attrs["pattern"] ?? "";
  const origin = { line: rule.line, attribute: "pattern" };
  if (semver.prerelease(raw) !== null) {
    return valueOf(renderTemplate(isRawStatement(pattern) ? pattern : "{{version}}", data, origin), false, raw);
  }
  return valueOf(renderTemplate(pattern, data, origin), true, raw);
}

/**
 * `type=pep440`: a PEP 440 tag rendered through `pattern`; pre-, post- and dev-releases give the
 * cleaned version. The version is read, cleaned and split by @renovate/pep440, as metadata-action
 * does (src/meta.ts procPep440), so `1.0+local.01` cleans to the library's `1.0+local,1`.
 */
export function pep440Outcome(rule: TagRule, ctx: EffectiveContext): RuleOutcome {
  const from = versionSource(rule, ctx);
  if ("skip" in from) return skipBecause(from.skip);
  const raw = matchedSource(rule, from.source);
  const lib = pep440();
  const explained = lib.valid(raw) === null ? null : lib.explain(raw);
  if (explained === null) return skipBecause(`${quoteForReason(raw)} does not conform to PEP 440`);
  const cleaned = lib.clean(raw) ?? raw;
  const pattern = rule.attrs["pattern"] ?? "";
  // metadata-action returns these without rendering the pattern at all (so no HTML escaping either).
  if (explained.is_prerelease || explained.is_postrelease || explained.is_devrelease) return valueOf(isRawStatement(pattern) ? raw : cleaned, false);
  const data = { raw: () => raw, version: () => cleaned, major: () => lib.major(raw), minor: () => lib.minor(raw), patch: () => lib.patch(raw) };
  return valueOf(renderTemplate(pattern, data, { line: rule.line, attribute: "pattern" }), true);
}

/** `type=match`: the selected group of a regex match on the tag name (or templated value). */
export function matchOutcome(rule: TagRule, ctx: EffectiveContext): RuleOutcome {
  const from = versionSource(rule, ctx);
  if ("skip" in from) return skipBecause(from.skip);
  const pattern = rule.attrs["pattern"] ?? "";
  const literal = /^\/(.+)\/(.*)$/.exec(pattern);
  const regex = literal ? compile(rule, "pattern", literal[1] ?? "", literal[2]) : compile(rule, "pattern", pattern);
  const found = from.source.match(regex);
  if (found === null) return skipBecause(`pattern ${pattern} did not match ${quoteForReason(from.source)}`);
  const group = rule.attrs["group"] ?? "0";
  // Only canonical indexes select a group, as indexing the match array with the attribute string does.
  const picked = /^(0|[1-9][0-9]*)$/.test(group) ? found[Number(group)] : undefined;
  if (picked === undefined) return skipBecause(`group ${JSON.stringify(group)} of pattern ${pattern} matched nothing`);
  return valueOf(picked, true);
}
