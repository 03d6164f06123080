import { open, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { homeTables, type CountCommits, type MonthPage } from "./home-tables.js";
import { comparePathParts, compareCodePoints, listFiles } from "./list-files.js";
import { addHistoryLine, historyLineMonth, homePageHead, InvalidWikiInputError, manifestTimestamp, monthlyPageHeader } from "./wiki-pages.js";

/** A file given to the wiki: where it was read from (for messages) and its text. */
export interface WikiInputFile {
  readonly path: string;
  readonly content: string;
}

/** docker-stacks' MAX_NUMBER_OF_MANIFESTS: GitHub's wiki stops rendering past a limit. */
export const DEFAULT_MAX_MANIFESTS = 4500;

/** What updating the wiki takes. */
export interface PlanWikiOptions {
  /** The wiki's folder (a clone of the wiki repository). */
  readonly wikiDir: string;
  /** Build manifests to file, in the order read (see readWikiInputs). */
  readonly manifests: readonly WikiInputFile[];
  /** Build history lines to add, in the order read: each goes on top of its month's page. */
  readonly historyLines: readonly WikiInputFile[];
  /** "owner/name", for {REPOSITORY} and the commit links. */
  readonly repository: string;
  /** The Home template's text, with the `<!-- YEAR_MONTHLY_TABLES -->` marker. */
  readonly homeTemplate: string;
  /** Where the template came from, for messages. */
  readonly homeTemplateFile: string;
  readonly countCommits: CountCommits;
  /** The image whose x86_64 lines count the builds; default "base-notebook" as docker-stacks. */
  readonly buildsImage?: string | undefined;
  /** How many manifests the wiki keeps, newest first; default 4,500. */
  readonly maxManifests?: number | undefined;
  /** Web server for the Home page's commit links; default https://github.com. */
  readonly serverUrl?: string | undefined;
}

/** What to change in the wiki folder, in this order: write each file whole, then remove. */
export interface WikiPlan {
  /** Absolute paths and full contents; files whose content would not change are left out. */
  readonly writes: ReadonlyArray<{ readonly path: string; readonly content: string }>;
  /** Manifests past the limit, oldest first out. */
  readonly removals: readonly string[];
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT")) return undefined;
    throw error;
  }
}

/** A wiki manifest's timestamp, read from its first 4 KiB where the build info is (the whole file if not). */
async function storedTimestamp(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead).toString("utf8");
    if (/Build timestamp: .{20}/s.test(head)) return manifestTimestamp(head, path);
  } finally {
    await handle.close();
  }
  return manifestTimestamp(await readFile(path, "utf8"), path);
}

/**
 * Works out what docker-stacks' update_wiki.py would change for the same inputs, without changing
 * anything: the manifests filed under `manifests/YYYY/YYYY-MM/`, each history line added on top
 * of `monthly-files/YYYY/YYYY-MM.md` unless the page has it, the Home page rebuilt from the
 * template and every monthly page, and the oldest manifests past the limit removed. Everything is
 * read and checked before the plan is returned, so a bad input changes nothing.
 *
 * @throws InvalidWikiInputError for a manifest without build timestamp, a bad history line, a
 *   monthly page without its header, or a Home template without the marker
 */
export async function planWikiUpdate(options: PlanWikiOptions): Promise<WikiPlan> {
  const { wikiDir } = options;
  const pending = new Map<string, string>();
  const current = async (path: string): Promise<string | undefined> => pending.get(path) ?? (await readIfExists(path));

  const newManifests = new Map<string, string>();
  for (const input of options.manifests) {
    const yearMonth = manifestTimestamp(input.content, input.path).slice(0, 7);
    const target = join(wikiDir, "manifests", yearMonth.slice(0, 4), yearMonth, basename(input.path));
    newManifests.set(target, input.content);
    if ((await current(target)) !== input.content) pending.set(target, input.content);
  }

  for (const input of options.historyLines) {
    const yearMonth = historyLineMonth(input.content, input.path);
    const page = join(wikiDir, "monthly-files", yearMonth.slice(0, 4), `${yearMonth}.md`);
    const updated = addHistoryLine((await current(page)) ?? monthlyPageHeader(yearMonth), yearMonth, input.content, page);
    if (updated !== undefined) pending.set(page, updated);
  }

  const pages: MonthPage[] = [];
  const monthly = join(wikiDir, "monthly-files");
  const pageFiles = [...(await listFiles(monthly, ".md")), ...[...pending.keys()].filter((p) => p.startsWith(`${monthly}/`)).map((p) => p.slice(monthly.length + 1).split("/"))];
  for (const parts of new Map(pageFiles.map((p) => [p.join("/"), p])).values()) {
    // update_wiki.py reads monthly-files/<year>/*.md: one level of year folders, no deeper.
    const [year, name] = parts;
    if (parts.length !== 2 || year === undefined || name === undefined || !/^\d+$/.test(year)) continue;
    pages.push({ year: Number(year), month: Number(name.slice(5, -3)), content: (await current(join(monthly, ...parts))) ?? "" });
  }
  const tables = await homeTables(pages, {
    repository: options.repository,
    countCommits: options.countCommits,
    buildsImage: options.buildsImage ?? "base-notebook",
    serverUrl: options.serverUrl,
  });
  const home = `${homePageHead(options.homeTemplate, options.repository, options.homeTemplateFile)}${tables}\n`;
  const homePath = join(wikiDir, "Home.md");
  if ((await readIfExists(homePath)) !== home) pending.set(homePath, home);

  const stored = new Map<string, string[]>();
  for (const parts of await listFiles(join(wikiDir, "manifests"), ".md")) stored.set(join(wikiDir, "manifests", ...parts), parts);
  const all: Array<{ timestamp: string; parts: string[]; path: string }> = [];
  for (const [path, parts] of stored) all.push({ timestamp: newManifests.has(path) ? manifestTimestamp(newManifests.get(path) ?? "", path) : await storedTimestamp(path), parts, path });
  for (const [path, content] of newManifests) {
    if (!stored.has(path)) all.push({ timestamp: manifestTimestamp(content, path), parts: path.slice(join(wikiDir, "manifests").length + 1).split("/"), path });
  }
  // Newest first, as sorted((timestamp, path), reverse=True); everything past the limit goes.
  all.sort((a, b) => compareCodePoints(b.timestamp, a.timestamp) || comparePathParts(b.parts, a.parts));
  const dropped = all.slice(options.maxManifests ?? DEFAULT_MAX_MANIFESTS);
  for (const { path } of dropped) pending.delete(path);
  return {
    writes: [...pending].map(([path, content]) => ({ path, content })),
    removals: dropped.filter(({ path }) => stored.has(path)).map(({ path }) => path),
  };
}

/**
 * The inputs of a wiki update: every `*.md` under `manifestsDir` and every `*.txt` under
 * `histLinesDir`, at any depth, in Python's sorted() order (update_wiki.py's rglob).
 *
 * @throws InvalidWikiInputError when either has none and `allowNoFiles` is not set
 */
export async function readWikiInputs(manifestsDir: string, histLinesDir: string, allowNoFiles = false): Promise<{ manifests: WikiInputFile[]; historyLines: WikiInputFile[] }> {
  const read = async (dir: string, suffix: string, what: string): Promise<WikiInputFile[]> => {
    const files = await listFiles(dir, suffix);
    if (files.length === 0 && !allowNoFiles) throw new InvalidWikiInputError(dir, `no ${what} (*${suffix}) in it; pass --allow-no-files if that is expected`);
    return Promise.all(files.map(async (parts) => ({ path: join(dir, ...parts), content: await readFile(join(dir, ...parts), "utf8") })));
  };
  return { manifests: await read(manifestsDir, ".md", "build manifest"), historyLines: await read(histLinesDir, ".txt", "build history line") };
}
