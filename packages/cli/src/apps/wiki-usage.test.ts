import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { capturedDeps } from "../__fixtures__/captured-deps.js";
import { commitsRepo, writeRuns } from "../__fixtures__/wiki-history.js";
import { runCli } from "../cli.js";
import { exitCodeFor } from "../exit-code.js";

// Bad input to `imgs wiki` is a usage error (exit 2) that names what and where, and writes nothing.
const work = mkdtempSync(join(tmpdir(), "imgs-wiki-usage-"));
const repo = commitsRepo();
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  repo.remove();
});
const inputs = writeRuns(join(work, "inputs"), [{ at: "2024-11-04T08:00:00Z", commit: `a${"1".repeat(39)}`, lab: "4.2.5" }]);
mkdirSync(join(work, "empty"));
writeFileSync(join(work, "no-marker.md"), "# Home of {REPOSITORY}\n");
writeFileSync(join(work, "bad-field.md"), "# Home of {OWNER}\n<!-- YEAR_MONTHLY_TABLES -->\n");

async function failure(...extra: string[]): Promise<{ status: number; message: string; wiki: string[] }> {
  const wiki = join(work, `wiki-${Math.random().toString(36).slice(2)}`);
  const given = (flag: string, value: string): string[] => (extra.includes(flag) ? [] : [flag, value]);
  const args = ["wiki", "--wiki-dir", wiki, ...given("--manifests-dir", inputs.manifests), ...given("--hist-lines-dir", inputs.histLines), "--repository", "acme/stacks", "--git-dir", repo.dir];
  const error = await runCli([...args, ...extra], capturedDeps({ cwd: work })).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (error === undefined) throw new Error(`imgs wiki ${extra.join(" ")} did not fail`);
  let files: string[] = [];
  try {
    files = readdirSync(wiki);
  } catch {
    files = [];
  }
  return { status: exitCodeFor(error), message: error.message, wiki: files };
}

describe("imgs wiki with bad input", () => {
  it.each([
    [["--max-manifests", "-1"], /--max-manifests must be a whole number of at least 0, got -1/],
    [["--format", "pdf"], /Invalid values:\s+Argument: format, Given: "pdf"/],
    [["--home-template", "missing.md"], /--home-template .*missing\.md: no such file/],
    [["--home-template", "no-marker.md"], /no-marker\.md: the Home template has no <!-- YEAR_MONTHLY_TABLES --> line/],
    [["--home-template", "bad-field.md"], /bad-field\.md: the Home template may use \{REPOSITORY\} and \{\{ \}\} only .* found "\{OWNER\}"/],
    [["--manifests-dir", "empty"], /empty: no build manifest \(\*\.md\) in it; pass --allow-no-files/],
  ])("exits 2 for %j, names the problem and writes nothing", async (extra, message) => {
    const result = await failure(...extra);
    expect(result.status).toBe(2);
    expect(result.message).toMatch(message);
    expect(result.wiki).toEqual([]);
  });

  it("exits 2 naming a history line that is not one", async () => {
    const lines = join(work, "bad-lines");
    mkdirSync(lines, { recursive: true });
    writeFileSync(join(lines, "x.txt"), "| 2024-11-04 | oops |");
    const result = await failure("--hist-lines-dir", lines);
    expect([result.status, result.wiki]).toEqual([2, []]);
    expect(result.message).toMatch(/x\.txt: a build history line starts with "\| `YYYY-MM"/);
  });
});
