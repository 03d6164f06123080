import { quoteOutput, type ContainerSession } from "@imgs/runner";
import type { PackageRow } from "../types.js";
import {
  parseAptList,
  parseCondaList,
  parseJuliaStatus,
  parseOsRelease,
  parsePipList,
  parseRPackages,
  parseSparkVersion,
} from "./parse-outputs.js";

/** A command whose quoted output lists packages, and how to read it. */
interface PackageCommand {
  readonly pattern: RegExp;
  readonly parse: (body: string) => PackageRow[];
}

// One table for both directions: the built-ins read their rows through it, and manifests written
// before (by imgs or any docker-stacks version) are read back through it, matched by command.
const PACKAGE_COMMANDS: readonly PackageCommand[] = [
  { pattern: /^apt list --installed\b/, parse: parseAptList },
  { pattern: /^(?:micromamba|mamba|conda) list\b/, parse: parseCondaList },
  { pattern: /\bpip3? list\b/, parse: parsePipList },
  { pattern: /\binstalled\.packages\(/, parse: parseRPackages },
  { pattern: /\bPkg\.status\(\)/, parse: parseJuliaStatus },
  { pattern: /\bspark-submit --version$/, parse: parseSparkVersion },
  { pattern: /^cat \/etc\/os-release$/, parse: parseOsRelease },
];

/**
 * The package rows of a quoted output, read by the command that printed it; undefined when the
 * command lists no packages imgs knows how to read (e.g. `conda info`).
 *
 * @example packagesOfOutput("apt list --installed", "Listing...\nbash/stable,now 5.2.15-2 amd64 [installed]")
 */
export function packagesOfOutput(command: string, body: string): PackageRow[] | undefined {
  return PACKAGE_COMMANDS.find((c) => c.pattern.test(command))?.parse(body);
}

/** A quoted section and the package rows read from the same lines. */
export interface QuotedPackages {
  readonly section: string;
  readonly packages: readonly PackageRow[];
}

/** Runs a package-listing command: its quoted Markdown, and the rows read from the quoted lines. */
export async function quotedPackages(container: ContainerSession, command: string): Promise<QuotedPackages> {
  const { markdown, body } = await quoteOutput(container, command);
  return { section: markdown, packages: packagesOfOutput(command, body) ?? [] };
}
