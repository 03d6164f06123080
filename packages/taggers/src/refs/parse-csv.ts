/** The fields of one CSV record, or why the text is not one. */
export type CsvRecord = { readonly ok: true; readonly fields: readonly string[] } | { readonly ok: false; readonly reason: string };

/**
 * Parse the first CSV record of `text` the way metadata-action's csv-parse call does: comma
 * separator, `"` quoting with `""` as the escape, no trimming, empty lines skipped, and a quote
 * inside an unquoted field (or text after a closing quote) is an error rather than literal text.
 *
 * @example parseCsvRecord('type=raw,"value=a,b"') // { ok: true, fields: ["type=raw", "value=a,b"] }
 */
export function parseCsvRecord(text: string): CsvRecord {
  const fields: string[] = [];
  let field = "";
  let i = 0;
  // csv-parse skips empty lines, so leading line breaks never make an (empty) first record.
  while (text[i] === "\n" || text[i] === "\r") i++;
  if (i >= text.length) return { ok: false, reason: "the line is empty" };

  for (;;) {
    if (text[i] === '"') {
      const quoted = readQuoted(text, i + 1);
      if (typeof quoted === "string") return { ok: false, reason: quoted };
      field = quoted.value;
      i = quoted.end;
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        return { ok: false, reason: `unexpected ${JSON.stringify(next)} after the closing quote of field ${fields.length + 1}` };
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
        if (text[i] === '"') {
          return { ok: false, reason: `a quote inside unquoted field ${fields.length + 1} (quote the whole field and double inner quotes)` };
        }
        field += text[i];
        i++;
      }
    }
    fields.push(field);
    field = "";
    if (text[i] !== ",") break;
    i++;
  }
  return { ok: true, fields };
}

/** Read a quoted field whose opening quote is just before `start`; a string result is an error. */
function readQuoted(text: string, start: number): { value: string; end: number } | string {
  let value = "";
  let i = start;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += text[i];
    i++;
  }
  return "a quoted field is never closed";
}
