import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitsRepo, HOME_TEMPLATE, writeRuns } from "../__fixtures__/wiki-history.js";

// The HTML site of `imgs wiki --format html` (run through the binary, every wiki flag given) in
// Debian's headless Chromium: every page loads with no console error, every internal link of
// every page reached from the index resolves, and a diff page shows the added, removed and
// changed packages between two builds.
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const CHROMIUM = process.env.IMGS_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

// Run in the page (as text: this package is type-checked without the DOM's types).
const LINKS = `[...document.querySelectorAll("a[href], link[href]")].map((el) => el.href)`;
const CHANGE_ROWS = `[...document.querySelectorAll("tr.added, tr.removed, tr.changed")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))`;

const work = mkdtempSync(join(tmpdir(), "imgs-site-"));
const site = join(work, "site");
let server: Server;
let base: string;
let browser: Browser;
let stdout = "";

function runBin(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile(process.execPath, ["--import", TSX, join(ROOT, "packages/cli/src/bin.ts"), ...args], { cwd, encoding: "utf8" }, (error, out, err) =>
      done({ code: error ? Number(error.code) : 0, stdout: out, stderr: err }),
    ),
  );
}

beforeAll(async () => {
  const repo = commitsRepo();
  const inputs = writeRuns(join(work, "inputs"), [
    { at: "2024-11-04T08:00:00Z", commit: `a${"1".repeat(39)}`, lab: "4.2.5", extra: "less/noble,now 590-2ubuntu2.1 amd64 [installed]" },
    { at: "2024-12-02T08:00:00Z", commit: `b${"2".repeat(39)}`, lab: "4.3.0", extra: "tree/noble,now 2.1.1-2ubuntu3 amd64 [installed]" },
  ]);
  writeFileSync(join(work, "Home.md"), HOME_TEMPLATE);
  const args = ["wiki", "--wiki-dir", "wiki", "--manifests-dir", inputs.manifests, "--hist-lines-dir", inputs.histLines, "--repository", "acme/stacks"];
  const flags = ["--home-template", "Home.md", "--git-dir", repo.dir, "--builds-image", "julia-notebook", "--max-manifests", "5", "--server-url", "https://git.example", "--allow-no-files", "--format", "html", "--site-dir", "site"];
  const result = await runBin([...args, ...flags], work);
  repo.remove();
  expect(result.code, result.stderr).toBe(0);
  stdout = result.stdout;
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    try {
      const body = readFileSync(join(site, path.endsWith("/") ? `${path}index.html` : path));
      response.writeHead(200, { "content-type": extname(path) === ".css" ? "text/css" : "text/html; charset=utf-8" }).end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
  rmSync(work, { recursive: true, force: true });
});

describe("the wiki's HTML site in headless Chromium", () => {
  it("wrote the Markdown wiki with every flag applied, and the site", () => {
    const home = readFileSync(join(work, "wiki/Home.md"), "utf8");
    expect(home).toContain("git@github.com:acme/stacks.wiki.git");
    // --server-url links the commits; --builds-image counts julia-notebook's x86_64 lines (one a run).
    expect(home).toMatch(/\| \[`2024-12`\]\(\.\/2024-12\) \|\s+1 \|\s+3 \| \[\d+\]\(https:\/\/git\.example\/acme\/stacks\/commits\/main\/\?since=2024-12-01&until=2024-12-31\)/);
    // --max-manifests 5 of 6: the oldest (November's aarch64 base-notebook; the path breaks the tie) is not filed.
    expect(readdirSync(join(work, "wiki/manifests/2024/2024-11")).sort()).toEqual(["x86_64-default-base-notebook-a11111111111.md", "x86_64-default-julia-notebook-a11111111111.md"]);
    expect(stdout).toContain(join(site, "index.html"));
  });

  it("loads every page reached from the index with no console error, and every internal link resolves", async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error") errors.push(`${tab.url()}: ${message.text()}`);
    });
    tab.on("pageerror", (error) => errors.push(`${tab.url()}: ${error.message}`));
    const seen = new Set<string>();
    const queue = [`${base}index.html`];
    const broken: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift() ?? "";
      if (seen.has(url)) continue;
      seen.add(url);
      // Pages are opened in the tab; a stylesheet is fetched (a tab showing it would ask for a favicon).
      const status = url.endsWith(".html") ? (await tab.goto(url))?.status() : (await context.request.get(url)).status();
      if (status !== 200) {
        broken.push(`${url}: ${status}`);
        continue;
      }
      if (!url.endsWith(".html")) continue;
      const hrefs = await tab.evaluate<string[]>(LINKS);
      for (const href of hrefs) if (href.startsWith(base)) queue.push(href.split("#")[0] ?? href);
    }
    await context.close();
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    // index, style, 2 months, 5 manifests, 3 diffs (the x86_64 images and aarch64's only December build has no earlier one kept).
    expect([...seen].filter((u) => u.includes("/manifests/"))).toHaveLength(5);
    expect([...seen].filter((u) => u.includes("/diffs/"))).toHaveLength(2);
    expect(seen.size).toBe(1 + 1 + 2 + 5 + 2);
  });

  it("shows the added, removed and changed packages on a diff page", async () => {
    const tab = await browser.newPage();
    await tab.goto(`${base}diffs/2024-12/x86_64-default-base-notebook-b22222222222.html`);
    const rows = await tab.evaluate<string[][]>(CHANGE_ROWS);
    expect(rows).toEqual([
      ["changed", "tag", "a11111111111", "b22222222222"],
      ["changed", "tag", "2024-11-04", "2024-12-02"],
      ["changed", "tag", "lab-4.2.5", "lab-4.3.0"],
      ["added", "tree", "", "2.1.1-2ubuntu3"],
      ["removed", "less", "590-2ubuntu2.1", ""],
      ["changed", "jupyterlab", "4.2.5", "4.3.0"],
    ]);
    expect(await tab.locator("h1").textContent()).toBe("Changes in x86_64-default-base-notebook");
    await tab.close();
  });
});
