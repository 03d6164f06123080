import { describe, expect, it } from "vitest";
import { formatDate } from "./date-format.js";

// 2024-12-30 is a Monday; in ISO week terms it belongs to week 1 of 2025.
const AT = Date.parse("2024-12-30T22:05:09.042Z");

describe("formatDate", () => {
  it.each([
    ["YYYYMMDD", "UTC", "20241230"],
    ["YYYYMMDD", "Asia/Tokyo", "20241231"],
    ["YYYY-MM-DD HH:mm:ss.SSS", "America/New_York", "2024-12-30 17:05:09.042"],
    ["HHmm", "Asia/Kolkata", "0335"],
    ["HHmm", "Pacific/Chatham", "1150"],
    ["YY M D H m s S", "UTC", "24 12 30 22 5 9 0"],
    ["MMM MMMM Do ddd dddd", "UTC", "Dec December 30th Mon Monday"],
    ["h:mm a / hh A / kk", "UTC", "10:05 pm / 10 PM / 22"],
    ["GGGG-[W]WW-E", "UTC", "2025-W01-1"],
    ["gggg ww e", "UTC", "2025 01 1"],
    ["DDD DDDD Q", "UTC", "365 365 4"],
    ["Z ZZ", "Asia/Kolkata", "+05:30 +0530"],
    ["Z", "America/St_Johns", "-03:30"],
    ["X x", "UTC", "1735596309 1735596309042"],
    ["[YYYY is literal] YYYY", "UTC", "YYYY is literal 2024"],
    ["\\Y\\Y YYYY", "UTC", "YY 2024"],
    ["LL", "UTC", "December 30, 2024"],
    ["l LT", "UTC", "12/30/2024 10:05 PM"],
    ["z", "Europe/Paris", "CET"],
    ["z", "UTC", "UTC"],
    ["YYYY/MM/DD", "europe/paris", "2024/12/30"],
  ])("formats %j in %s as %j", (format, zone, expected) => {
    expect(formatDate(AT, format, zone)).toBe(expected);
  });

  it.each([
    [undefined, "UTC", "2024-12-30T22:05:09Z"],
    ["", "UTC", "2024-12-30T22:05:09Z"],
    [undefined, "Europe/London", "2024-12-30T22:05:09Z"],
    [undefined, "Europe/Paris", "2024-12-30T23:05:09+01:00"],
    [undefined, "America/Los_Angeles", "2024-12-30T14:05:09-08:00"],
  ])("falls back to moment's ISO form for format %j in %s", (format, zone, expected) => {
    expect(formatDate(AT, format, zone)).toBe(expected);
  });

  it("follows daylight saving time in the zone", () => {
    expect(formatDate(Date.parse("2024-07-01T12:00:00Z"), "HH Z z", "Europe/Paris")).toBe("14 +02:00 CEST");
  });

  it("throws RangeError for a zone that does not exist", () => {
    expect(() => formatDate(AT, "YYYY", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
