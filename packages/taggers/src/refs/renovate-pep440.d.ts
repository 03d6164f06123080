// Types of the parts of @renovate/pep440 (1.x, untyped CommonJS) that the pep440 rule calls.
declare module "@renovate/pep440" {
  /** What `explain` says of a valid version. */
  export interface ExplainedVersion {
    readonly is_prerelease: boolean;
    readonly is_postrelease: boolean;
    readonly is_devrelease: boolean;
  }
  /** The version itself when it conforms to PEP 440, else null. */
  export function valid(version: string): string | null;
  /** The normalised form (as the library prints it: a local part's pieces joined with commas). */
  export function clean(version: string): string | null;
  /** null when the version does not conform. */
  export function explain(version: string): ExplainedVersion | null;
  export function major(version: string): number;
  export function minor(version: string): number;
  export function patch(version: string): number;
}
