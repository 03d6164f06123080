import { canonicalReference, parseReference } from "@imgs/reference";
import { digestOf, RegistryNotFoundError, type Fetched, type RegistryClient } from "@imgs/registry";

/** A reference with its registry named, as promote compares and addresses them. */
type Located = ReturnType<typeof canonicalReference>;
import type { CliDeps } from "../deps.js";
import { registryClientOf, withRunSignal, type RegistryAccessOptions } from "../registry/access.js";
import { PromoteUsageError } from "../registry/errors.js";

/** Options of promoteImage. */
export interface PromoteOptions extends RegistryAccessOptions {
  /** The image in the registry: `registry/repository:tag` or `…@sha256:…`. */
  readonly source: string;
  /** New tags: `registry/repository:tag` in the same registry, or a bare tag for the source's repository. */
  readonly destinations: readonly string[];
  /** Print what would change; write nothing. */
  readonly dryRun?: boolean;
}

/** One destination: the digest it has (or would have) and the one it had. */
export interface Promoted {
  readonly destination: string;
  readonly digest: string;
  /** The destination's digest before; undefined when the tag did not exist. */
  readonly previous: string | undefined;
}

function destinationOf(text: string, source: Located): Located {
  const bare = !text.includes("/") && !text.includes(":") && !text.includes("@");
  const ref = canonicalReference(parseReference(bare ? `${source.registry}/${source.path}:${text}` : text));
  if (ref.digest !== undefined || ref.tag === undefined) throw new PromoteUsageError(`destination ${text} must name a tag (repository:tag, or a bare tag)`);
  if (ref.registry !== source.registry) {
    throw new PromoteUsageError(`destination ${text} is in registry ${ref.registry}, the source in ${source.registry}; promote gives more tags within one registry`);
  }
  return ref;
}

/** Make the source's content available in another repository: blobs mounted, platform manifests put by digest. */
async function copyInto(client: RegistryClient, source: Located, fetched: Fetched, to: string, options: RegistryAccessOptions): Promise<void> {
  const manifests: Fetched[] =
    fetched.kind === "manifest"
      ? [fetched]
      : await Promise.all(fetched.index.manifests.map((d) => client.getManifest({ ...source, tag: undefined, digest: d.digest }, options)));
  for (const m of manifests) {
    if (m.kind !== "manifest") throw new PromoteUsageError(`${source.registry}/${source.path}@${m.digest} is an index inside an index; imgs does not promote those`);
    for (const blob of [m.manifest.config, ...m.manifest.layers]) await client.mountBlob(source.registry, source.path, to, blob.digest, options);
    if (m !== fetched) await client.putManifest({ ...source, path: to, tag: undefined, digest: m.digest }, m.bytes, m.mediaType, options);
  }
}

/**
 * Gives an image that is in a registry more tags, in its repository or another of the same
 * registry, without pulling it: the manifest or index is put byte for byte (same digest, every
 * platform and attestation kept); for another repository the blobs are mounted across
 * repositories and the platform manifests put by digest first. PromoteUsageError (usage) for a
 * destination in another registry or without a tag.
 */
export async function promoteImage(options: PromoteOptions, deps: CliDeps): Promise<Promoted[]> {
  options = withRunSignal(options, deps);
  const source = canonicalReference(parseReference(options.source));
  if (options.destinations.length === 0) throw new PromoteUsageError("name at least one destination tag");
  const destinations = options.destinations.map((d) => destinationOf(d, source));
  const client = registryClientOf(deps, options);
  const fetched = await client.getManifest(source, options);
  const promoted: Promoted[] = [];
  const copied = new Set<string>([source.path]);
  for (const dest of destinations) {
    const name = `${dest.registry}/${dest.path}:${dest.tag ?? ""}`;
    const previous = await client.resolve(dest, options).then(
      (r) => r.digest,
      (error: unknown) => {
        if (error instanceof RegistryNotFoundError) return undefined;
        throw error;
      },
    );
    if (!options.dryRun) {
      if (!copied.has(dest.path)) await copyInto(client, source, fetched, dest.path, options);
      copied.add(dest.path);
      if (previous !== fetched.digest) await client.putManifest(dest, fetched.bytes, fetched.mediaType, options);
    }
    promoted.push({ destination: name, digest: digestOf(fetched.bytes), previous });
  }
  return promoted;
}
