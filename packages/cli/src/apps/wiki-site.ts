import { rm } from "node:fs/promises";
import { join } from "node:path";
import { readWiki, renderSite } from "@imgs/history";
import { readTextIfExists } from "../files/read-text.js";
import { writeFileAtomic } from "../files/write-files.js";
import { listSiteFiles } from "./list-site-files.js";

/**
 * Writes the static HTML site of a wiki folder's history into `siteDir`: each page whole, only
 * when its content changes; pages of manifests pruned from the wiki are removed.
 */
export async function writeSite(wikiDir: string, siteDir: string): Promise<{ written: string[]; removed: string[] }> {
  const pages = renderSite(await readWiki(wikiDir));
  const written: string[] = [];
  for (const { path, content } of pages) {
    const target = join(siteDir, ...path.split("/"));
    if ((await readTextIfExists(target)) === content) continue;
    await writeFileAtomic(target, content);
    written.push(target);
  }
  const keep = new Set(pages.map((p) => join(siteDir, ...p.path.split("/"))));
  const removed = (await listSiteFiles(siteDir)).filter((file) => !keep.has(file));
  for (const file of removed) await rm(file, { force: true });
  return { written, removed };
}
