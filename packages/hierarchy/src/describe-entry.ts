import { isRefRules, type TaggerEntry } from "./model.js";

/** How a tagger entry is shown to people: its name, or "refs(<rules>)" for ref rules. */
export const entryLabel = (entry: TaggerEntry): string =>
  isRefRules(entry) ? `refs(${entry.tags.join("; ")})` : entry.name;
