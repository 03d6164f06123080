import { ExecFailedError } from "@imgs/runner";
import type { Tagger, TagContext } from "../types.js";
import { InvalidTaggerSpecError, UnparsableOutputError } from "./errors.js";
import { defineTagger } from "./define-tagger.js";
import { pipShowVersion, run } from "./output.js";
import { packagePrefix } from "./package-prefix.js";
import type { PackageTaggerOptions } from "./package-prefix.js";

/** A PyPI project name as PEP 508 allows it; anything else is refused before it reaches a command. */
const PIP_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** The version `pip show <name>` reports. */
async function pipVersion(ctx: TagContext, name: string): Promise<string> {
  const command = ["pip", "show", name];
  return pipShowVersion(await run(ctx, command), command);
}

/**
 * "pip-package(<name>)": "<name>-<version>" from `pip show <name>`, with a PEP 440 local part
 * ("+cu121") dropped since "+" cannot appear in a tag, e.g. pipPackageTagger("numpy") -> "numpy-2.1.3".
 */
export function pipPackageTagger(name: string, options: PackageTaggerOptions = {}): Tagger {
  if (typeof name !== "string" || !PIP_NAME.test(name)) {
    throw new InvalidTaggerSpecError(name, "pip-package needs a Python package name (letters, digits, . _ -)");
  }
  const prefix = packagePrefix(name, options);
  return defineTagger(`pip-package(${name})`, async (ctx) => {
    const version = await pipVersion(ctx, name);
    return `${prefix}-${version.split("+")[0] ?? version}`;
  });
}

/** "tensorflow": "tensorflow-" + the pip version of tensorflow, else of tensorflow-cpu, e.g. "tensorflow-2.16.1". */
export const tensorflowTagger = defineTagger("tensorflow", async (ctx) => {
  try {
    return `tensorflow-${await pipVersion(ctx, "tensorflow")}`;
  } catch (error) {
    // docker-stacks falls back when `pip show tensorflow` fails or prints no version.
    if (!(error instanceof ExecFailedError || error instanceof UnparsableOutputError)) throw error;
    return `tensorflow-${await pipVersion(ctx, "tensorflow-cpu")}`;
  }
});

/** "pytorch": "pytorch-" + the pip version of torch without its local part, e.g. "2.3.1+cu121" -> "pytorch-2.3.1". */
export const pytorchTagger = defineTagger("pytorch", async (ctx) => {
  const version = await pipVersion(ctx, "torch");
  return `pytorch-${version.split("+")[0] ?? version}`;
});
