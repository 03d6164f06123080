import { readFile, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { countCommitsBetween, readFirstParentCommits, type FirstParentCommit } from "@imgs/git-helper";
import { DEFAULT_HOME_TEMPLATE, planWikiUpdate, readWikiInputs, type CountCommits, type WikiPlan } from "@imgs/history";
import { builtinCatalog, ConfigNotFoundError, loadConfig } from "@imgs/hierarchy";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";
import { writeFileAtomic } from "../files/write-files.js";
import { writeSite } from "./wiki-site.js";

/** What `imgs wiki` takes: docker-stacks' update_wiki.py arguments, and imgs' own. */
export interface WikiOptions {
  /** The wiki's folder (a clone of the wiki repository). */
  readonly wikiDir: string;
  /** Default: the config's manifestsDir. */
  readonly manifestsDir?: string | undefined;
  /** Default: the config's histLinesDir. */
  readonly histLinesDir?: string | undefined;
  /** "owner/name"; default: the config's repository. */
  readonly repository?: string | undefined;
  /** Succeed when there are no manifests or history lines. */
  readonly allowNoFiles?: boolean | undefined;
  /** A Markdown file with `<!-- YEAR_MONTHLY_TABLES -->` and {REPOSITORY}; default imgs' own words. */
  readonly homeTemplate?: string | undefined;
  /** How many manifests the wiki keeps; default 4,500. */
  readonly maxManifests?: number | undefined;
  /** The image whose x86_64 builds count the Home page's Builds; default "base-notebook". */
  readonly buildsImage?: string | undefined;
  /** The repository whose first-parent commits are counted per month; default the working directory. */
  readonly gitDir?: string | undefined;
  readonly serverUrl?: string | undefined;
  /** "markdown" (default): the wiki only; "html": also the static site. */
  readonly format?: string | undefined;
  /** Where the HTML site goes; default `<wiki-dir>/html`. */
  readonly siteDir?: string | undefined;
  readonly config?: string | undefined;
}

/** The files an update wrote and removed. */
export interface WikiResult {
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

/** Config values the wiki falls back on; no config file is fine when every flag is given. */
async function configDefaults(options: WikiOptions, deps: CliDeps): Promise<{ manifestsDir?: string; histLinesDir?: string; repository?: string }> {
  if (options.manifestsDir !== undefined && options.histLinesDir !== undefined && options.repository !== undefined) return {};
  try {
    const { hierarchy, file } = await loadConfig({ cwd: deps.cwd, configPath: options.config, catalog: builtinCatalog() });
    const dir = dirname(file);
    return {
      manifestsDir: resolve(dir, hierarchy.defaults.manifestsDir ?? "out/manifests"),
      histLinesDir: resolve(dir, hierarchy.defaults.histLinesDir ?? "out/hist-lines"),
      repository: hierarchy.repository,
    };
  } catch (error) {
    if (error instanceof ConfigNotFoundError && options.config === undefined) return {};
    throw error;
  }
}

/** Counts from one read of HEAD's first-parent chain, as far back as the oldest month asks. */
function commitCounter(gitDir: string): CountCommits {
  let chain: Promise<FirstParentCommit[]> | undefined;
  return async (since, until) => {
    chain ??= readFirstParentCommits({ dir: gitDir });
    return countCommitsBetween(await chain, since, until);
  };
}

/** Applies a plan: every file written whole (temporary file, then rename), then the removals. */
async function applyPlan(plan: WikiPlan): Promise<WikiResult> {
  for (const { path, content } of plan.writes) await writeFileAtomic(path, content);
  for (const path of plan.removals) await rm(path, { force: true });
  return { written: plan.writes.map((w) => w.path), removed: plan.removals };
}

/**
 * `imgs wiki` as a function: files build manifests and history lines into the wiki as docker-stacks'
 * update_wiki.py does (byte for byte), and with format "html" writes the static site too. Every
 * file is written whole; a rerun with the same inputs writes nothing.
 *
 * @throws UsageError for a missing folder or repository, InvalidWikiInputError for bad inputs
 */
export async function updateWiki(options: WikiOptions, deps: CliDeps): Promise<WikiResult> {
  const format = options.format ?? "markdown";
  if (format !== "markdown" && format !== "html") throw new UsageError(`--format must be markdown or html, got "${format}"`);
  if (options.maxManifests !== undefined && !(Number.isInteger(options.maxManifests) && options.maxManifests >= 0)) {
    throw new UsageError(`--max-manifests must be a whole number of at least 0, got ${options.maxManifests}`);
  }
  const defaults = await configDefaults(options, deps);
  const manifestsDir = options.manifestsDir === undefined ? defaults.manifestsDir : resolve(deps.cwd, options.manifestsDir);
  const histLinesDir = options.histLinesDir === undefined ? defaults.histLinesDir : resolve(deps.cwd, options.histLinesDir);
  const repository = options.repository ?? defaults.repository;
  if (manifestsDir === undefined || histLinesDir === undefined) throw new UsageError("imgs wiki needs --manifests-dir and --hist-lines-dir (or a config that sets them)");
  if (!repository) throw new UsageError("imgs wiki needs --repository OWNER/NAME (or a config that sets `repository`)");
  const wikiDir = resolve(deps.cwd, options.wikiDir);
  const templateFile = options.homeTemplate === undefined ? "the default Home template" : resolve(deps.cwd, options.homeTemplate);
  const homeTemplate = options.homeTemplate === undefined ? DEFAULT_HOME_TEMPLATE : await readTemplate(templateFile);

  const inputs = await readWikiInputs(manifestsDir, histLinesDir, options.allowNoFiles);
  const plan = await planWikiUpdate({
    wikiDir,
    ...inputs,
    repository,
    homeTemplate,
    homeTemplateFile: templateFile,
    countCommits: commitCounter(resolve(deps.cwd, options.gitDir ?? ".")),
    buildsImage: options.buildsImage,
    maxManifests: options.maxManifests,
    serverUrl: options.serverUrl,
  });
  const result = await applyPlan(plan);
  if (format !== "html") return result;
  const site = await writeSite(wikiDir, resolve(deps.cwd, options.siteDir ?? resolve(wikiDir, "html")));
  return { written: [...result.written, ...site.written], removed: [...result.removed, ...site.removed] };
}

async function readTemplate(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT", "EISDIR")) throw new UsageError(`--home-template ${file}: no such file`);
    throw error;
  }
}
