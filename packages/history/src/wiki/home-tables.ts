import { githubTable } from "./github-table.js";

/** A monthly page, as the Home tables read it. */
export interface MonthPage {
  readonly year: number;
  readonly month: number;
  readonly content: string;
}

/** Counts the commits made between two instants (both inclusive), as `git log --first-parent --since --until`. */
export type CountCommits = (since: Date, until: Date) => number | Promise<number>;

/** What the Home tables show for a month or a year. */
export interface MonthStatistics {
  readonly builds: number;
  readonly images: number;
  readonly commits: number;
}

/** What the tables are made from besides the pages. */
export interface HomeTablesOptions {
  /** "owner/name", for the commit links. */
  readonly repository: string;
  readonly countCommits: CountCommits;
  /**
   * The image whose x86_64 lines count the builds (update_wiki.py counts lines with
   * "/base-notebook" and without "aarch64": each run builds that image once per platform).
   */
  readonly buildsImage: string;
  /** Web server of the repository; default "https://github.com", as update_wiki.py hard-codes. */
  readonly serverUrl?: string | undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** Non-overlapping occurrences, as Python's str.count. */
const occurrences = (text: string, part: string): number => text.split(part).length - 1;

/** One month's statistics, as update_wiki.py's calculate_monthly_stat computes them. */
export async function monthStatistics(page: MonthPage, options: HomeTablesOptions): Promise<MonthStatistics> {
  const builds = page.content.split("\n").filter((line) => line.includes(`/${options.buildsImage}`) && !line.includes("aarch64")).length;
  const images = occurrences(page.content, "Build manifest");
  // git log --since "YYYY-MM-01.midnight" --until "<next month>-01.midnight", with TZ=UTC.
  const commits = await options.countCommits(new Date(Date.UTC(page.year, page.month - 1, 1)), new Date(Date.UTC(page.year, page.month, 1)));
  return { builds, images, commits };
}

/**
 * The Home page's tables: for each year (newest first) an H2 and a table of its months (newest
 * first) and a total, exactly as update_wiki.py's generate_home_wiki_tables writes them. Pages are
 * given in any order.
 */
export async function homeTables(pages: readonly MonthPage[], options: HomeTablesOptions): Promise<string> {
  const server = options.serverUrl ?? "https://github.com";
  const commitsLink = (count: number, since: string, until: string): string =>
    `[${count}](${server}/${options.repository}/commits/main/?since=${since}&until=${until})`;
  const years = [...new Set(pages.map((p) => p.year))].sort((a, b) => b - a);
  let tables = "";
  for (const year of years) {
    tables += `\n\n## ${year}\n\n`;
    const rows: Array<Array<string | number>> = [];
    const total = { builds: 0, images: 0, commits: 0 };
    for (const page of pages.filter((p) => p.year === year).sort((a, b) => b.month - a.month)) {
      const stat = await monthStatistics(page, options);
      total.builds += stat.builds;
      total.images += stat.images;
      total.commits += stat.commits;
      const yearMonth = `${year}-${pad2(page.month)}`;
      rows.push([`[\`${yearMonth}\`](./${yearMonth})`, stat.builds, stat.images, commitsLink(stat.commits, `${yearMonth}-01`, `${yearMonth}-${daysIn(year, page.month)}`)]);
    }
    rows.push(["**Total**", total.builds, total.images, commitsLink(total.commits, `${year}-01-01`, `${year}-12-31`)]);
    tables += githubTable(["Month", "Builds", "Images", "Commits"], rows, ["left", "right", "right", "left"]);
  }
  return tables;
}
