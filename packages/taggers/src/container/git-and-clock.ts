import { commitTag } from "@imgs/git-helper";
import { defineTagger } from "./define-tagger.js";

/** "commit-sha": the first 12 characters of HEAD's commit hash, e.g. "0a1b2c3d4e5f" (docker-stacks SHATagger). */
export const commitShaTagger = defineTagger("commit-sha", ({ git }) => commitTag(git));

/** "date": the run's day in UTC as YYYY-MM-DD (docker-stacks DateTagger, read from the run's instant). */
export const dateTagger = defineTagger("date", ({ now }) => now.toISOString().slice(0, 10));
