import { inZone, type ZonedInstant } from "./time-zone.js";
import { dayOfYear, EN_WEEK, ISO_WEEK, weekOfYear } from "./week-of-year.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// moment's `en` long date formats, expanded before the other tokens.
const LONG_FORMATS: Readonly<Record<string, string>> = {
  LTS: "h:mm:ss A",
  LT: "h:mm A",
  L: "MM/DD/YYYY",
  LL: "MMMM D, YYYY",
  LLL: "MMMM D, YYYY h:mm A",
  LLLL: "dddd, MMMM D, YYYY h:mm A",
  l: "M/D/YYYY",
  ll: "MMM D, YYYY",
  lll: "MMM D, YYYY h:mm A",
  llll: "ddd, MMM D, YYYY h:mm A",
};
const LONG_TOKENS = /(\[[^[]*\])|(\\)?(LTS|LT|LL?L?L?|l{1,4})/g;
// The same alternation as moment's formatting tokens, longest first; `.` takes any other character.
const TOKENS =
  /(\[[^[]*\])|(\\)?([Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|.)/g;

const pad = (value: number, width: number): string => {
  const digits = String(Math.abs(value)).padStart(width, "0");
  return value < 0 ? `-${digits}` : digits;
};
const ordinal = (n: number): string => {
  const tens = Math.floor((n % 100) / 10);
  const last = n % 10;
  return `${n}${tens === 1 ? "th" : last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th"}`;
};
const offset = (minutes: number, separator: string): string => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
};

function tokenValue(token: string, z: ZonedInstant): string | undefined {
  const w = z.wall;
  const year = w.getUTCFullYear();
  const month = w.getUTCMonth();
  const hour = w.getUTCHours();
  const ms = w.getUTCMilliseconds();
  const h12 = hour % 12 || 12;
  const hhmm = (h: number): string => `${h}${pad(w.getUTCMinutes(), 2)}`;
  switch (token) {
    case "YYYYYY": return (year < 0 ? "-" : "+") + pad(Math.abs(year), 6);
    case "YYYYY": return pad(year, 5);
    case "YYYY": return pad(year, 4);
    case "YY": return pad(Math.abs(year) % 100, 2);
    case "Y": return year <= 9999 ? pad(year, 4) : `+${year}`;
    case "y": case "yo": return token === "y" ? String(year) : ordinal(year);
    case "yy": case "yyy": case "yyyy": return pad(year, token.length);
    case "N": case "NN": case "NNN": case "NNNNN": return year > 0 ? "AD" : "BC";
    case "NNNN": return year > 0 ? "Anno Domini" : "Before Christ";
    case "Q": case "Qo": return token === "Q" ? String(Math.floor(month / 3) + 1) : ordinal(Math.floor(month / 3) + 1);
    case "M": return String(month + 1);
    case "Mo": return ordinal(month + 1);
    case "MM": return pad(month + 1, 2);
    case "MMM": return (MONTHS[month] ?? "").slice(0, 3);
    case "MMMM": return MONTHS[month];
    case "D": return String(w.getUTCDate());
    case "Do": return ordinal(w.getUTCDate());
    case "DD": return pad(w.getUTCDate(), 2);
    case "DDD": return String(dayOfYear(w));
    case "DDDo": return ordinal(dayOfYear(w));
    case "DDDD": return pad(dayOfYear(w), 3);
    case "d": case "e": return String(w.getUTCDay());
    case "do": return ordinal(w.getUTCDay());
    case "dd": return (WEEKDAYS[w.getUTCDay()] ?? "").slice(0, 2);
    case "ddd": return (WEEKDAYS[w.getUTCDay()] ?? "").slice(0, 3);
    case "dddd": return WEEKDAYS[w.getUTCDay()];
    case "E": return String(w.getUTCDay() || 7);
    case "w": case "wo": case "ww": return weekToken(token, weekOfYear(w, EN_WEEK).week);
    case "W": case "Wo": case "WW": return weekToken(token, weekOfYear(w, ISO_WEEK).week);
    case "gg": case "gggg": case "ggggg": return weekYear(token, weekOfYear(w, EN_WEEK).year);
    case "GG": case "GGGG": case "GGGGG": return weekYear(token, weekOfYear(w, ISO_WEEK).year);
    case "H": case "HH": return pad(hour, token.length);
    case "h": case "hh": return pad(h12, token.length);
    case "k": case "kk": return pad(hour || 24, token.length);
    case "Hmm": return hhmm(hour);
    case "Hmmss": return `${hhmm(hour)}${pad(w.getUTCSeconds(), 2)}`;
    case "hmm": return hhmm(h12);
    case "hmmss": return `${hhmm(h12)}${pad(w.getUTCSeconds(), 2)}`;
    case "a": return hour < 12 ? "am" : "pm";
    case "A": return hour < 12 ? "AM" : "PM";
    case "m": case "mm": return pad(w.getUTCMinutes(), token.length);
    case "s": case "ss": return pad(w.getUTCSeconds(), token.length);
    case "Z": return offset(z.offsetMinutes, ":");
    case "ZZ": return offset(z.offsetMinutes, "");
    case "z": case "zz": return z.abbreviation;
    case "X": return String(Math.floor(z.epochMs / 1000));
    case "x": return String(z.epochMs);
    default:
      // S, SS, … SSSSSSSSS: fractional seconds, from milliseconds, to that many digits.
      if (/^S{1,9}$/.test(token)) return pad(Math.floor((ms * 10 ** 6) / 10 ** (9 - token.length)), token.length);
      return undefined;
  }
}

const weekToken = (token: string, week: number): string => (token.endsWith("o") ? ordinal(week) : pad(week, token.length));
const weekYear = (token: string, year: number): string => (token.length === 2 ? pad(year % 100, 2) : pad(year, token.length));

/**
 * Format an instant with moment.js format tokens in an IANA zone, as metadata-action's `{{date}}`
 * and `{{commit_date}}` do (moment-timezone, `en` locale). A missing or empty format gives moment's
 * default ISO form, whose offset reads `Z` when it is zero. Throws RangeError for an unknown zone.
 *
 * @example formatDate(Date.parse("2020-01-10T00:30:00Z"), "YYYYMMDD-HHmm", "Europe/Paris") // "20200110-0130"
 */
export function formatDate(epochMs: number, format: string | undefined, zone = "UTC"): string {
  const zoned = inZone(epochMs, zone);
  let pattern = format || (zoned.offsetMinutes === 0 ? "YYYY-MM-DDTHH:mm:ss[Z]" : "YYYY-MM-DDTHH:mm:ssZ");
  // moment expands long formats repeatedly (up to 5 times) so nested ones resolve too.
  for (let pass = 0; pass < 5 && new RegExp(LONG_TOKENS.source).test(pattern); pass++) {
    pattern = pattern.replace(LONG_TOKENS, (match: string, _bracket?: string, escaped?: string, name?: string) =>
      name !== undefined && escaped === undefined ? (LONG_FORMATS[name] ?? match) : match,
    );
  }
  return pattern.replace(TOKENS, (match: string, bracket?: string, escaped?: string, token?: string) => {
    if (bracket !== undefined) return bracket.slice(1, -1);
    if (escaped !== undefined || token === undefined) return token ?? match;
    return tokenValue(token, zoned) ?? token;
  });
}
