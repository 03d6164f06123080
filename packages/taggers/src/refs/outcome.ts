/** What one rule yields before prefix, suffix and sanitizing: a value, or the reason it yields none. */
export type RuleOutcome =
  | {
      readonly kind: "value";
      readonly value: string;
      /** Whether this value makes `latest` true under `flavor latest=auto`. */
      readonly autoLatest: boolean;
      /** For semver rules: the version string that was validated, for the highest-semver check. */
      readonly semver?: string | undefined;
    }
  | { readonly kind: "skip"; readonly reason: string };

/** A value outcome. */
export const valueOf = (value: string, autoLatest: boolean, semver?: string): RuleOutcome => ({ kind: "value", value, autoLatest, semver });

/** A skip outcome with its reason. */
export const skipBecause = (reason: string): RuleOutcome => ({ kind: "skip", reason });

/** Quote a value for a reason message, shortening very long ones. */
export function quoteForReason(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return `'${shown}'`;
}
