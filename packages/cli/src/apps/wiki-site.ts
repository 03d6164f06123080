import type { WikiResult } from "./wiki.js";

/** Writes the static HTML site of the wiki's history (placeholder until the site lands). */
export async function writeSite(_wikiDir: string, _siteDir: string, _options: { repository: string; serverUrl?: string | undefined }): Promise<WikiResult> {
  return { written: [], removed: [] };
}
