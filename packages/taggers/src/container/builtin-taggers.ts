import type { Tagger } from "../types.js";
import { aptPackageTagger } from "./apt.js";
import { commandTagger } from "./command-tagger.js";
import type { CommandTaggerOptions } from "./command-tagger.js";
import { condaTagger, mambaTagger } from "./conda.js";
import { commitShaTagger, dateTagger } from "./git-and-clock.js";
import { jupyterHubTagger, jupyterLabTagger, jupyterNotebookTagger } from "./jupyter.js";
import { javaTagger, juliaTagger, nodeTagger, rTagger } from "./languages.js";
import { osVersionTagger, ubuntuVersionTagger } from "./os-release.js";
import { pipPackageTagger, pytorchTagger, tensorflowTagger } from "./pip.js";
import { pythonMajorMinorTagger, pythonTagger } from "./python.js";
import { sparkTagger } from "./spark.js";

const all: readonly Tagger[] = [
  commitShaTagger, dateTagger, ubuntuVersionTagger, pythonMajorMinorTagger, pythonTagger, mambaTagger,
  condaTagger, jupyterNotebookTagger, jupyterLabTagger, jupyterHubTagger, rTagger, juliaTagger,
  tensorflowTagger, pytorchTagger, sparkTagger, javaTagger, osVersionTagger, nodeTagger,
];

/** Every built-in tagger by the name configs use ("python", "commit-sha", …), in docker-stacks order. */
export const builtinTaggers: Readonly<Record<string, Tagger>> = Object.freeze(Object.fromEntries(all.map((t) => [t.name, t])));

/** A parameterised tagger a config selects with an object holding `key`, e.g. { "pip-package": "numpy" }. */
export interface TaggerFactory {
  /** The key that selects this factory. */
  readonly key: string;
  /** Every key the spec object may hold, `key` included. */
  readonly keys: readonly string[];
  readonly summary: string;
  readonly example: Readonly<Record<string, unknown>>;
  /** Make the tagger from a spec object holding `key`; throws InvalidTaggerSpecError. */
  create(spec: Readonly<Record<string, unknown>>): Tagger;
}

// Values are checked by the factories themselves; only `prefix`'s type is checked here.
const prefixOf = (spec: Readonly<Record<string, unknown>>) => ({ prefix: spec.prefix as string | undefined });

/** The parameterised taggers by spec key: "pip-package", "apt-package" and "command". */
export const taggerFactories: Readonly<Record<string, TaggerFactory>> = Object.freeze({
  "pip-package": {
    key: "pip-package",
    keys: ["pip-package", "prefix"],
    summary: '"<name>-<version>" of a Python package, from `pip show <name>`',
    example: { "pip-package": "numpy" },
    create: (spec) => pipPackageTagger(spec["pip-package"] as string, prefixOf(spec)),
  },
  "apt-package": {
    key: "apt-package",
    keys: ["apt-package", "prefix"],
    summary: '"<name>-<upstream version>" of an installed Debian package, from dpkg-query',
    example: { "apt-package": "curl" },
    create: (spec) => aptPackageTagger(spec["apt-package"] as string, prefixOf(spec)),
  },
  command: {
    key: "command",
    keys: ["command", "pattern", "template", "flags", "name", "timeoutMs"],
    summary: "runs a command, matches a regular expression in its output and fills a $1/$<name> template",
    example: { command: "jq --version", pattern: "^jq-(\\S+)", template: "jq-$1" },
    create: (spec) => commandTagger(spec as unknown as CommandTaggerOptions),
  },
} satisfies Record<string, TaggerFactory>);
