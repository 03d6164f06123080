import { describe, expect, it } from "vitest";
import { InvalidPieceError } from "./errors.js";
import { renderPiece } from "./render-piece.js";

describe("renderPiece", () => {
  it("writes an H2 title and the sections separated by blank lines, without a final newline", () => {
    expect(renderPiece({ title: "Apt Packages", sections: ["one", "two\nlines"] })).toMatchInlineSnapshot(`
      "## Apt Packages

      one

      two
      lines"
    `);
  });

  it("writes the title alone when there are no sections", () => {
    expect(renderPiece({ title: "Empty", sections: [] })).toBe("## Empty");
  });

  it.each([["## Apt Packages"], ["Apt\nPackages"]])("throws InvalidPieceError for the title %j", (title) => {
    expect(() => renderPiece({ title, sections: [] })).toThrow(InvalidPieceError);
  });
});
