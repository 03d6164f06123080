/** Text as HTML: the five characters that could start markup or end an attribute are escaped. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** A page of the site: `path` relative to the site's folder, "/"-separated. */
export interface SitePage {
  readonly path: string;
  readonly content: string;
}

/** The relative way from a page at `from` to the site file `to` (both "/"-separated, from the site's root). */
export function relativeLink(from: string, to: string): string {
  const depth = from.split("/").length - 1;
  return `${"../".repeat(depth)}${to}`;
}

/**
 * A whole page: doctype, charset, title, the one stylesheet, a nav back to the index, the body. An
 * empty icon keeps browsers from asking for a /favicon.ico the site does not have.
 */
export function page(path: string, title: string, body: string): SitePage {
  const content = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${relativeLink(path, "style.css")}">
</head>
<body>
<nav><a href="${relativeLink(path, "index.html")}">Build history</a></nav>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
  return { path, content };
}

/** The site's stylesheet: readable tables and code, added/removed/changed rows in colour. */
export const STYLE_CSS = `body { font-family: system-ui, sans-serif; margin: 0; color: #1f2328; background: #fff; }
nav { padding: 0.6rem 1.5rem; background: #f6f8fa; border-bottom: 1px solid #d0d7de; }
main { padding: 1rem 1.5rem 3rem; max-width: 80rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.number { text-align: right; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.85rem; }
pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; border: 1px solid #d0d7de; }
ul.tags { list-style: none; margin: 0; padding: 0; }
tr.added td { background: #dafbe1; } tr.removed td { background: #ffebe9; } tr.changed td { background: #fff8c5; }
.muted { color: #59636e; }
`;
