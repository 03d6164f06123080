// Test support only (not exported from the package): a fixed RefContext and shortcuts around computeRefTagsSync.
import { computeRefTagsSync, type ComputeRefTagsOptions } from "./compute.js";
import type { RefContext } from "./context.js";
import type { RefTagsResult } from "./types.js";

/** A 40-character commit sha whose short form is `a3c1f9e`. */
export const SHA = "a3c1f9e27d5b48c0e6f1a2b3c4d5e6f708192a3b";
/** Another sha, used as a PR head. */
export const HEAD_SHA = "ffee0011223344556677889900aabbccddeeff00";

/** A push to `main` (the default branch) at fixed instants; `overrides` replace fields. */
export function makeContext(overrides: Partial<RefContext> = {}): RefContext {
  return {
    eventName: "push",
    ref: "refs/heads/main",
    sha: SHA,
    defaultBranch: "main",
    baseRef: null,
    prNumber: null,
    prHeadSha: null,
    usePrHeadSha: false,
    commitDate: "2024-03-05T14:07:09Z",
    now: "2024-03-06T23:30:00.000Z",
    repo: { name: "widget", description: "A widget", htmlUrl: "https://example.test/acme/widget", license: "Apache-2.0" },
    ...overrides,
  };
}

/** Options for run(): the compute options without the context, plus context overrides. */
export type RunOptions = Omit<ComputeRefTagsOptions, "context"> & { readonly ctx?: Partial<RefContext> };

/** computeRefTagsSync on makeContext(ctx). */
export function run(options: RunOptions = {}): RefTagsResult {
  const { ctx, ...rest } = options;
  return computeRefTagsSync({ ...rest, context: makeContext(ctx) });
}

/** The bare tags (no image) that `rules` give in a context. */
export function tagsFor(rules: readonly string[], ctx: Partial<RefContext> = {}, flavor: readonly string[] = []): readonly string[] {
  return run({ tags: rules, ctx, flavor }).tags;
}
