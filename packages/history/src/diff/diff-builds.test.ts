import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recordFromFiles } from "./build-record.js";
import { diffBuilds, isEmptyDiff } from "./diff-builds.js";
import { diffTags } from "./diff-tags.js";
import { diffToJson, diffToMarkdown, diffToText } from "./format-diff.js";

const fixtures = join(import.meta.dirname, "../../../manifests/src/__fixtures__/docker-stacks");
const record = (name: string, historyLine?: string) =>
  recordFromFiles({ manifest: readFileSync(join(fixtures, name), "utf8"), file: name, historyLine });

const LINE = (ts: string, sha: string, values: string[]): string =>
  `| \`${ts}\` | ${values.map((v) => `\`quay.io/jupyter/base-notebook:x86_64-${v}\``).join("<br />")} | [Build manifest](./x86_64-default-base-notebook-${sha}) |`;

describe("diffBuilds", () => {
  const older = record("x86_64-default-base-notebook-3b7e9a1c4f02.md", LINE("2025-01-13T09:41:27Z", "3b7e9a1c4f02", ["3b7e9a1c4f02", "2025-01-13", "python-3.12", "python-3.12.8"]));
  const newer = record("x86_64-default-base-notebook-9f1d2e3c4b5a.md", LINE("2025-02-10T09:38:02Z", "9f1d2e3c4b5a", ["9f1d2e3c4b5a", "2025-02-10", "python-3.12", "python-3.12.8", "lab-4.3.5"]));

  it("reports per ecosystem what docker-stacks' two builds added, removed and changed", () => {
    const diff = diffBuilds(older, newer);
    expect(diff.ecosystems).toEqual([
      { ecosystem: "conda", added: [{ name: "h11", version: "0.14.0" }], removed: [{ name: "anyio", version: "4.8.0" }], changed: [{ name: "jupyterlab", from: "4.3.4", to: "4.3.5" }], unchanged: 14 },
      { ecosystem: "apt", added: [], removed: [], changed: [{ name: "wget", from: "1.21.4-1ubuntu4.1", to: "1.21.4-1ubuntu4.2" }], unchanged: 15 },
    ]);
    expect(diff.tags).toEqual({
      added: ["lab-4.3.5"],
      removed: [],
      changed: [
        { from: "3b7e9a1c4f02", to: "9f1d2e3c4b5a" },
        { from: "2025-01-13", to: "2025-02-10" },
      ],
    });
    expect(isEmptyDiff(diff)).toBe(false);
    expect(isEmptyDiff(diffBuilds(older, older))).toBe(true);
  });

  it("leaves tags unknown without a history line", () => {
    expect(diffBuilds(record("x86_64-default-base-notebook-3b7e9a1c4f02.md"), newer).tags).toBeUndefined();
  });

  it("writes text, Markdown and JSON naming the same three package changes", () => {
    const diff = diffBuilds(older, newer);
    expect(diffToText(diff)).toMatchInlineSnapshot(`
      "x86_64-default-base-notebook-3b7e9a1c4f02 (2025-01-13T09:41:27Z) → x86_64-default-base-notebook-9f1d2e3c4b5a (2025-02-10T09:38:02Z)

      tags:
        + lab-4.3.5
        ~ 3b7e9a1c4f02 → 9f1d2e3c4b5a
        ~ 2025-01-13 → 2025-02-10

      conda: 1 added, 1 removed, 1 changed, 14 unchanged
        + h11 0.14.0
        - anyio 4.8.0
        ~ jupyterlab 4.3.4 → 4.3.5

      apt: 1 changed, 15 unchanged
        ~ wget 1.21.4-1ubuntu4.1 → 1.21.4-1ubuntu4.2
      "
    `);
    const markdown = diffToMarkdown(diff);
    expect(markdown).toContain("### conda\n\n1 added, 1 removed, 1 changed, 14 unchanged.\n\n| Package | Before | After |\n| - | - | - |\n| h11 | | 0.14.0 |\n| anyio | 4.8.0 | |\n| jupyterlab | 4.3.4 | 4.3.5 |");
    expect(markdown).toContain("| changed | `2025-01-13` | `2025-02-10` |");
    expect(JSON.parse(diffToJson(diff))).toEqual(JSON.parse(JSON.stringify(diff)));
  });
});

describe("diffTags", () => {
  it("pairs values of one shape and keeps others apart", () => {
    expect(diffTags(["python-3.11", "python-3.11.2", "x"], ["python-3.11", "python-3.11.4", "y", "z-1"])).toEqual({
      added: ["y", "z-1"],
      removed: ["x"],
      changed: [{ from: "python-3.11.2", to: "python-3.11.4" }],
    });
  });
});
