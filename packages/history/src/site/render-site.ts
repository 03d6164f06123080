import type { ManifestPiece } from "@imgs/manifests";
import { diffBuilds, type BuildDiff } from "../diff/diff-builds.js";
import { escapeHtml as e, page, relativeLink, STYLE_CSS, type SitePage } from "./html.js";
import type { WikiBuild, WikiHistory } from "./read-wiki.js";

const manifestPath = (b: { yearMonth: string; name: string }): string => `manifests/${b.yearMonth}/${b.name}.html`;
const diffPath = (b: { yearMonth: string; name: string }): string => `diffs/${b.yearMonth}/${b.name}.html`;
const monthPath = (yearMonth: string): string => `months/${yearMonth}.html`;
const link = (from: string, to: string, text: string): string => `<a href="${e(relativeLink(from, to))}">${e(text)}</a>`;

/**
 * The static site of a wiki's history, as pages relative to the site's folder: `index.html` (the
 * months, newest first), `months/YYYY-MM.html` (each build of the month), `manifests/YYYY-MM/
 * P-V-I-S.html` (a build manifest), `diffs/YYYY-MM/P-V-I-S.html` (what changed since the build
 * before it of the same image, platform and variant) and `style.css`. Plain HTML and CSS.
 */
export function renderSite(history: WikiHistory): SitePage[] {
  const previous = new Map<WikiBuild, WikiBuild>();
  const lastOfKey = new Map<string, WikiBuild>();
  for (const build of history.builds) {
    const before = lastOfKey.get(build.key);
    if (before !== undefined) previous.set(build, before);
    lastOfKey.set(build.key, build);
  }
  const byMonthAndName = new Map(history.builds.map((b) => [`${b.yearMonth}/${b.name}`, b]));
  const pages: SitePage[] = [{ path: "style.css", content: STYLE_CSS }, indexPage(history)];
  for (const month of history.months) pages.push(monthPage(month.yearMonth, month.lines, byMonthAndName, previous));
  for (const build of history.builds) {
    pages.push(manifestPage(build, previous.get(build)));
    const before = previous.get(build);
    if (before !== undefined) pages.push(diffPage(build, before, diffBuilds(before.record, build.record)));
  }
  return pages;
}

function indexPage(history: WikiHistory): SitePage {
  const path = "index.html";
  const years = [...new Set(history.months.map((m) => m.yearMonth.slice(0, 4)))];
  const body = years.map((year) => {
    const rows = history.months
      .filter((m) => m.yearMonth.startsWith(year))
      .map((m) => {
        const kept = history.builds.filter((b) => b.yearMonth === m.yearMonth).length;
        return `<tr><td>${link(path, monthPath(m.yearMonth), m.yearMonth)}</td><td class="number">${m.lines.length}</td><td class="number">${kept}</td></tr>`;
      });
    return `<h2>${e(year)}</h2>\n<table>\n<tr><th>Month</th><th>Images built</th><th>Manifests kept</th></tr>\n${rows.join("\n")}\n</table>`;
  });
  return page(path, "Build history", body.length > 0 ? body.join("\n") : '<p class="muted">No builds yet.</p>');
}

function monthPage(yearMonth: string, lines: WikiHistory["months"][number]["lines"], builds: Map<string, WikiBuild>, previous: Map<WikiBuild, WikiBuild>): SitePage {
  const path = monthPath(yearMonth);
  const rows = lines.map((line) => {
    const build = line.manifestName === undefined ? undefined : builds.get(`${yearMonth}/${line.manifestName}`);
    const links = [
      build ? link(path, manifestPath(build), "Build manifest") : line.manifestName ? `<span class="muted">manifest ${e(line.manifestName)} no longer kept</span>` : "",
      build && previous.has(build) ? link(path, diffPath(build), "Changes since the build before") : "",
      ...Object.entries(line.links)
        .filter(([text]) => text !== "Build manifest")
        .map(([text, href]) => `<a href="${e(href)}">${e(text)}</a>`),
    ].filter(Boolean);
    const tags = `<ul class="tags">${line.tags.map((t) => `<li><code>${e(t)}</code></li>`).join("")}</ul>`;
    return `<tr><td><code>${e(line.buildTimestamp)}</code></td><td>${tags}</td><td>${links.join("<br>")}</td></tr>`;
  });
  return page(path, `Images built during ${yearMonth}`, `<table>\n<tr><th>Date</th><th>Image</th><th>Links</th></tr>\n${rows.join("\n")}\n</table>`);
}

/** A piece's sections: quoted command outputs as <pre>, bullet lines as a list, other text as paragraphs. */
function pieceHtml(piece: ManifestPiece): string {
  const sections = piece.sections.map((section) => {
    const quoted = /^`([^`\n]+)`:\n\n```text\n([\s\S]*)\n```$/.exec(section);
    if (quoted) return `<p><code>${e(quoted[1] ?? "")}</code>:</p>\n<pre>${e(quoted[2] ?? "")}</pre>`;
    const fenced = /^([\s\S]*?)\n\n```text\n([\s\S]*)\n```$/.exec(section);
    const [text, pre] = fenced ? [fenced[1] ?? "", fenced[2] ?? ""] : [section, undefined];
    const lines = text.split("\n");
    const body = lines.every((l) => l.startsWith("- ")) ? `<ul>${lines.map((l) => `<li>${e(l.slice(2))}</li>`).join("")}</ul>` : `<p>${e(text)}</p>`;
    return pre === undefined ? body : `${body}\n<pre>${e(pre)}</pre>`;
  });
  return `<h2>${e(piece.title)}</h2>\n${sections.join("\n")}`;
}

function manifestPage(build: WikiBuild, before: WikiBuild | undefined): SitePage {
  const path = manifestPath(build);
  const nav = [
    link(path, monthPath(build.yearMonth), `Builds of ${build.yearMonth}`),
    before ? link(path, diffPath(build), "Changes since the build before") : '<span class="muted">No earlier build of this image is kept</span>',
  ];
  const body = `<p>${nav.join(" · ")}</p>\n${build.manifest.pieces.map(pieceHtml).join("\n")}`;
  return page(path, `Build manifest for image: ${build.manifest.image}:${build.manifest.commitTag}`, body);
}

function diffPage(build: WikiBuild, before: WikiBuild, diff: BuildDiff): SitePage {
  const path = diffPath(build);
  const head = `<p>${link(path, manifestPath(before), before.name)} (${e(before.manifest.buildInfo.buildTimestamp ?? "?")}) → ${link(path, manifestPath(build), build.name)} (${e(build.manifest.buildInfo.buildTimestamp ?? "?")})</p>`;
  const row = (kind: string, name: string, from: string, to: string): string =>
    `<tr class="${kind}"><td>${kind}</td><td>${e(name)}</td><td>${e(from)}</td><td>${e(to)}</td></tr>`;
  const table = (rows: string[]): string =>
    rows.length === 0 ? '<p class="muted">No change.</p>' : `<table>\n<tr><th>Change</th><th>Name</th><th>Before</th><th>After</th></tr>\n${rows.join("\n")}\n</table>`;
  const tags =
    diff.tags === undefined
      ? '<p class="muted">Tags not known.</p>'
      : table([...diff.tags.added.map((t) => row("added", t, "", t)), ...diff.tags.removed.map((t) => row("removed", t, t, "")), ...diff.tags.changed.map((c) => row("changed", "tag", c.from, c.to))]);
  const ecosystems = diff.ecosystems.map(
    (eco) =>
      `<h2>${e(eco.ecosystem)}</h2>\n<p>${eco.added.length} added, ${eco.removed.length} removed, ${eco.changed.length} changed, ${eco.unchanged} unchanged.</p>\n` +
      table([
        ...eco.added.map((p) => row("added", p.name, "", p.version)),
        ...eco.removed.map((p) => row("removed", p.name, p.version, "")),
        ...eco.changed.map((c) => row("changed", c.name, c.from, c.to)),
      ]),
  );
  return page(path, `Changes in ${build.key}`, `${head}\n<h2>Tags</h2>\n${tags}\n${ecosystems.join("\n")}`);
}
