/** How a column's cells line up. */
export type ColumnAlign = "left" | "right";

/** Python's len(): code points, not UTF-16 units (tabulate measures with len() when wcwidth is absent). */
const width = (text: string): number => [...text].length;

/**
 * A table exactly as `tabulate.tabulate(rows, headers, tablefmt="github")` (tabulate 0.8.9, as
 * Debian 12 ships it, without wcwidth) writes it: each column as wide as its widest cell and at
 * least its header plus 2; a space either side of every cell; numbers right-aligned (tabulate's
 * "decimal" for a column of integers) and text left-aligned, headers included; a `|---|` rule
 * under the header; no newline at the end.
 */
export function githubTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, align: readonly ColumnAlign[]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = headers.map((header, i) => Math.max(width(header) + 2, ...cells.map((row) => width(row[i] ?? ""))));
  const pad = (text: string, i: number): string => {
    const fill = " ".repeat((widths[i] ?? 0) - width(text));
    return align[i] === "right" ? fill + text : text + fill;
  };
  const line = (row: readonly string[]): string => `| ${row.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(headers), rule, ...cells.map(line)].join("\n");
}
