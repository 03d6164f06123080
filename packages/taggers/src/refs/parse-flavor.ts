import { RefFlavorInvalidError } from "./errors.js";
import { splitKeepingTwo } from "./fields.js";
import { parseCsvRecord } from "./parse-csv.js";
import type { Flavor } from "./types.js";

/** The flavor when no line sets anything: auto latest, no prefix or suffix. */
export const DEFAULT_FLAVOR: Flavor = { latest: "auto", prefix: "", prefixLatest: false, suffix: "", suffixLatest: false };

/**
 * Parse metadata-action's `flavor` lines: `latest=auto|true|false`, `prefix=`, `suffix=`, and
 * `onlatest=true|false` which applies to the prefix or suffix set just before it on the same line.
 * Later lines override earlier ones. Throws RefFlavorInvalidError on anything else.
 *
 * @example parseFlavor(["latest=false", "suffix=-dev,onlatest=true"]) // { latest: "false", suffix: "-dev", suffixLatest: true, … }
 */
export function parseFlavor(lines: readonly string[]): Flavor {
  let flavor = DEFAULT_FLAVOR;
  for (const line of lines) {
    const record = parseCsvRecord(line);
    if (!record.ok) throw new RefFlavorInvalidError(line, record.reason);
    // onlatest refers to the most recent prefix/suffix of this line only.
    let onlatestFor: "prefix" | "suffix" | undefined;
    for (const raw of record.fields) {
      const field = splitKeepingTwo(raw);
      if (field.key === undefined) throw new RefFlavorInvalidError(line, `entry ${JSON.stringify(raw)} has no "="`);
      const { key, value } = field;
      switch (key) {
        case "latest":
          if (value !== "auto" && value !== "true" && value !== "false") {
            throw new RefFlavorInvalidError(line, `latest must be auto, true or false, not ${JSON.stringify(value)}`, "latest");
          }
          flavor = { ...flavor, latest: value };
          break;
        case "prefix":
          flavor = { ...flavor, prefix: value };
          onlatestFor = "prefix";
          break;
        case "suffix":
          flavor = { ...flavor, suffix: value };
          onlatestFor = "suffix";
          break;
        case "onlatest":
          if (value !== "true" && value !== "false") {
            throw new RefFlavorInvalidError(line, `onlatest must be true or false, not ${JSON.stringify(value)}`, "onlatest");
          }
          if (onlatestFor === "prefix") flavor = { ...flavor, prefixLatest: value === "true" };
          if (onlatestFor === "suffix") flavor = { ...flavor, suffixLatest: value === "true" };
          break;
        default:
          throw new RefFlavorInvalidError(line, `unknown flavor key ${JSON.stringify(key)} (expected latest, prefix, suffix, onlatest)`, key);
      }
    }
  }
  return flavor;
}
