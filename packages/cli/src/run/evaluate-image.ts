import { buildInfoManifest, ManifestFailedError, type Manifest, type ManifestContext, type ManifestPiece } from "@imgs/manifests";
import { entryLabel, fullImageName, imageRef, isRefRules, manifestsFor, taggersFor, type TaggerEntry } from "@imgs/hierarchy";
import { inspectImage, startContainer, withExecCache, type ImageInfo } from "@imgs/runner";
import { InvalidTagError, TaggerFailedError, tagProblem, validateTag, type TagContext, type Tagger } from "@imgs/taggers";
import { limitedSession } from "./limited-session.js";
import type { RunContext } from "./run-context.js";

/** What to compute for an image. */
export interface ImageWork {
  readonly tags: boolean;
  readonly manifest: boolean;
}

/** What one image's evaluation produced. */
export interface ImageOutcome {
  readonly image: string;
  /** Tag values in hierarchy order (container taggers and ref rules), without prefix. */
  readonly values: readonly string[];
  /** Manifest pieces, build info first; undefined when no manifest was asked for. */
  readonly pieces: readonly ManifestPiece[] | undefined;
  readonly info: ImageInfo;
}

/**
 * Evaluates one image in ONE container: its taggers and manifests run concurrently there, and a
 * command asked twice (by two taggers, or a tagger and a manifest) runs once. The container is
 * removed whatever happens.
 */
export async function evaluateImage(image: string, work: ImageWork, run: RunContext): Promise<ImageOutcome> {
  const { hierarchy, docker, progress } = run;
  const ref = imageRef(hierarchy, image);
  progress.step(image, "starting container");
  const info = await inspectImage(ref, { docker });
  await using container = await startContainer({ image: ref, docker });
  const ctx: TagContext & ManifestContext = {
    container: withExecCache(limitedSession(container, run.commandLimit, run.commandTimeoutMs)),
    git: run.git,
    clock: run.clock,
    image: { name: image, ref, info },
    build: { fullImage: fullImageName(hierarchy, image), repository: hierarchy.repository, serverUrl: run.serverUrl },
  };
  progress.step(image, work.manifest ? "running taggers and manifests" : "running taggers");
  const [values, pieces] = await Promise.all([
    // The history line lists the tags, so a manifest needs the tag values as well.
    Promise.all(taggersFor(hierarchy.images, image).map((entry) => entryValues(entry, ctx, run))).then((v) => v.flat()),
    work.manifest ? Promise.all(manifestList(hierarchy.images, image).map((m) => runManifest(m, ctx))) : undefined,
  ]);
  return { image, values, pieces, info };
}

/** build-info heads every manifest, as docker-stacks' header does; a config listing it too does not repeat it. */
function manifestList(tree: Parameters<typeof manifestsFor>[0], image: string): Manifest[] {
  return [buildInfoManifest, ...manifestsFor(tree, image).filter((m) => m.name !== buildInfoManifest.name)];
}

/** An entry's values, each checked as the full tag it becomes (`<prefix>-<value>`). */
async function entryValues(entry: TaggerEntry, ctx: TagContext, run: RunContext): Promise<readonly string[]> {
  const name = isRefRules(entry) ? entryLabel(entry) : entry.name;
  const values = isRefRules(entry) ? await run.refValues(entry) : [await containerValue(entry, ctx)];
  for (const value of values) {
    // Docker allows 128 characters a tag; a long branch name can pass alone and fail once prefixed.
    const problem = tagProblem(`${run.prefix}-${value}`);
    if (problem) throw new InvalidTagError(name, ctx.image.name, `${run.prefix}-${value}`, problem);
  }
  return values;
}

async function containerValue(entry: Tagger, ctx: TagContext): Promise<string> {
  let value: unknown;
  try {
    value = await entry(ctx);
  } catch (error) {
    // Functions from configs need not use defineTagger; name the tagger for them too.
    if (error instanceof TaggerFailedError || error instanceof InvalidTagError) throw error;
    throw new TaggerFailedError(entry.name, ctx.image.name, error);
  }
  if (typeof value !== "string") throw new InvalidTagError(entry.name, ctx.image.name, String(value), `the tagger returned ${typeof value}, not a string`);
  return validateTag(value, { tagger: entry.name, image: ctx.image.name });
}

async function runManifest(manifest: Manifest, ctx: ManifestContext): Promise<ManifestPiece> {
  try {
    return await manifest(ctx);
  } catch (error) {
    if (error instanceof ManifestFailedError) throw error;
    throw new ManifestFailedError(manifest.name, ctx.image.ref, error);
  }
}
