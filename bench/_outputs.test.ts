import { describe, expect, it } from "vitest";
import { blankBuildTimestamp, blankRunTime, outputDifferences } from "./_outputs.js";

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

describe("outputDifferences' default comparison", () => {
  it("keeps the order of quoted output: stderr and stdout lines swapped are a difference", () => {
    const a = "- Build timestamp: 1\n\n```text\nWARNING: apt\n\nListing...\nbash/stable\n```\n";
    const b = "- Build timestamp: 2\n\n```text\nListing...\nbash/stable\nWARNING: apt\n```\n";
    expect(outputDifferences(new Map([["m.md", a]]), new Map([["m.md", a.replace(": 1", ": 2")]]))).toEqual([]);
    expect(outputDifferences(new Map([["m.md", a]]), new Map([["m.md", b]]))).toEqual(['m.md: line 4 is "Listing...", expected "WARNING: apt"']);
  });
});

describe("blankRunTime", () => {
  it("blanks the date tag and the build timestamps of tags files, manifests and history lines", () => {
    const tags = "quay.io/o/base:x86_64-latest\nquay.io/o/base:x86_64-2026-11-30\nquay.io/o/base:x86_64-python-3.11";
    expect(blankRunTime(tags, "x86_64")).toBe("quay.io/o/base:x86_64-latest\nquay.io/o/base:x86_64-(date)\nquay.io/o/base:x86_64-python-3.11");
    const line = "| `2026-11-30T03:16:51Z` | `quay.io/o/base:x86_64-2026-11-30`<br />`quay.io/o/base:x86_64-ubuntu-12` | [Git diff](…) |";
    expect(blankRunTime(line, "x86_64")).toBe("| `(blanked)` | `quay.io/o/base:x86_64-(date)`<br />`quay.io/o/base:x86_64-ubuntu-12` | [Git diff](…) |");
    expect(blankRunTime(manifest("2026-11-22T21:35:13Z"), "x86_64")).toBe(manifest("(blanked)"));
  });

  it("leaves dates of another prefix, and longer tags that start with a date, alone", () => {
    expect(blankRunTime("r/o/i:aarch64-2026-11-30\nr/o/i:x86_64-2026-11-30.1", "x86_64")).toBe("r/o/i:aarch64-2026-11-30\nr/o/i:x86_64-2026-11-30.1");
  });
});
