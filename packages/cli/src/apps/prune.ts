import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { executePrunePlan, keptReferences, NoBuildTagsError, readPrunePlan, type PrunePlan, type PruneResult } from "@imgs/build";
import { hasErrorCode } from "@imgs/errors";
import { commitTag } from "@imgs/git-helper";
import { parseTagsFile, tagsFileName, unifyPlatform } from "@imgs/manifests";
import { imageRepository, parseReference, repositoryOf } from "@imgs/reference";
import type { CliDeps } from "../deps.js";
import { loadBuildTarget, readStamp, type BuildTarget } from "./build-target.js";
import type { RunOptions } from "./options.js";

/** Options of pruneImages. */
export interface PruneOptions extends RunOptions {
  /** Plan only: remove nothing. */
  readonly dryRun?: boolean;
  /** Folder of the tags files whose tags are kept; default the config's tagsDir, else out/tags. */
  readonly tagsDir?: string;
}

/** What pruneImages planned and, unless a dry run, did. */
export interface PruneOutcome {
  readonly plan: PrunePlan;
  /** undefined for a dry run. */
  readonly result: PruneResult | undefined;
  /** The references that were kept on purpose (latest, commit tag, build tags, tags files). */
  readonly keep: readonly string[];
}

/**
 * The references of the tags files of every image (platform and variant from the options or config)
 * that belong to that image's repository; missing files give none. prune only reads tags files to
 * know what to keep, so a line of another repository (a file written for another --registry or
 * --owner, such as the README's example pushing to 127.0.0.1:PORT) keeps nothing of this one: a
 * note on stderr says so, and the prune goes on.
 *
 * @throws TagsFileError for a file that cannot be read or has a line that is not `repository:tag`
 */
async function tagsFileReferences(target: BuildTarget, options: PruneOptions, deps: CliDeps): Promise<string[]> {
  const { defaults } = target.hierarchy;
  const dir = options.tagsDir !== undefined ? resolve(deps.cwd, options.tagsDir) : resolve(target.configDir, defaults.tagsDir ?? "out/tags");
  const platform = unifyPlatform(options.platform ?? defaults.platform ?? deps.machine);
  const variant = options.variant ?? defaults.variant;
  const lists = await Promise.all(
    Object.keys(target.hierarchy.images).map(async (image) => {
      const file = join(dir, tagsFileName({ platform, variant, image }));
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        if (hasErrorCode(error, "ENOENT")) return [];
        throw error;
      }
      // A line prune cannot read could name a tag to keep: stop rather than guess.
      const tags = parseTagsFile(text, file);
      const repository = imageRepository(target.hierarchy, image);
      const others = [...new Set(tags.map(repositoryOfTag).filter((r) => r !== repository))];
      if (others.length > 0) {
        deps.stderr.write(`imgs: note: tags file ${file} names ${others.join(", ")}, not ${repository} (the repository prune works on; --registry and --owner choose it): those lines keep nothing\n`);
      }
      return tags.filter((tag) => repositoryOfTag(tag) === repository);
    }),
  );
  return lists.flat();
}

/** The repository of a tags file line, which parseTagsFile has already checked is `repository:tag`. */
const repositoryOfTag = (tag: string): string => repositoryOf(parseReference(tag));

/**
 * `imgs prune` as a function (cyber-dojo's "delete all images except :latest"): removes the local
 * images of the config's repositories except `latest`, the current commit tag, the tags the build
 * gives this commit, the tags of the current tags files, and images containers use; plus the
 * untagged images imgs built for those repositories. The repositories are the config's images
 * with --registry/--owner applied, as every image command names them; nothing of another
 * repository is touched. Git facts come from the working directory's repository, or --git-dir.
 */
export async function pruneImages(options: PruneOptions, deps: CliDeps): Promise<PruneOutcome> {
  const target = await loadBuildTarget(options, deps, { select: false });
  const repositories = Object.keys(target.hierarchy.images).map((image) => imageRepository(target.hierarchy, image));
  let tags: string[];
  try {
    const { git, stamp } = await readStamp(target, { gitDir: options.gitDir }, deps);
    tags = [commitTag(git), ...stamp.tags];
  } catch (error) {
    if (!(error instanceof NoBuildTagsError)) throw error;
    // Rules that tag nothing at this commit still leave the commit tag to keep.
    const { git } = await readStamp({ ...target, settings: { ...target.settings, tags: undefined } }, { gitDir: options.gitDir }, deps);
    tags = [commitTag(git)];
  }
  const keep = keptReferences(repositories, tags, await tagsFileReferences(target, options, deps));
  const docker = await deps.docker();
  const plan = await readPrunePlan({ docker, repositories, keep });
  const result = options.dryRun ? undefined : await executePrunePlan(plan, { docker });
  return { plan, result, keep: [...keep].sort() };
}
