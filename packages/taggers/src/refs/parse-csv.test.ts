import { describe, expect, it } from "vitest";
import { parseCsvRecord, readInputList } from "./parse-csv.js";

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
  ])("splits %j into %j", (line, fields) => {
    expect(parseCsvRecord(line)).toEqual({ ok: true, fields });
  });

  it.each([
    ["", "the line is empty"],
    ["\n", "the line is empty"],
    ['value=a"b', 'Invalid Opening Quote: a quote is found on field 0 at line 1, value is "value=a"'],
    ['"open', "Quote Not Closed: the parsing is finished with an opening quote at line 1"],
    ['"closed"x,y', 'Invalid Closing Quote: got "x" at line 1 instead of delimiter, record delimiter, trimable character (if activated) or comment'],
  ])("rejects %j with csv-parse's message %j", (line, reason) => {
    expect(parseCsvRecord(line)).toEqual({ ok: false, reason });
  });
});

describe("readInputList", () => {
  it.each([
    [["type=ref,event=branch", "type=sha"], ["type=ref,event=branch", "type=sha"]],
    [["# a comment", "", "  type=sha  "], ["type=sha"]],
    [["type=ref,event=branch\ntype=sha"], ["type=ref,event=branch", "type=sha"]],
    [['type=raw,"value=a,b"'], ["type=raw,value=a,b"]],
    [['"type=raw,value=a"'], ["type=raw,value=a"]],
    [['type=raw,value=a"b'], ['type=raw,value=a"b']],
    [["type=raw,value=x # not a comment"], ["type=raw,value=x # not a comment"]],
    [[], []],
  ])("reads %j as the items %j", (lines, items) => {
    expect(readInputList(lines)).toEqual({ ok: true, fields: items });
  });

  it("gives csv-parse's message for a quote that is never closed", () => {
    expect(readInputList(['"type=raw'])).toEqual({ ok: false, reason: "Quote Not Closed: the parsing is finished with an opening quote at line 1" });
  });
});
