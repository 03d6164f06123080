import { ImgsError } from "@imgs/errors";

// The pieces of docker-stacks' wiki/update_wiki.py and wiki/manifest_time.py that are plain text:
// the monthly page's header, where a history line goes, a manifest's build timestamp, and the Home
// page's marker and {REPOSITORY} field.

/** A wiki input or page does not have the shape docker-stacks' update_wiki.py asserts. */
export class InvalidWikiInputError extends ImgsError {
  readonly code = "INVALID_WIKI_INPUT";
  readonly category = "usage";
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
  }
}

/** The line after which update_wiki.py cuts the Home template and appends the tables. */
export const YEAR_MONTHLY_TABLES = "<!-- YEAR_MONTHLY_TABLES -->";

/** The first lines of a monthly page (update_monthly_wiki_page's MONTHLY_PAGE_HEADER). */
export const monthlyPageHeader = (yearMonth: string): string => `# Images built during ${yearMonth}\n\n| Date | Image | Links |\n| - | - | - |\n`;

/**
 * The `YYYY-MM` of a history line: its characters 3 to 10, as update_monthly_wiki_page slices it.
 *
 * @throws InvalidWikiInputError when the line does not start with "| `" and a year-month
 */
export function historyLineMonth(line: string, file: string): string {
  const month = line.slice(3, 10);
  if (!line.startsWith("| `") || !/^\d{4}-\d\d$/.test(month)) throw new InvalidWikiInputError(file, `a build history line starts with "| \`YYYY-MM", not ${JSON.stringify(line.slice(0, 12))}`);
  return month;
}

/**
 * A monthly page with `line` added right under the header (newest first), or undefined when the
 * page already holds it anywhere (the same substring test as update_monthly_wiki_page).
 *
 * @throws InvalidWikiInputError when the page no longer has its header
 */
export function addHistoryLine(page: string, yearMonth: string, line: string, file: string): string | undefined {
  const header = monthlyPageHeader(yearMonth);
  if (!page.includes(header)) throw new InvalidWikiInputError(file, `the monthly page lost its header ${JSON.stringify(header)}`);
  if (page.includes(line)) return undefined;
  // str.replace in Python replaces every occurrence; a page holds its header once.
  return page.split(header).join(header + line + "\n");
}

/**
 * A manifest's build timestamp: the 20 characters after "Build timestamp: " (manifest_time.py's
 * get_manifest_timestamp).
 *
 * @throws InvalidWikiInputError when they do not start with "20" and end with "Z"
 */
export function manifestTimestamp(text: string, file: string): string {
  const prefix = "Build timestamp: ";
  const at = text.indexOf(prefix);
  const timestamp = at < 0 ? "" : text.slice(at + prefix.length, at + prefix.length + 20);
  if (!timestamp.startsWith("20") || !timestamp.endsWith("Z")) throw new InvalidWikiInputError(file, `no "Build timestamp: 20…Z" line (found ${JSON.stringify(timestamp)})`);
  return timestamp;
}

/**
 * The Home page's text up to the tables: the template cut after its marker comment, with Python's
 * str.format applied for the one field `{REPOSITORY}` (`{{` and `}}` are literal braces).
 *
 * @throws InvalidWikiInputError when the marker is missing, or another field or a lone brace is used
 */
export function homePageHead(template: string, repository: string, file: string): string {
  const at = template.indexOf(YEAR_MONTHLY_TABLES);
  if (at < 0) throw new InvalidWikiInputError(file, `the Home template has no ${YEAR_MONTHLY_TABLES} line`);
  const head = template.slice(0, at + YEAR_MONTHLY_TABLES.length);
  return head.replace(/\{\{|\}\}|\{([^{}]*)\}|[{}]/g, (match: string, field: string | undefined) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    if (field === "REPOSITORY") return repository;
    throw new InvalidWikiInputError(file, `the Home template may use {REPOSITORY} and {{ }} only (Python's str.format), found ${JSON.stringify(match)}`);
  });
}

/** The Home template used without --home-template: imgs' own words, docker-stacks' marker. */
export const DEFAULT_HOME_TEMPLATE = `# Build history of {REPOSITORY}

This page and the monthly pages it links are written by \`imgs wiki\`: each row of a monthly page is
one image built for one platform, with its tags and links to the commit, the Dockerfile and the
build manifest (the packages and versions in the image).

In the tables below, each row is a month:

- \`YYYY-MM\`: the month's page of images built
- \`Builds\`: how many times the whole tree was built
- \`Images\`: how many single-platform images were built
- \`Commits\`: commits made to the default branch, linking to them

<!-- Everything below is written by imgs wiki; changes made here are lost at the next run -->
${YEAR_MONTHLY_TABLES}
`;
