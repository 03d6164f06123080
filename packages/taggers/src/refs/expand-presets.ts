import { UnknownPresetError } from "./errors.js";
import { splitAtFirstEquals } from "./fields.js";
import { parseCsvRecord } from "./parse-csv.js";
import type { RuleLine } from "./parse-rule.js";
import { findPreset, PRESETS } from "./presets.js";

/** Options of expandPresets. */
export interface ExpandPresetsOptions {
  /** Use the presets' local-build rules (a build on a developer machine). */
  readonly local?: boolean | undefined;
  /** The user's flavor lines; the presets' flavor lines are put before them. */
  readonly flavor?: readonly string[] | undefined;
}

/** Tag rules and flavor after preset expansion. */
export interface ExpandedPresets {
  /** Rule lines, each preset line replaced in place by its rules. */
  readonly tags: string[];
  /** The same lines with the preset each came from (undefined for the user's own lines). */
  readonly rules: RuleLine[];
  /** The presets' flavor lines followed by the user's. */
  readonly flavor: string[];
}

/**
 * The preset a line names when its only field is `preset=<name>`, else undefined. Such a line is
 * always an error for metadata-action (a raw rule without value), so the syntax cannot clash.
 */
export function presetNameOf(line: string): string | undefined {
  const record = parseCsvRecord(line);
  if (!record.ok || record.fields.length !== 1) return undefined;
  const field = splitAtFirstEquals(record.fields[0] ?? "");
  return field.key === "preset" ? field.value : undefined;
}

/**
 * Replace each `preset=<name>` line by the preset's rules, in place, so users can list presets and
 * add rules of their own around them. Throws UnknownPresetError for a name that is not built in.
 *
 * @example expandPresets(["preset=docker-stacks", "type=ref,event=branch"]).tags // ["type=sha,prefix=,length=12", "type=ref,event=branch"]
 */
export function expandPresets(lines: readonly string[], options: ExpandPresetsOptions = {}): ExpandedPresets {
  const rules: RuleLine[] = [];
  const presetFlavor: string[] = [];
  for (const line of lines) {
    const name = presetNameOf(line);
    if (name === undefined) {
      rules.push({ line });
      continue;
    }
    const preset = findPreset(name);
    if (preset === undefined) throw new UnknownPresetError(name, line, PRESETS.map((known) => known.name));
    const expanded = options.local === true ? (preset.localRules ?? preset.rules) : preset.rules;
    rules.push(...expanded.map((rule) => ({ line: rule, preset: preset.name })));
    presetFlavor.push(...(preset.flavor ?? []));
  }
  return { tags: rules.map((rule) => rule.line), rules, flavor: [...presetFlavor, ...(options.flavor ?? [])] };
}
