// ICU gives a zone's letters only in locales where they are in common use; moment-timezone always
// has them (tzdb). These locales cover the abbreviations tzdb and ICU agree on (CET, EST, IST, JST…).
const ABBREVIATION_LOCALES = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN", "en-NZ", "en-ZA", "en-IE", "ja-JP"];

/** The zone's short name as moment-timezone prints it: letters when known, else `+HH`/`+HHMM`. */
function abbreviationOf(epochMs: number, zone: string, offsetMinutes: number): string {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(epochMs)
      .find((p) => p.type === "timeZoneName")?.value;
    if (name !== undefined && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, "0");
  const minutes = abs % 60 === 0 ? "" : String(abs % 60).padStart(2, "0");
  return `${offsetMinutes < 0 ? "-" : "+"}${hours}${minutes}`;
}

/** An instant seen in an IANA time zone: its UTC offset and the zone's short name at that instant. */
export interface ZonedInstant {
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** Minutes to add to UTC to get the zone's wall clock (e.g. 60 for Europe/Paris in winter). */
  readonly offsetMinutes: number;
  /** Short zone name as moment-timezone prints it, e.g. `UTC`, `EST`, `CET`, `+1345`. */
  readonly abbreviation: string;
  /** A Date whose UTC fields are the zone's wall clock: read it with getUTC* only. */
  readonly wall: Date;
}

/**
 * Resolve an instant in an IANA zone with the platform's ICU data (Node ships full ICU), so no
 * time-zone database has to be bundled. Throws RangeError for a zone ICU does not know.
 *
 * @example inZone(Date.parse("2020-01-10T00:30:00Z"), "Asia/Tokyo").offsetMinutes // 540
 */
export function inZone(epochMs: number, zone: string): ZonedInstant {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }).formatToParts(epochMs);
  } catch (error) {
    throw new RangeError(`unknown time zone ${JSON.stringify(zone)}`, { cause: error });
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  const number = (type: Intl.DateTimeFormatPartTypes): number => Number(part(type));
  // ICU writes years before 1 CE as positive numbers with era "BC"; astronomical numbering has a year 0.
  const year = part("era") === "BC" ? 1 - number("year") : number("year");
  const wallUtc = Date.UTC(year, number("month") - 1, number("day"), number("hour"), number("minute"), number("second"));
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  // Date.UTC treats years 0–99 as 1900–1999, so rebuild those through setUTCFullYear.
  const fixedWall = year >= 0 && year < 100 ? new Date(wallUtc).setUTCFullYear(year) : wallUtc;
  const offsetMinutes = Math.round((fixedWall - wholeSecond) / 60_000);
  const abbreviation = zone.toUpperCase() === "UTC" ? "UTC" : abbreviationOf(epochMs, zone, offsetMinutes);
  return { epochMs, offsetMinutes, abbreviation, wall: new Date(epochMs + offsetMinutes * 60_000) };
}
