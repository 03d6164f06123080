import { branchOf, pullOf, tagOf, type EffectiveContext } from "./context.js";
import { skipBecause, valueOf, type RuleOutcome } from "./outcome.js";
import { dateOnlyData, renderGlobal, renderTemplate, shortSha } from "./templates.js";
import type { TagRule } from "./types.js";
import { matchOutcome, pep440Outcome, semverOutcome } from "./version-rules.js";

function scheduleOutcome(rule: TagRule, ctx: EffectiveContext): RuleOutcome {
  if (!ctx.eventName.includes("schedule")) return skipBecause(`not a schedule event (event is ${JSON.stringify(ctx.eventName)})`);
  // Only the date helpers exist in a schedule pattern; {{branch}} and friends render empty.
  return valueOf(renderTemplate(rule.attrs["pattern"] ?? "", dateOnlyData(ctx), { line: rule.line, attribute: "pattern" }), false);
}

function edgeOutcome(rule: TagRule, ctx: EffectiveContext): RuleOutcome {
  const branch = branchOf(ctx.ref);
  if (branch === undefined) return skipBecause("not a branch ref");
  const wanted = (rule.attrs["branch"] ?? "") || ctx.defaultBranch;
  if (branch !== wanted) return skipBecause(`branch '${branch}' is not the edge branch '${wanted}'`);
  return valueOf("edge", false);
}

function refOutcome(rule: TagRule, ctx: EffectiveContext): RuleOutcome {
  switch (rule.attrs["event"]) {
    case "branch": {
      const branch = branchOf(ctx.ref);
      return branch === undefined ? skipBecause("not a branch ref") : valueOf(branch, false);
    }
    case "tag": {
      const tag = tagOf(ctx.ref);
      return tag === undefined ? skipBecause("not a tag ref") : valueOf(tag, true);
    }
    default: {
      const pull = pullOf(ctx.ref);
      return pull === undefined ? skipBecause("not a pull request ref") : valueOf(pull, false);
    }
  }
}

function shaOutcome(rule: TagRule, ctx: EffectiveContext): RuleOutcome {
  if (!ctx.sha) return skipBecause("no commit sha in the context");
  if (rule.attrs["format"] === "long") return valueOf(ctx.sha, false);
  const length = rule.attrs["length"];
  return valueOf(shortSha(ctx.sha, length === undefined ? ctx.shortShaLength() : Number(length)), false);
}

/**
 * The value a rule yields for this context before prefix, suffix and sanitizing, with its
 * auto-latest flag; or why the rule does not apply. Throws for errors metadata-action throws.
 */
export function ruleOutcome(rule: TagRule, ctx: EffectiveContext): RuleOutcome {
  switch (rule.type) {
    case "schedule":
      return scheduleOutcome(rule, ctx);
    case "semver":
      return semverOutcome(rule, ctx);
    case "pep440":
      return pep440Outcome(rule, ctx);
    case "match":
      return matchOutcome(rule, ctx);
    case "edge":
      return edgeOutcome(rule, ctx);
    case "ref":
      return refOutcome(rule, ctx);
    case "raw":
      return valueOf(renderGlobal(rule.attrs["value"] ?? "", ctx, { line: rule.line, attribute: "value" }), false);
    case "sha":
      return shaOutcome(rule, ctx);
  }
}
