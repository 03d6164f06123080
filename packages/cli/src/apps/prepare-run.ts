import { resolve } from "node:path";
import { readCiEnv, readGitSnapshot } from "@imgs/git-helper";
import type { RefRules } from "@imgs/hierarchy";
import { computeRefTags, refContextFrom } from "@imgs/taggers";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";
import { createLimiter } from "../run/limiter.js";
import { createProgress } from "../run/progress.js";
import { frozenClock, type RunContext } from "../run/run-context.js";
import { DEFAULT_TIMEOUT_SECONDS, jobsOf, type RunOptions } from "./options.js";
import { resolveTarget, type Target } from "./resolve-target.js";

/** A run ready to go: the target, plus git facts, limits and progress. */
export interface PreparedRun extends Target {
  readonly run: RunContext;
}

/** Resolves the target, reads git, and sets up the limits, the clock and progress of a run. */
export async function prepareRun(options: RunOptions, deps: CliDeps, needs: { requireRepository?: boolean } = {}): Promise<PreparedRun> {
  const target = await resolveTarget(options, deps);
  if (needs.requireRepository && !target.hierarchy.repository) {
    throw new UsageError("manifests link to the source repository: pass --repository OWNER/NAME or set `repository` in the config");
  }
  const jobs = jobsOf(options.jobs, target.hierarchy.defaults.jobs, deps.cpus);
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeout >= 0)) throw new UsageError(`--timeout must be a number of seconds (0 for none), got ${timeout}`);

  const git = await readGitSnapshot({ dir: resolve(deps.cwd, options.gitDir ?? target.configDir), env: deps.env });
  // One instant for the whole run, as docker-stacks' module-level BUILD_TIMESTAMP: the date tag,
  // the manifest and the history line all agree, across images too.
  const clock = frozenClock(deps.clock.now());
  const refContext = refContextFrom({ git, ci: readCiEnv(deps.env), now: clock.now().toISOString() });
  // Ref rules depend on git and CI only, so each set is computed once per run, not per image.
  const refCache = new Map<RefRules, Promise<readonly string[]>>();
  const refValues = (rules: RefRules): Promise<readonly string[]> => {
    let values = refCache.get(rules);
    if (!values) {
      values = computeRefTags({ images: [], tags: rules.tags, flavor: rules.flavor, context: refContext }).then((r) => r.tags);
      refCache.set(rules, values);
    }
    return values;
  };
  const run: RunContext = {
    hierarchy: target.hierarchy,
    prefix: target.prefix,
    git,
    clock,
    docker: deps.docker(),
    imageLimit: createLimiter(jobs),
    commandLimit: createLimiter(jobs),
    commandTimeoutMs: timeout === 0 ? undefined : timeout * 1000,
    refValues,
    progress: createProgress(deps.stderr, { quiet: options.quiet }),
    serverUrl: undefined,
  };
  return { ...target, run };
}
