import type { PackageRow } from "@imgs/manifests";
import type { BuildRecord } from "./build-record.js";
import { diffTags, type TagsDiff } from "./diff-tags.js";

/** A package on one side of a diff. */
export interface PackageVersion {
  readonly name: string;
  /** The version; several, joined with ", ", when one build lists the name more than once. */
  readonly version: string;
}

/** A package whose version differs between the two builds. */
export interface PackageChange {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/** What changed in one package system. */
export interface EcosystemDiff {
  readonly ecosystem: string;
  /** In the newer build only, by name. */
  readonly added: readonly PackageVersion[];
  /** In the older build only, by name. */
  readonly removed: readonly PackageVersion[];
  /** In both, with another version, by name. */
  readonly changed: readonly PackageChange[];
  /** How many packages are in both with the same version. */
  readonly unchanged: number;
}

/** The two builds compared, as reports name them. */
export interface BuildSummary {
  readonly label: string;
  readonly image: string | undefined;
  readonly buildTimestamp: string | undefined;
}

/** Everything that differs between two builds. */
export interface BuildDiff {
  readonly from: BuildSummary;
  readonly to: BuildSummary;
  /** Undefined when either build's tags are not known (a manifest without its history line). */
  readonly tags: TagsDiff | undefined;
  /** One entry per package system listed by either build, in the order they first appear. */
  readonly ecosystems: readonly EcosystemDiff[];
}

/** True when nothing differs: no tag and no package added, removed or changed. */
export function isEmptyDiff(diff: BuildDiff): boolean {
  const tags = diff.tags;
  const tagsChanged = tags !== undefined && tags.added.length + tags.removed.length + tags.changed.length > 0;
  return !tagsChanged && diff.ecosystems.every((e) => e.added.length + e.removed.length + e.changed.length === 0);
}

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function versionsByName(rows: readonly PackageRow[]): Map<string, string> {
  const versions = new Map<string, string[]>();
  for (const row of rows) versions.set(row.name, [...(versions.get(row.name) ?? []), row.version]);
  return new Map([...versions].map(([name, list]) => [name, [...list].sort().join(", ")]));
}

/**
 * Compares two builds package by package (per ecosystem, by name) and tag by tag: what the newer
 * build `to` added, removed and changed since `from`.
 *
 * @example diffBuilds(older, newer).ecosystems // [{ ecosystem: "apt", added: [{ name: "tree", version: "2.1.0-1" }], … }]
 */
export function diffBuilds(from: BuildRecord, to: BuildRecord): BuildDiff {
  const ecosystems = [...new Set([...from.packages, ...to.packages].map((p) => p.ecosystem))];
  return {
    from: { label: from.label, image: from.image, buildTimestamp: from.buildTimestamp },
    to: { label: to.label, image: to.image, buildTimestamp: to.buildTimestamp },
    tags: from.tags === undefined || to.tags === undefined ? undefined : diffTags(from.tags, to.tags),
    ecosystems: ecosystems.map((ecosystem) => {
      const before = versionsByName(from.packages.filter((p) => p.ecosystem === ecosystem));
      const after = versionsByName(to.packages.filter((p) => p.ecosystem === ecosystem));
      const added: PackageVersion[] = [];
      const removed: PackageVersion[] = [];
      const changed: PackageChange[] = [];
      let unchanged = 0;
      for (const [name, version] of after) if (!before.has(name)) added.push({ name, version });
      for (const [name, version] of before) {
        const now = after.get(name);
        if (now === undefined) removed.push({ name, version });
        else if (now !== version) changed.push({ name, from: version, to: now });
        else unchanged++;
      }
      return { ecosystem, added: added.sort(byName), removed: removed.sort(byName), changed: changed.sort(byName), unchanged };
    }),
  };
}
