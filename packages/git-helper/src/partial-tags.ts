import { gitConfigValue } from "./git-config-value.js";

// Whether a repository's tag list can be the whole of its remote's: imgs' --highest-semver-latest
// must not call a release the highest when it cannot see the others.

/** The first remote of a repository config that fetches no tags (`tagOpt = --no-tags`), if any. */
export function noTagsRemote(configText: string): string | undefined {
  const remotes = [...configText.matchAll(/^\s*\[\s*remote\s+"((?:[^"\\]|\\.)*)"\s*\]/gim)].map((match) => match[1] ?? "");
  return remotes.find((remote) => gitConfigValue(configText, `remote.${remote}.tagopt`) === "--no-tags");
}

/** GitSnapshot.partialTags from what the repository says of itself. */
export function partialTagsReason(shallow: boolean, noTags: string | undefined): string | undefined {
  if (shallow) return "the repository is a shallow clone, which fetches only some tags (git fetch --unshallow --tags fetches the rest)";
  if (noTags !== undefined) return `remote ${noTags} is set to fetch no tags (remote.${noTags}.tagOpt=--no-tags; git fetch --tags ${noTags} fetches them)`;
  return undefined;
}
