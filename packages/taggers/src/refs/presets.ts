/** A named tagging scheme: tag rules (and flavor lines) that a `preset=<name>` line stands for. */
export interface PresetDefinition {
  readonly name: string;
  /** One line for help texts. */
  readonly description: string;
  /** Rule lines for CI builds. */
  readonly rules: readonly string[];
  /** Rule lines used instead when the context is a local build (`context.local`); default: `rules`. */
  readonly localRules?: readonly string[];
  /** Flavor lines put before the user's own, so the user's flavor still wins. */
  readonly flavor?: readonly string[];
}

/** The built-in presets: the tagging schemes of the seed teams, in metadata-action rules. */
export const PRESETS: readonly PresetDefinition[] = [
  {
    name: "ltd-keeper",
    description:
      "lsst-sqre/ltd-keeper: X.Y.Z from a semver release tag, latest from the default branch, other branches by name " +
      "(tickets/DM-1234 -> tickets-DM-1234); `build` for a local build",
    rules: [
      "type=semver,pattern={{version}}",
      "type=ref,event=branch,enable={{is_not_default_branch}}",
      "type=raw,value=latest,enable={{is_default_branch}}",
    ],
    localRules: ["type=raw,value=build"],
    // Releases must not move latest: it follows the default branch only.
    flavor: ["latest=false"],
  },
  {
    name: "marketplace",
    description: "digitalmarketplace: the git short hash (7 characters), plus latest on the default branch",
    rules: ["type=sha,prefix=", "type=raw,value=latest,enable={{is_default_branch}},priority=50"],
  },
  {
    name: "cyber-dojo",
    description: "cyber-dojo: the first 7 characters of the commit sha, plus latest on every build",
    rules: ["type=sha,prefix=,length=7", "type=raw,value=latest,priority=50"],
  },
  {
    name: "docker-stacks",
    description: "jupyter/docker-stacks: the first 12 characters of the commit sha",
    rules: ["type=sha,prefix=,length=12"],
  },
];

/** The built-in presets with their descriptions, for help texts. */
export function listPresets(): readonly PresetDefinition[] {
  return PRESETS;
}

/** The preset of that name (case-insensitive), or undefined. */
export function findPreset(name: string): PresetDefinition | undefined {
  const wanted = name.trim().toLowerCase();
  return PRESETS.find((preset) => preset.name === wanted);
}
