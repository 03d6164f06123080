import { formatGoG } from "./go-format-g.js";

// go-units' decimapAbbrs: decimal (1000-based) units, the spelling `docker images` prints.
const UNITS = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"] as const;

/**
 * An image size as `docker images --format '{{.Size}}'` prints it (go-units'
 * HumanSizeWithPrecision(size, 3)), which is what docker-stacks puts in the build info.
 *
 * @example formatImageSize(116667077) // "117MB"; formatImageSize(1984230) // "1.98MB"
 */
export function formatImageSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  // The same float64 divisions as getSizeAndUnit, so rounding happens on the same value.
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${formatGoG(size, 3)}${UNITS[unit] ?? "B"}`;
}
