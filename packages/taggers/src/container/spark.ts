import { UnparsableOutputError } from "./errors.js";
import { defineTagger } from "./define-tagger.js";
import { run } from "./output.js";

const SPARK_VERSION = "spark-submit --version";
/** The banner line that ends with the version, as docker-stacks matches it. */
const VERSION_LINE_PREFIX = String.raw`   /___/ .__/\_,_/_/ /_/\_\   version`;

/**
 * "spark": "spark-" + the last word of the banner line of `spark-submit --version` (printed on
 * stderr) that starts with "   /___/ .__/\_,_/_/ /_/\_\   version", e.g. "spark-3.5.1".
 */
export const sparkTagger = defineTagger("spark", async (ctx) => {
  const output = await run(ctx, SPARK_VERSION);
  const line = output.split("\n").find((l) => l.startsWith(VERSION_LINE_PREFIX));
  const version = line?.split(" ").at(-1);
  if (!version) throw new UnparsableOutputError(SPARK_VERSION, output, "the Spark banner's version line");
  return `spark-${version}`;
});
