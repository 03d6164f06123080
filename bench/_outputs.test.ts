import { describe, expect, it } from "vitest";
import { blankBuildTimestamp, outputDifferences, comparableManifest } from "./_outputs.js";

const manifest = (timestamp: string): string => `# Build manifest for image: python:0123456789ab\n\n## Build Info\n\n- Build timestamp: ${timestamp}\n- Docker image size: 190 MB\n`;

describe("blankBuildTimestamp", () => {
  it("blanks the build-info timestamp line and nothing else", () => {
    expect(blankBuildTimestamp(manifest("2026-11-22T21:35:13Z"))).toBe(manifest("(blanked)"));
    expect(blankBuildTimestamp("| `2026-11-22T21:35:13Z` | tags |")).toBe("| `2026-11-22T21:35:13Z` | tags |");
  });
});

describe("outputDifferences", () => {
  const files = new Map([
    ["manifests/a.md", manifest("2026-11-22T21:35:13Z")],
    ["tags/a.txt", "r/o/a:x86_64-latest\nr/o/a:x86_64-1"],
  ]);

  it("returns nothing for the same files, whatever their build timestamps", () => {
    expect(outputDifferences(files, new Map([...files, ["manifests/a.md", manifest("2031-01-01T00:00:00Z")]]))).toEqual([]);
  });

  it("names missing and unexpected files, and the first line that differs", () => {
    const actual = new Map([
      ["tags/a.txt", "r/o/a:x86_64-latest\nr/o/a:x86_64-2"],
      ["tags/b.txt", "r/o/b:x86_64-latest"],
    ]);
    expect(outputDifferences(files, actual)).toEqual([
      "manifests/a.md: missing",
      'tags/a.txt: line 2 is "r/o/a:x86_64-2", expected "r/o/a:x86_64-1"',
      "tags/b.txt: unexpected file",
    ]);
  });

  it("reports a missing final line", () => {
    expect(outputDifferences(new Map([["h.txt", "a\n"]]), new Map([["h.txt", "a"]]))).toEqual(['h.txt: line 2 is "(none)", expected ""']);
  });
});

describe("comparableManifest", () => {
  it("sorts the lines of each text block, so stdout and stderr arriving in another order compare equal", () => {
    const a = "- Build timestamp: 1\n\n```text\nWARNING: apt\nListing...\nbash/stable\n```\n";
    const b = "- Build timestamp: 2\n\n```text\nListing...\nWARNING: apt\nbash/stable\n```\n";
    expect(comparableManifest(a)).toBe(comparableManifest(b));
    expect(comparableManifest(a)).not.toBe(comparableManifest(b.replace("bash/stable", "dash/stable")));
  });
});
