/** A week number and the year that week belongs to. */
export interface WeekOfYear {
  readonly week: number;
  readonly year: number;
}

/** The ISO week rules (weeks start on Monday; week 1 holds January 4th). */
export const ISO_WEEK = { dow: 1, doy: 4 } as const;
/** moment's `en` locale week rules (weeks start on Sunday; week 1 holds January 1st). */
export const EN_WEEK = { dow: 0, doy: 6 } as const;

const daysInYear = (year: number): number => ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365);

/** The day of the year (1-based) of a wall-clock date read through its UTC fields. */
export function dayOfYear(wall: Date): number {
  const start = Date.UTC(wall.getUTCFullYear(), 0, 1);
  const day = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  return Math.round((day - start) / 86_400_000) + 1;
}

// moment's firstWeekOffset: where week 1 starts relative to January 1st, in days.
function firstWeekOffset(year: number, dow: number, doy: number): number {
  const fwd = 7 + dow - doy;
  const fwdlw = (7 + new Date(Date.UTC(year, 0, fwd)).getUTCDay() - dow) % 7;
  return -fwdlw + fwd - 1;
}

function weeksInYear(year: number, dow: number, doy: number): number {
  return (daysInYear(year) - firstWeekOffset(year, dow, doy) + firstWeekOffset(year + 1, dow, doy)) / 7;
}

/**
 * The week of the year of a wall-clock date under the given rules, as moment computes it (so the
 * `w`/`W` and `gggg`/`GGGG` tokens match moment's output, including around New Year).
 *
 * @example weekOfYear(new Date("2021-01-01T00:00:00Z"), ISO_WEEK) // { week: 53, year: 2020 }
 */
export function weekOfYear(wall: Date, rules: { readonly dow: number; readonly doy: number }): WeekOfYear {
  const year = wall.getUTCFullYear();
  const week = Math.floor((dayOfYear(wall) - firstWeekOffset(year, rules.dow, rules.doy) - 1) / 7) + 1;
  if (week < 1) return { week: week + weeksInYear(year - 1, rules.dow, rules.doy), year: year - 1 };
  const weeks = weeksInYear(year, rules.dow, rules.doy);
  if (week > weeks) return { week: week - weeks, year: year + 1 };
  return { week, year };
}
