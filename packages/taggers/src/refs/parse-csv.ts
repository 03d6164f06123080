import { parse } from "csv-parse/sync";

/** The fields of one CSV record, or why the text is not one. */
export type CsvRecord = { readonly ok: true; readonly fields: readonly string[] } | { readonly ok: false; readonly reason: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The items of a list input (`tags`, `flavor`, `images`, `labels`, `annotations`), read as
 * metadata-action reads them: docker/actions-toolkit's `Util.getInputList(name, { ignoreComma:
 * true, comment: "#", commentNoInfix: true })`, i.e. the whole input trimmed, then csv-parse with
 * `relaxQuotes`, `relaxColumnCount`, `skipEmptyLines` and `#` comment lines; a record's fields are
 * joined again with `,` and each item is trimmed. So quotes are taken off here, before a line is
 * read as a rule: `type=raw,"value=a,b"` becomes `type=raw,value=a,b`.
 *
 * @example readInputList(["# comment", "type=ref,event=branch", ""]) // { ok: true, fields: ["type=ref,event=branch"] }
 */
export function readInputList(lines: readonly string[]): CsvRecord {
  const input = lines.join("\n").trim();
  if (input === "") return { ok: true, fields: [] };
  let records: string[][];
  try {
    records = parse(input, {
      columns: false,
      relaxQuotes: true,
      comment: "#",
      comment_no_infix: true,
      relaxColumnCount: true,
      skipEmptyLines: true,
    });
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
  const items = records.map((record) => record.join(",").trim());
  return { ok: true, fields: items.filter((item) => item !== "") };
}

/**
 * The first CSV record of one tag, flavor or image line, read as metadata-action reads it: csv-parse
 * with `relaxColumnCount` and `skipEmptyLines` and nothing else (its src/tag.ts, flavor.ts and
 * image.ts), the first record only. A line csv-parse refuses gives csv-parse's own message.
 *
 * @example parseCsvRecord("type=raw,value=a") // { ok: true, fields: ["type=raw", "value=a"] }
 */
export function parseCsvRecord(text: string): CsvRecord {
  let records: string[][];
  try {
    records = parse(text, { relaxColumnCount: true, skipEmptyLines: true });
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
  const [first] = records;
  // metadata-action would fail with a TypeError here; its input lists never hold an empty line.
  if (first === undefined) return { ok: false, reason: "the line is empty" };
  return { ok: true, fields: first };
}
