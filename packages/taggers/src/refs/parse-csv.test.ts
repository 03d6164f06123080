import { describe, expect, it } from "vitest";
import { parseCsvRecord } from "./parse-csv.js";

describe("parseCsvRecord", () => {
  it.each([
    ["type=raw,value=foo", ["type=raw", "value=foo"]],
    ["single", ["single"]],
    ['type=raw,"value=a,b"', ["type=raw", "value=a,b"]],
    ['"say ""hi"""', ['say "hi"']],
    ["a,,b", ["a", "", "b"]],
    ["trailing,", ["trailing", ""]],
    [" spaced , kept ", [" spaced ", " kept "]],
    ["first\nsecond,record", ["first"]],
    ["\n\nafter,blank", ["after", "blank"]],
    ['"multi\nline",x', ["multi\nline", "x"]],
  ])("splits %j into %j", (line, fields) => {
    expect(parseCsvRecord(line)).toEqual({ ok: true, fields });
  });

  it.each([
    ["", "the line is empty"],
    ["\n", "the line is empty"],
    ['value=a"b', "a quote inside unquoted field 1 (quote the whole field and double inner quotes)"],
    ['type=raw, "value=x"', "a quote inside unquoted field 2 (quote the whole field and double inner quotes)"],
    ['"open', "a quoted field is never closed"],
    ['"closed"x,y', 'unexpected "x" after the closing quote of field 1'],
  ])("rejects %j: %s", (line, reason) => {
    expect(parseCsvRecord(line)).toEqual({ ok: false, reason });
  });
});
