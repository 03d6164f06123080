import { describe, expect, it } from "vitest";
import { buildTimestamp } from "./build-timestamp.js";
import { manifestHeader, renderManifest, sbomPiece } from "./render-manifest.js";

describe("renderManifest", () => {
  it("joins the header and the pieces with blank lines and ends with one newline", () => {
    const content = renderManifest({
      image: "base-notebook",
      commit: "0123456789abcdef0123456789abcdef01234567",
      pieces: [
        { title: "Build Info", sections: ["- Build timestamp: x"] },
        { title: "Apt Packages", sections: ["`apt list --installed`:\n\n```text\nbash/stable\n```"] },
      ],
    });
    expect(content).toMatchInlineSnapshot(`
      "# Build manifest for image: base-notebook:0123456789ab

      ## Build Info

      - Build timestamp: x

      ## Apt Packages

      \`apt list --installed\`:

      \`\`\`text
      bash/stable
      \`\`\`
      "
    `);
    expect(content.endsWith("```\n")).toBe(true);
  });

  it("writes only the header when there are no pieces", () => {
    expect(renderManifest({ image: "i", commit: "abc", pieces: [] })).toBe(`${manifestHeader("i", "abc")}\n`);
  });
});

describe("sbomPiece", () => {
  it("fences the SBOM text under an H2 title", () => {
    expect(sbomPiece("pkg 1.0\n")).toEqual({ title: "SBOM", sections: ["```text\npkg 1.0\n```"] });
  });
});

describe("buildTimestamp", () => {
  it.each([
    ["2024-01-02T03:04:05.678Z", "2024-01-02T03:04:05Z"],
    ["2024-01-02T03:04:05.000Z", "2024-01-02T03:04:05Z"],
    ["2024-12-31T23:59:59.999Z", "2024-12-31T23:59:59Z"],
  ])("cuts %s to the second: %s", (iso, expected) => {
    expect(buildTimestamp(new Date(iso))).toBe(expected);
  });
});
