import Handlebars from "handlebars";
import type { HelperOptions } from "handlebars";
import { messageOf } from "@imgs/errors";
import { branchOf, pullOf, tagOf, type EffectiveContext } from "./context.js";
import { formatDate } from "./date-format.js";
import { RefTemplateInvalidError } from "./errors.js";

// A private environment: helpers other code registers on the global Handlebars never leak in.
const handlebars = Handlebars.create();

/** Where a template came from, for error messages. */
export interface TemplateOrigin {
  readonly line?: string | undefined;
  readonly attribute?: string | undefined;
}

/** Template data: names to values or functions, as metadata-action hands them to Handlebars. */
export type TemplateData = Readonly<Record<string, unknown>>;

/**
 * Render a Handlebars template (non-strict: unknown names render empty, `{{x}}` is HTML-escaped).
 * Syntax errors and helper failures become RefTemplateInvalidError.
 */
export function renderTemplate(template: string, data: TemplateData, origin: TemplateOrigin = {}): string {
  // A prototype-less copy: `{{constructor}}` renders empty instead of reaching Object.prototype.
  const scope: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, data);
  try {
    return handlebars.compile(template)(scope);
  } catch (error) {
    throw new RefTemplateInvalidError(template, messageOf(error), origin.line, origin.attribute, error);
  }
}

/** True when the pattern is exactly one `{{raw}}` mustache (whitespace inside the braces allowed). */
export function isRawStatement(pattern: string): boolean {
  try {
    const { body } = handlebars.parseWithoutProcessing(pattern);
    const [only] = body;
    if (body.length !== 1 || only?.type !== "MustacheStatement") return false;
    const { path } = only as hbs.AST.MustacheStatement;
    return path.type === "PathExpression" && (path as hbs.AST.PathExpression).parts.join("\u0000") === "raw";
  } catch {
    return false;
  }
}

/** The first `length` characters of a sha (the whole sha when it is not longer), as metadata-action cuts it. */
export function shortSha(sha: string, length: number): string {
  return length >= sha.length ? sha : sha.substring(0, length);
}

/** A `{{date 'FMT' tz='Zone'}}`-style helper over a fixed instant. */
export function dateHelper(epochMs: number): (format: unknown, options?: HelperOptions) => string {
  return (format, options) => {
    // Handlebars passes only the options object when the helper has no argument.
    if (options === undefined) throw new Error("a date helper needs a format argument, e.g. {{date 'YYYYMMDD'}}");
    let zone = "UTC";
    for (const [key, value] of Object.entries(options.hash as Record<string, unknown>)) {
      if (key !== "tz") throw new Error(`unknown ${key} attribute of a date helper (only tz is allowed)`);
      if (typeof value !== "string" || value.length === 0) throw new Error("tz needs a time zone name, e.g. tz='Europe/Paris'");
      zone = value;
    }
    if (format && typeof format !== "string") throw new Error(`a date format must be a quoted string, not ${JSON.stringify(format)}`);
    return formatDate(epochMs, typeof format === "string" ? format : undefined, zone);
  };
}

/** `{{is_default_branch}}`: the branch is the default one, or the event only ever runs on it. */
export function isDefaultBranch(ctx: EffectiveContext): boolean {
  // Non-branch refs keep their full ref here, so they never equal the default branch.
  const name = ctx.ref.replace(/^refs\/heads\//, "");
  if (name.length === 0) return false;
  if (name === ctx.defaultBranch) return true;
  return /create|discussion|issues|schedule/.test(ctx.eventName);
}

/** The global expressions available in values, enable, prefix, suffix and labels. */
export function globalData(ctx: EffectiveContext): TemplateData {
  return {
    branch: () => branchOf(ctx.ref) ?? "",
    tag: () => tagOf(ctx.ref) ?? "",
    sha: () => shortSha(ctx.sha, ctx.shortShaLength()),
    base_ref: () =>
      (tagOf(ctx.ref) !== undefined || pullOf(ctx.ref) !== undefined) && ctx.baseRef ? ctx.baseRef.replace(/^refs\/heads\//, "") : "",
    is_default_branch: () => String(isDefaultBranch(ctx)),
    is_not_default_branch: () => String(!isDefaultBranch(ctx)),
    date: dateHelper(ctx.nowMs),
    commit_date: dateHelper(ctx.commitMs),
  };
}

/** Only the date helpers: what a `type=schedule` pattern can use. */
export function dateOnlyData(ctx: EffectiveContext): TemplateData {
  return { date: dateHelper(ctx.nowMs), commit_date: dateHelper(ctx.commitMs) };
}

/** Render a template with the global expressions. */
export function renderGlobal(template: string, ctx: EffectiveContext, origin: TemplateOrigin = {}): string {
  return renderTemplate(template, globalData(ctx), origin);
}
