import { posix } from "node:path";
import type ignoreFactory from "@balena/dockerignore";
import { lazyRequire } from "./lazy-require.js";

const loadIgnore = lazyRequire<typeof ignoreFactory | { default: typeof ignoreFactory }>("@balena/dockerignore");
const ignore: typeof ignoreFactory = (options) => {
  const module = loadIgnore();
  return ("default" in module ? module.default : module)(options);
};

/** Which paths of a build context (relative, with "/") go to the engine. */
export interface ContextFilter {
  /** True when .dockerignore leaves the path out. */
  excludes(path: string): boolean;
  /** True when an excluded folder must still be walked, because an exception (`!pattern`) may keep something in it. */
  mayKeepInside(folder: string): boolean;
}

/** The patterns of a .dockerignore file, cleaned as the engine cleans them (moby's dockerignore.ReadAll). */
export function parseDockerignore(content: string): string[] {
  const patterns: string[] = [];
  for (const line of content.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (line.startsWith("#")) continue;
    let pattern = line.trim();
    const exception = pattern.startsWith("!");
    if (exception) pattern = pattern.slice(1).trim();
    if (pattern === "") continue;
    // Go's filepath.Clean: no "." or ".." parts, no trailing slash; a leading slash means the context root.
    pattern = posix.normalize(pattern).replace(/(.)\/$/, "$1");
    if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    patterns.push(exception ? `!${pattern}` : pattern);
  }
  return patterns;
}

/**
 * The filter of a build context, as the docker CLI applies it: the Dockerfile and .dockerignore
 * are always sent, even when a pattern matches them (the engine reads them, then drops them itself).
 */
export function createContextFilter(patterns: readonly string[], dockerfile: string): ContextFilter {
  const all = [...patterns];
  for (const file of [".dockerignore", dockerfile]) {
    if (ignore({ ignorecase: false }).add(all).ignores(file)) all.push(`!${file}`);
  }
  const matcher = ignore({ ignorecase: false }).add(all);
  const exceptions = all.filter((pattern) => pattern.startsWith("!")).map((pattern) => pattern.slice(1));
  return {
    excludes: (path) => matcher.ignores(path),
    // The CLI's rule: walk in only when an exception starts with this folder's path.
    mayKeepInside: (folder) => exceptions.some((pattern) => `${pattern}/`.startsWith(`${folder}/`)),
  };
}
