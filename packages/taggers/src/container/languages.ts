import { UnparsableOutputError } from "./errors.js";
import { defineTagger } from "./define-tagger.js";
import { run, soleWord, wordOf } from "./output.js";

const R_VERSION = "R --version";
const JULIA_VERSION = "julia --version";
const JAVA_VERSION = "java --version";
const NODE_VERSION = "node --version";

/** "r": "r-" + the third word of `R --version` ("R version 4.4.1 (2024-06-14) -- …"), e.g. "r-4.4.1". */
export const rTagger = defineTagger("r", async (ctx) => {
  return `r-${wordOf(await run(ctx, R_VERSION), 2, R_VERSION, "the R version")}`;
});

/** "julia": "julia-" + the third word of `julia --version` ("julia version 1.10.4"), e.g. "julia-1.10.4". */
export const juliaTagger = defineTagger("julia", async (ctx) => {
  return `julia-${wordOf(await run(ctx, JULIA_VERSION), 2, JULIA_VERSION, "the Julia version")}`;
});

/** "java": "java-" + the second word of `java --version` ("openjdk 17.0.11 2024-04-16"), e.g. "java-17.0.11". */
export const javaTagger = defineTagger("java", async (ctx) => {
  return `java-${wordOf(await run(ctx, JAVA_VERSION), 1, JAVA_VERSION, "the Java version")}`;
});

/** "node": "node-" + `node --version` without its "v" ("v20.11.1"), e.g. "node-20.11.1". */
export const nodeTagger = defineTagger("node", async (ctx) => {
  const output = await run(ctx, NODE_VERSION);
  const version = /^v(\S+)$/.exec(soleWord(output, NODE_VERSION, "the Node.js version"))?.[1];
  if (!version) throw new UnparsableOutputError(NODE_VERSION, output, 'a version like "v20.11.1"');
  return `node-${version}`;
});
