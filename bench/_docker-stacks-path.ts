import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { readCiEnv, readGitSnapshot } from "@imgs/git-helper";
import {
  buildOrder,
  builtinCatalog,
  imageRef,
  loadConfig,
  manifestsFor,
  taggersFor,
  type Hierarchy,
} from "@imgs/hierarchy";
import { imageRepository as fullImageName } from "@imgs/reference";
import {
  buildInfoManifest,
  buildTimestamp,
  historyLine,
  historyLineFileName,
  unifyPlatform,
  imageTags,
  manifestBaseName,
  manifestFileName,
  renderManifest,
  tagPrefix,
  tagsFileContent,
  tagsFileName,
  type Manifest,
  type ManifestContext,
  type ManifestPiece,
  dockerfileInRepository,
} from "@imgs/manifests";
import { inspectImage, startContainer, type createDocker } from "@imgs/runner";
import { DEFAULT_CONTAINER_COMMAND } from "@imgs/runner/internal";
import { machine } from "node:os";
import { refContextFrom, runTagger, type RefContext, type TagContext, type Tagger } from "@imgs/taggers";
import { runManifest } from "@imgs/manifests";

/** Where and with what the docker-stacks-style run works. */
export interface SequentialRunOptions {
  /** Absolute path of the config file; git is read from its folder, as imgs does by default. */
  readonly configFile: string;
  /** Gets tags/, manifests/ and hist-lines/. */
  readonly outDir: string;
  readonly docker: ReturnType<typeof createDocker>["docker"];
  readonly clock: { now(): Date };
  readonly env: NodeJS.ProcessEnv;
  /** Repository to read git facts from; default the config's folder. */
  readonly gitDir?: string;
}

/** One run's facts every image shares (docker-stacks' module-level constants and arguments). */
interface RunFacts {
  readonly hierarchy: Hierarchy;
  readonly git: ManifestContext["git"];
  readonly clock: { now(): Date };
  readonly refContext: RefContext;
  readonly platform: string;
  readonly variant: string;
  readonly prefix: string;
  readonly docker: SequentialRunOptions["docker"];
  readonly dirs: { readonly tags: string; readonly manifests: string; readonly histLines: string };
}

/** Every tagger in order, one after another, as docker-stacks' `for tagger in taggers` loop. */
async function tagValues(taggers: readonly Tagger[], ctx: TagContext): Promise<string[]> {
  const values: string[] = [];
  for (const tagger of taggers) values.push(...(await runTagger(tagger, ctx)));
  return [...new Set(values)];
}

/** The context of one image in one container; the same facts imgs gives its taggers and manifests. */
async function contextFor(run: RunFacts, image: string): Promise<Omit<TagContext, "container">> {
  const ref = imageRef(run.hierarchy, image);
  const info = await inspectImage(ref, { docker: run.docker });
  const build = { fullImage: fullImageName(run.hierarchy, image), repository: run.hierarchy.repository, serverUrl: undefined };
  return { git: run.git, refs: run.refContext, now: run.clock.now(), image: { name: image, ref, info }, build };
}

/** write_tags_file: a container of its own, every tagger in turn, the tags file. */
async function writeTagsFile(run: RunFacts, image: string, facts: Omit<TagContext, "container">): Promise<void> {
  await using container = await startContainer({ image: facts.image.ref, docker: run.docker, command: DEFAULT_CONTAINER_COMMAND });
  const values = await tagValues(taggersFor(run.hierarchy.images, image), { ...facts, container });
  const tags = imageTags({ fullImage: fullImageName(run.hierarchy, image), prefix: run.prefix, values });
  await writeFile(join(run.dirs.tags, tagsFileName({ platform: run.platform, variant: run.variant, image })), tagsFileContent(tags));
}

/** write_manifest: ANOTHER container; the taggers again (for the history line), then every manifest in turn. */
async function writeManifest(run: RunFacts, image: string, facts: Omit<TagContext, "container">): Promise<void> {
  await using container = await startContainer({ image: facts.image.ref, docker: run.docker, command: DEFAULT_CONTAINER_COMMAND });
  const ctx = { ...facts, container };
  const values = await tagValues(taggersFor(run.hierarchy.images, image), ctx);
  const manifests: Manifest[] = [buildInfoManifest, ...manifestsFor(run.hierarchy.images, image).filter((m) => m.name !== buildInfoManifest.name)];
  const pieces: ManifestPiece[] = [];
  for (const manifest of manifests) pieces.push(await runManifest(manifest, ctx));
  const names = { platform: run.platform, variant: run.variant, image, commit: run.git.commit };
  await writeFile(join(run.dirs.manifests, manifestFileName(names)), renderManifest({ image, commit: run.git.commit, pieces }));
  const line = historyLine({
    buildTimestamp: buildTimestamp(run.clock.now()),
    fullImage: fullImageName(run.hierarchy, image),
    image,
    prefix: run.prefix,
    values,
    commit: run.git.commit,
    repository: run.hierarchy.repository ?? "",
    manifestName: manifestBaseName(names),
    dockerfilePath: dockerfileInRepository(run.hierarchy.images[image]?.dockerfile, run.git.root),
  });
  await writeFile(join(run.dirs.histLines, historyLineFileName(names)), line);
}

/**
 * jupyter/docker-stacks' pattern on imgs' building blocks: image after image in build order, a
 * tags-file container and then a manifest container, every command one after another, no exec
 * cache. Writes the same files as `runImages({ tags: true, manifest: true }, …)`.
 */
export async function runSequential(options: SequentialRunOptions): Promise<void> {
  const configDir = dirname(options.configFile);
  const { hierarchy } = await loadConfig({ cwd: configDir, configPath: options.configFile, catalog: builtinCatalog() });
  const git = await readGitSnapshot({ dir: options.gitDir ?? configDir, env: options.env });
  const platform = unifyPlatform(hierarchy.defaults.platform ?? machine());
  const variant = hierarchy.defaults.variant;
  const dirs = { tags: join(options.outDir, "tags"), manifests: join(options.outDir, "manifests"), histLines: join(options.outDir, "hist-lines") };
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
  const run: RunFacts = {
    hierarchy,
    git,
    clock: options.clock,
    refContext: refContextFrom({ git, ci: readCiEnv(options.env), now: options.clock.now().toISOString() }),
    platform,
    variant,
    prefix: tagPrefix({ platform, variant }),
    docker: options.docker,
    dirs,
  };
  for (const image of buildOrder(hierarchy.images)) {
    const facts = await contextFor(run, image);
    await writeTagsFile(run, image, facts);
    await writeManifest(run, image, facts);
  }
}
