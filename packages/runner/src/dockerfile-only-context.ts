import type { Readable } from "node:stream";
import type { pack as packType } from "tar-stream";
import { lazyRequire } from "./lazy-require.js";

const loadTarStream = lazyRequire<{ pack: typeof packType }>("tar-stream");

/** The name a Dockerfile given as text has in its archive, as `docker build - < Dockerfile` sends it. */
export const TEXT_DOCKERFILE_NAME = "Dockerfile";

/**
 * A build context that holds only a Dockerfile given as text (`docker build -`): for builds that
 * copy nothing, such as one that adds metadata to an image FROM another. Nothing is read from disk.
 */
export function packDockerfileOnly(text: string): Readable {
  const archive = loadTarStream().pack();
  archive.entry({ name: TEXT_DOCKERFILE_NAME, mode: 0o644, mtime: new Date(0) }, text);
  archive.finalize();
  return archive;
}
