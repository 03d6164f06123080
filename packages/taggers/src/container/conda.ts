import { UnparsableOutputError } from "./errors.js";
import { defineTagger } from "./define-tagger.js";
import { run, wordOf } from "./output.js";

const CONDA_VERSION = "conda --version";
const MAMBA_VERSION = "mamba --version";

/** "conda": "conda-" + the second word of `conda --version` ("conda 24.11.3"), e.g. "conda-24.11.3". */
export const condaTagger = defineTagger("conda", async (ctx) => {
  return `conda-${wordOf(await run(ctx, CONDA_VERSION), 1, CONDA_VERSION, "the conda version")}`;
});

/**
 * "mamba": "mamba-" + the output of `mamba --version`, which mamba 2 prints as a bare "2.0.5"
 * (docker-stacks); mamba 1 prints "mamba 1.5.8\nconda 24.3.0", read from its "mamba" line.
 */
export const mambaTagger = defineTagger("mamba", async (ctx) => {
  const output = await run(ctx, MAMBA_VERSION);
  const version = /^\S+$/.test(output.trim()) ? output.trim() : /^mamba (\S+)$/m.exec(output)?.[1];
  if (!version) throw new UnparsableOutputError(MAMBA_VERSION, output, 'a bare version or a "mamba <version>" line');
  return `mamba-${version}`;
});
