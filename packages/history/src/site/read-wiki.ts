import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseHistoryLine, parseManifest, tagPrefix, type ParsedHistoryLine, type ParsedManifest } from "@imgs/manifests";
import { splitManifestName, tagValue, type BuildRecord } from "../diff/build-record.js";
import { listFiles } from "../wiki/list-files.js";

/** A build of the wiki: a manifest still kept, with the history line that links it. */
export interface WikiBuild {
  /** `YYYY-MM`, the month folder the manifest is filed in. */
  readonly yearMonth: string;
  /** The manifest's base name `P-V-I-S`. */
  readonly name: string;
  /** `P-V-I`: builds with the same key are builds of one image for one platform and variant. */
  readonly key: string;
  readonly manifest: ParsedManifest;
  /** The newest history line of the month that links this manifest; undefined if none does. */
  readonly line: ParsedHistoryLine | undefined;
  /** The same build as the diff reads it. */
  readonly record: BuildRecord;
}

/** A monthly page: its lines, newest first, and which of them still have their manifest. */
export interface WikiMonth {
  readonly yearMonth: string;
  readonly lines: readonly ParsedHistoryLine[];
}

/** What a wiki folder holds, read for the HTML site. */
export interface WikiHistory {
  /** Newest month first. */
  readonly months: readonly WikiMonth[];
  /** Every kept manifest, oldest build first (by build timestamp, then month and name). */
  readonly builds: readonly WikiBuild[];
}

/** Reads a wiki folder as `imgs wiki` and docker-stacks' update_wiki.py leave it. */
export async function readWiki(wikiDir: string): Promise<WikiHistory> {
  const months: WikiMonth[] = [];
  for (const parts of await listFiles(join(wikiDir, "monthly-files"), ".md")) {
    const text = await readFile(join(wikiDir, "monthly-files", ...parts), "utf8");
    const lines = text.split("\n").flatMap((line) => parseHistoryLine(line) ?? []);
    months.push({ yearMonth: (parts.at(-1) ?? "").replace(/\.md$/, ""), lines });
  }
  months.sort((a, b) => (a.yearMonth < b.yearMonth ? 1 : a.yearMonth > b.yearMonth ? -1 : 0));

  const builds: WikiBuild[] = [];
  for (const parts of await listFiles(join(wikiDir, "manifests"), ".md")) {
    const path = join(wikiDir, "manifests", ...parts);
    const manifest = parseManifest(await readFile(path, "utf8"), path);
    const name = (parts.at(-1) ?? "").replace(/\.md$/, "");
    const yearMonth = parts.at(-2) ?? "";
    const split = splitManifestName(name);
    const line = months.find((m) => m.yearMonth === yearMonth)?.lines.find((l) => l.manifestName === name);
    const prefix = split === undefined ? undefined : tagPrefix(split);
    builds.push({
      yearMonth,
      name,
      key: split === undefined ? name : `${split.platform}-${split.variant}-${split.image}`,
      manifest,
      line,
      record: {
        label: name,
        image: manifest.image,
        buildTimestamp: manifest.buildInfo.buildTimestamp,
        tags: line?.tags.map((tag) => tagValue(tag, prefix)),
        packages: manifest.packages,
      },
    });
  }
  const order = (b: WikiBuild): string => `${b.manifest.buildInfo.buildTimestamp ?? ""} ${b.yearMonth}/${b.name}`;
  builds.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return { months, builds };
}
