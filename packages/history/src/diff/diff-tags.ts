/** A tag value that moved: `python-3.11.2` → `python-3.11.4`. */
export interface TagChange {
  readonly from: string;
  readonly to: string;
}

/** How two builds' tag values differ. */
export interface TagsDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly TagChange[];
}

/**
 * The kind of a tag value, so that `python-3.11.2` and `python-3.11.4` pair up but `python-3.11`
 * does not pair with `python-3.11.4`: runs of digits become "#", and a commit hash is one kind.
 */
export function tagShape(value: string): string {
  if (/^[0-9a-f]{7,40}$/.test(value) && /[a-f]/.test(value) && /\d/.test(value)) return "<commit>";
  return value.replace(/\d+/g, "#");
}

/**
 * Compares tag values. A value only in the newer build and one only in the older build of the
 * same shape (and the only such pair) are reported as one change; the rest as added or removed.
 */
export function diffTags(before: readonly string[], after: readonly string[]): TagsDiff {
  const old = new Set(before);
  const now = new Set(after);
  const gone = before.filter((v) => !now.has(v));
  const fresh = after.filter((v) => !old.has(v));
  const changed: TagChange[] = [];
  const paired = new Set<string>();
  for (const shape of new Set(gone.map(tagShape))) {
    const from = gone.filter((v) => tagShape(v) === shape);
    const to = fresh.filter((v) => tagShape(v) === shape);
    if (from.length === 1 && to.length === 1 && from[0] !== undefined && to[0] !== undefined) {
      changed.push({ from: from[0], to: to[0] });
      paired.add(from[0]).add(to[0]);
    }
  }
  return { added: fresh.filter((v) => !paired.has(v)), removed: gone.filter((v) => !paired.has(v)), changed };
}
