import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded on first use rather than when the package is imported: importing
 * @imgs/runner (as the taggers do for exec helpers) must not load dockerode, ssh2 and tar for a
 * command such as `imgs refs` that never talks to an engine.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
