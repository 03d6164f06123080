import type { TagContext } from "../types.js";
import { UnparsableOutputError } from "./errors.js";
import { defineTagger } from "./define-tagger.js";
import { run, wordOf } from "./output.js";

const PYTHON_VERSION = "python --version";

/** The full Python version: the second word of `python --version` ("Python 3.12.4"). */
async function pythonVersion(ctx: TagContext): Promise<string> {
  return wordOf(await run(ctx, PYTHON_VERSION), 1, PYTHON_VERSION, "the Python version");
}

/** "python": "python-" + the full version, e.g. "python-3.12.4". */
export const pythonTagger = defineTagger("python", async (ctx) => `python-${await pythonVersion(ctx)}`);

/** "python-major-minor": the python tag up to its last dot, e.g. "python-3.12". */
export const pythonMajorMinorTagger = defineTagger("python-major-minor", async (ctx) => {
  const version = await pythonVersion(ctx);
  const dot = version.lastIndexOf(".");
  if (dot < 0) throw new UnparsableOutputError(PYTHON_VERSION, `Python ${version}`, "a dotted Python version");
  return `python-${version.slice(0, dot)}`;
});
