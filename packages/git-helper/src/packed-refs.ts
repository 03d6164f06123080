import type * as nodeFs from "node:fs";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";

/** One line of packed-refs, with the commit its `^` line says an annotated tag peels to. */
export interface PackedRef {
  readonly oid: string;
  readonly peeled: string | undefined;
}

/** The refs of a packed-refs file. */
export interface PackedRefs {
  readonly refs: ReadonlyMap<string, PackedRef>;
  /** Git's "fully-peeled" trait: a ref without a `^` line is known not to be an annotated tag. */
  readonly fullyPeeled: boolean;
}

const HEADER = "# pack-refs with:";

/**
 * Read `<gitdir>/packed-refs` once. isomorphic-git re-reads and re-parses the whole file on every
 * resolveRef, which takes seconds for a few thousand tags; one read makes it milliseconds.
 */
export async function readPackedRefs(fs: typeof nodeFs, gitdir: string): Promise<PackedRefs> {
  let text: string;
  try {
    text = await fs.promises.readFile(join(gitdir, "packed-refs"), "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT")) return { refs: new Map(), fullyPeeled: false };
    throw error;
  }
  return parsePackedRefs(text);
}

/** Parse packed-refs text: `<oid> <ref>` lines, each optionally followed by a `^<peeled oid>` line. */
export function parsePackedRefs(text: string): PackedRefs {
  const refs = new Map<string, PackedRef>();
  let fullyPeeled = false;
  let previous: string | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith(HEADER)) fullyPeeled = line.slice(HEADER.length).split(" ").includes("fully-peeled");
    else if (line.startsWith("^") && previous !== undefined) {
      const entry = refs.get(previous);
      if (entry) refs.set(previous, { oid: entry.oid, peeled: line.slice(1).trim() });
    } else {
      const space = line.indexOf(" ");
      if (space <= 0 || line.startsWith("#")) continue;
      previous = line.slice(space + 1).trimEnd();
      refs.set(previous, { oid: line.slice(0, space), peeled: undefined });
    }
  }
  return { refs, fullyPeeled };
}
