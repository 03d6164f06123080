import { parseReference, repositoryOf } from "@imgs/reference";
import { REPOSITORY_LABEL } from "./build-tree.js";

/** A local image as prune sees it. */
export interface PruneImage {
  readonly id: string;
  /** Every name of the image, in any repository. */
  readonly repoTags: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

/** Inputs of planPrune: facts read from the engine and the config, no I/O. */
export interface PlanPruneOptions {
  /** The config's repositories (R/O/I); nothing of any other repository is touched. */
  readonly repositories: readonly string[];
  /** Full references to keep (R/O/I:latest, the commit tag, the tags files' tags). */
  readonly keep: ReadonlySet<string>;
  /** The tagged images of those repositories. */
  readonly images: readonly PruneImage[];
  /** Untagged images with no child (`dangling=true`); only those imgs built for one of the repositories go. */
  readonly dangling: readonly PruneImage[];
  /** Ids of images that containers (running or stopped) use: kept with all their tags. */
  readonly inUse: ReadonlySet<string>;
  /** Bytes only this image uses, by id (the engine's size minus shared size); missing counts as 0. */
  readonly uniqueSize: ReadonlyMap<string, number>;
}

/** One thing prune removes: a tag (the image goes with its last name) or a dangling image by id. */
export interface PruneRemoval {
  readonly reference: string;
  readonly id: string;
  readonly kind: "tag" | "dangling";
  /** Bytes given back: the image's unique size when this removes its last name, else 0. */
  readonly bytes: number;
}

/** One reference prune leaves, and why. */
export interface PruneKept {
  readonly reference: string;
  readonly id: string;
  readonly why: "kept tag" | "used by a container";
}

/** What prune will do. */
export interface PrunePlan {
  readonly remove: readonly PruneRemoval[];
  readonly keep: readonly PruneKept[];
  /** Sum of the removals' bytes. */
  readonly bytes: number;
}

/** The repository of "R/O/I:tag"; undefined for a name the reference grammar refuses (never one of ours). */
function repositoryOfName(reference: string): string | undefined {
  try {
    return repositoryOf(parseReference(reference));
  } catch {
    return undefined;
  }
}

/**
 * What `imgs prune` removes (cyber-dojo's "delete all images except :latest", kept to the config's
 * repositories): every tag of those repositories that is not kept and whose image no container
 * uses, then the untagged images imgs built for them (REPOSITORY_LABEL). Untagging leaves layers
 * that kept images share, so the build cache of `latest` stays warm.
 */
export function planPrune(options: PlanPruneOptions): PrunePlan {
  const ours = new Set(options.repositories);
  const remove: PruneRemoval[] = [];
  const keep: PruneKept[] = [];
  const seen = new Set<string>();
  for (const image of options.images) {
    if (seen.has(image.id)) continue;
    seen.add(image.id);
    const names = image.repoTags.filter((reference) => ours.has(repositoryOfName(reference) ?? ""));
    if (options.inUse.has(image.id)) {
      for (const reference of names) keep.push({ reference, id: image.id, why: "used by a container" });
      continue;
    }
    const going = names.filter((reference) => !options.keep.has(reference));
    for (const reference of names.filter((name) => options.keep.has(name))) keep.push({ reference, id: image.id, why: "kept tag" });
    const emptied = going.length > 0 && going.length === image.repoTags.length;
    going.forEach((reference, i) => {
      const last = emptied && i === going.length - 1;
      remove.push({ reference, id: image.id, kind: "tag", bytes: last ? (options.uniqueSize.get(image.id) ?? 0) : 0 });
    });
  }
  for (const image of options.dangling) {
    const repository = image.labels[REPOSITORY_LABEL];
    if (repository === undefined || !ours.has(repository) || options.inUse.has(image.id) || image.repoTags.length > 0) continue;
    remove.push({ reference: image.id, id: image.id, kind: "dangling", bytes: options.uniqueSize.get(image.id) ?? 0 });
  }
  return { remove, keep, bytes: remove.reduce((sum, removal) => sum + removal.bytes, 0) };
}

/** The references a build keeps: every repository's `latest` and each of `tags` (the commit tag, the build's tags). */
export function keptReferences(repositories: readonly string[], tags: readonly string[], extra: readonly string[] = []): Set<string> {
  const keep = new Set(extra);
  for (const repository of repositories) for (const tag of new Set(["latest", ...tags])) keep.add(`${repository}:${tag}`);
  return keep;
}
