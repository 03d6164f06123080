import type * as nodeFs from "node:fs";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { listTags, readObject, resolveRef } from "isomorphic-git";
import { GitUnreadableError } from "./errors.js";
import type { PackedRefs } from "./packed-refs.js";
import { readPackedRefs } from "./packed-refs.js";

/** A tag's name and the object it finally points to once annotated tags are peeled. */
export interface PeeledTag {
  readonly name: string;
  /** The commit (or, rarely, tree or blob) at the end of the tag chain. */
  readonly target: string;
}

/** Git refuses deeper chains of tags of tags too; this guards against a corrupt cycle. */
const MAX_PEEL_DEPTH = 32;
const OID = /^[0-9a-f]{40}$/;

/** Every tag of the repository, sorted by name, each peeled to the object it finally names. */
export async function readPeeledTags(fs: typeof nodeFs, root: string, gitdir: string, cache: object): Promise<PeeledTag[]> {
  let names: string[];
  let packed: PackedRefs;
  try {
    [names, packed] = await Promise.all([listTags({ fs, gitdir }), readPackedRefs(fs, gitdir)]);
  } catch (error) {
    throw new GitUnreadableError(root, "the tag list", error);
  }
  // Many lightweight tags share few commits: read each object once.
  const peeled = new Map<string, Promise<string>>();
  const peelOnce = (oid: string): Promise<string> => {
    const known = peeled.get(oid) ?? peel(fs, gitdir, oid, cache);
    peeled.set(oid, known);
    return known;
  };
  const tags = await Promise.all(
    names.map(async (name) => {
      const ref = `refs/tags/${name}`;
      try {
        const loose = await readLooseRef(fs, gitdir, ref);
        const entry = loose === undefined ? packed.refs.get(ref) : undefined;
        if (entry?.peeled !== undefined) return { name, target: entry.peeled };
        if (entry !== undefined && packed.fullyPeeled) return { name, target: entry.oid };
        // A symbolic or odd loose ref: let isomorphic-git resolve it the long way.
        const oid = entry?.oid ?? (loose !== undefined && OID.test(loose) ? loose : await resolveRef({ fs, gitdir, ref }));
        return { name, target: await peelOnce(oid) };
      } catch (error) {
        throw new GitUnreadableError(root, `the tag ${name}`, error);
      }
    }),
  );
  return tags.sort((a, b) => compareNames(a.name, b.name));
}

/** A loose ref file's trimmed content, or undefined when the ref is only packed. */
async function readLooseRef(fs: typeof nodeFs, gitdir: string, ref: string): Promise<string | undefined> {
  try {
    return (await fs.promises.readFile(join(gitdir, ref), "utf8")).trim();
  } catch (error) {
    if (hasErrorCode(error, "ENOENT", "ENOTDIR")) return undefined;
    throw error;
  }
}

/** Follow annotated tags (and tags of tags) until an object that is not a tag. */
async function peel(fs: typeof nodeFs, gitdir: string, oid: string, cache: object): Promise<string> {
  let current = oid;
  for (let depth = 0; depth < MAX_PEEL_DEPTH; depth++) {
    // readObject tells the type in the same read; readTag would throw on a lightweight tag's commit.
    const object = await readObject({ fs, gitdir, oid: current, format: "parsed", cache });
    if (object.format !== "parsed" || object.type !== "tag") return current;
    current = object.object.object;
  }
  throw new Error(`tag object ${oid} is nested more than ${MAX_PEEL_DEPTH} levels deep`);
}

/** Code-unit order, which matches git's byte order of ref names; localeCompare would vary by machine. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
