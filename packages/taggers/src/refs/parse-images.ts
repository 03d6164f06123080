import { RefImageInvalidError } from "./errors.js";
import { splitKeepingTwo } from "./fields.js";
import { parseCsvRecord } from "./parse-csv.js";
import type { ImageSpec } from "./types.js";

function fieldsOf(line: string): readonly string[] {
  const record = parseCsvRecord(line);
  if (!record.ok) throw new RefImageInvalidError(line, record.reason);
  return record.fields;
}

/**
 * Parse metadata-action's `images` lines. A single line without any `key=value` field is a
 * comma-separated list of names (the action's original format); otherwise each line is one image:
 * bare fields or `name=` set the name, `enable=true|false` toggles it. Names are lower-cased;
 * duplicates are kept. Throws RefImageInvalidError on unknown keys, bad enable or empty names.
 *
 * @example parseImages(["ghcr.io/Org/App,org/app"]) // two enabled images, lower-cased
 */
export function parseImages(lines: readonly string[]): ImageSpec[] {
  const [only] = lines;
  if (lines.length === 1 && only !== undefined) {
    const fields = fieldsOf(only).map(splitKeepingTwo);
    if (fields.every((field) => field.key === undefined)) {
      return fields.map((field) => ({ name: field.value.toLowerCase(), enable: true }));
    }
  }
  return lines.map(parseImageLine);
}

function parseImageLine(line: string): ImageSpec {
  let name = "";
  let enable = true;
  for (const field of fieldsOf(line).map(splitKeepingTwo)) {
    if (field.key === undefined || field.key === "name") {
      name = field.value.toLowerCase();
    } else if (field.key === "enable") {
      if (field.value !== "true" && field.value !== "false") {
        throw new RefImageInvalidError(line, `enable must be true or false, not ${JSON.stringify(field.value)}`, "enable");
      }
      enable = field.value === "true";
    } else {
      throw new RefImageInvalidError(line, `unknown image attribute ${JSON.stringify(field.key)} (expected name, enable)`, field.key);
    }
  }
  if (name.length === 0) throw new RefImageInvalidError(line, "the image name is empty", "name");
  return { name, enable };
}
