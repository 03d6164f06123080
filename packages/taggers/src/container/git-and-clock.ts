import { defineTagger } from "./define-tagger.js";

/** "commit-sha": the first 12 characters of HEAD's commit hash, e.g. "0a1b2c3d4e5f" (docker-stacks SHATagger). */
export const commitShaTagger = defineTagger("commit-sha", ({ git }) => git.commit.slice(0, 12));

/** "date": today in UTC as YYYY-MM-DD, read from the injected clock (docker-stacks DateTagger). */
export const dateTagger = defineTagger("date", ({ clock }) => clock.now().toISOString().slice(0, 10));
