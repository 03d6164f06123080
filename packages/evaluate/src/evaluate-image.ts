import { imageRef, manifestsFor, taggersFor, type Hierarchy } from "@imgs/hierarchy";
import { buildInfoManifest, runManifest, type Manifest, type ManifestPiece } from "@imgs/manifests";
import { imageRepository } from "@imgs/reference";
import { cachedSession, explainDisposal, inspectImage, startContainer, withExecCache, type ContainerSession } from "@imgs/runner";
import { runTagger, type TagContext, type Tagger } from "@imgs/taggers";
import type { LimitFunction } from "p-limit";
import { EvaluationAbortedError } from "./errors.js";
import { idleWatchdog, type IdleWatchdog } from "./idle-watchdog.js";
import { limitedSession } from "./limited-session.js";
import type { EvaluateOptions, ImageEvaluation, TagValue } from "./types.js";

/** What evaluateImage shares with the other images of a run. */
export interface RunShared {
  /** Bounds the commands of every image of the run together. */
  readonly commandLimit: LimitFunction;
}

/**
 * Evaluates one image in ONE container: its taggers and manifests (its ancestors' first) run
 * concurrently there, and a command asked twice (by two taggers, or a tagger and a manifest) runs
 * once. The container is removed whatever happens. docker-stacks does the same work in two
 * containers per image (write_tags_file, then write_manifest), each tagger and manifest in turn.
 *
 * @throws ImageNotFoundError when the image is not in the engine, TaggerFailedError,
 *   InvalidTagError, ManifestFailedError, EngineUnreachableError, EvaluationAbortedError
 */
export async function evaluateImage(image: string, options: EvaluateOptions, shared: RunShared): Promise<ImageEvaluation> {
  const { hierarchy, docker, signal, timeoutMs } = options;
  const emit = (step: string): void => options.onEvent?.({ type: "step", image, step });
  try {
    signal?.throwIfAborted();
    const ref = imageRef(hierarchy, image);
    const fullImage = imageRepository(hierarchy, image);
    emit("inspecting image");
    const info = await inspectImage(ref, { docker });
    signal?.throwIfAborted();
    const open = (): Promise<ContainerSession> => {
      emit("starting container");
      return startContainer({ ...options.container, image: ref, docker });
    };
    const cache = options.execCache;
    // With the exec cache, the container starts on the first command whose result is not stored.
    await using container = cache
      ? cachedSession({
          open,
          image: ref,
          imageId: info.id,
          engine: cache.engine,
          store: cache.store,
          onExec: ({ command, cached }) => options.onEvent?.({ type: "exec", image, command, cached }),
        })
      : await open();
    // Bounds JavaScript that never settles; commands are bounded by their own timeout.
    const watchdog = timeoutMs === undefined ? undefined : idleWatchdog(timeoutMs);
    const abort = signal === undefined ? undefined : whenAborted(signal);
    const session = limitedSession(container, { limit: shared.commandLimit, timeoutMs, signal });
    const ctx: TagContext = {
      container: withExecCache(watchdog ? watched(session, watchdog) : session),
      git: options.git,
      refs: options.refs,
      now: options.now,
      image: { name: image, ref, info },
      build: { fullImage, repository: options.build?.repository, serverUrl: options.build?.serverUrl },
    };
    emit(options.manifests ? "running taggers and manifests" : "running taggers");
    try {
      const prefetch = !options.manifests && cache?.prefetchManifests === true;
      const bounds: Bounds = { watchdog, stopped: abort?.stopped };
      const [tags, pieces] = await Promise.all([
        // The history line lists the tag values, so manifests need the taggers too.
        tagValues(taggersFor(hierarchy.images, image), ctx, options.prefix, bounds),
        options.manifests ? manifestPieces(manifestList(hierarchy, image), ctx, bounds) : undefined,
        // Only to store the manifests' results for the manifest run that follows; it reports their failures.
        prefetch ? manifestPieces(manifestList(hierarchy, image), ctx, bounds).catch(() => undefined) : undefined,
      ]);
      return { image, fullImage, ref, info, tags, pieces };
    } finally {
      watchdog?.stop();
      abort?.release();
    }
  } catch (caught) {
    // A container that could not be removed after a failure comes as a bare SuppressedError.
    const error = explainDisposal(caught);
    if (signal?.aborted) throw new EvaluationAbortedError(image, error);
    throw error;
  }
}

/** What ends a tagger or manifest that has not settled: the idle watchdog (--timeout) and the run's stop. */
interface Bounds {
  readonly watchdog: IdleWatchdog | undefined;
  /** Rejects with the abort reason once the run stops; never settles otherwise. */
  readonly stopped: Promise<never> | undefined;
}

/** Every tagger's values, in hierarchy order; a value two taggers give is kept once, where it came first. */
async function tagValues(taggers: readonly Tagger[], ctx: TagContext, prefix: string, bounds: Bounds): Promise<TagValue[]> {
  const results = await Promise.all(taggers.map((tagger) => runTagger(bounded(tagger, `tagger "${tagger.name}"`, bounds), ctx, { prefix })));
  const seen = new Set<string>();
  return results.flatMap((values, i) =>
    values.filter((value) => !seen.has(value) && seen.add(value)).map((value) => ({ value, tagger: taggers[i]?.name ?? "?" })),
  );
}

function manifestPieces(manifests: readonly Manifest[], ctx: TagContext, bounds: Bounds): Promise<ManifestPiece[]> {
  return Promise.all(manifests.map((manifest) => runManifest(bounded(manifest, `manifest "${manifest.name}"`, bounds), ctx)));
}

/**
 * A tagger or manifest that fails once its image has been idle for the run's time limit (see
 * idleWatchdog), or at once when the run stops: JavaScript that never settles must not hold a
 * stopping run (its container is gone by then anyway).
 */
function bounded<F extends Tagger | Manifest>(fn: F, what: string, { watchdog, stopped }: Bounds): F {
  if (watchdog === undefined && stopped === undefined) return fn;
  const run = (ctx: TagContext) => {
    const work = Promise.resolve().then(() => fn(ctx));
    const watched = watchdog === undefined ? work : watchdog.bound(work, what);
    return stopped === undefined ? watched : Promise.race([watched, stopped]);
  };
  return Object.defineProperty(run, "name", { value: fn.name }) as unknown as F;
}

/** A promise that rejects with the signal's reason when it aborts, and a function that stops listening. */
function whenAborted(signal: AbortSignal): { stopped: Promise<never>; release(): void } {
  let onAbort = (): void => undefined;
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  // Raced by every tagger; handled here too, for an image whose taggers all settled first.
  stopped.catch(() => undefined);
  return { stopped, release: () => signal.removeEventListener("abort", onAbort) };
}

/** A session whose commands count as the image's activity, running or waiting for a slot. */
function watched(session: ContainerSession, watchdog: IdleWatchdog): ContainerSession {
  return {
    // Read through, not copied: a cached session's id is known only once its container started.
    get id() {
      return session.id;
    },
    image: session.image,
    exec: (command, options) => watchdog.track(session.exec(command, options)),
    close: () => session.close(),
    [Symbol.asyncDispose]: () => session.close(),
  };
}

/** build-info heads every manifest, as docker-stacks' header does; a config listing it too does not repeat it. */
function manifestList(hierarchy: Hierarchy, image: string): Manifest[] {
  return [buildInfoManifest, ...manifestsFor(hierarchy.images, image).filter((m) => m.name !== buildInfoManifest.name)];
}
