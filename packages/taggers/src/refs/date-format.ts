import { createRequire } from "node:module";
import type momentTimezone from "moment-timezone";

// Loaded on the first date, so commands that format none do not pay for the time-zone data.
const requireCjs = createRequire(import.meta.url);
let loaded: typeof momentTimezone | undefined;
const moment = (): typeof momentTimezone => (loaded ??= requireCjs("moment-timezone") as typeof momentTimezone);

/**
 * Format an instant in an IANA zone as metadata-action's `{{date}}` and `{{commit_date}}` helpers
 * do: `moment(instant).tz(zone).format(format)` with moment-timezone (src/meta.ts), so every
 * token, the `en` locale and the zone abbreviations (`z`) are moment's own. An undefined or empty
 * format gives moment's default ISO form.
 *
 * @throws RangeError for a zone moment-timezone does not know (metadata-action would silently use
 *   the runner's own zone)
 * @example formatDate(Date.parse("2020-01-10T00:30:00Z"), "YYYYMMDD-HHmm", "Europe/Paris") // "20200110-0130"
 */
export function formatDate(epochMs: number, format: string | undefined, zone = "UTC"): string {
  const lib = moment();
  if (lib.tz.zone(zone) === null) throw new RangeError(`unknown time zone ${JSON.stringify(zone)}`);
  return lib(epochMs).tz(zone).format(format);
}
