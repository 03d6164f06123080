import { describe, expect, it } from "vitest";
import { parsePackedRefs } from "./packed-refs.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);

describe("parsePackedRefs", () => {
  it("returns refs with their peeled commits when git wrote the file", () => {
    const text = `# pack-refs with: peeled fully-peeled sorted \n${A} refs/heads/main\n${B} refs/tags/v1\n^${A}\n${C} refs/tags/light\n`;

    const packed = parsePackedRefs(text);

    expect(packed.fullyPeeled).toBe(true);
    expect([...packed.refs]).toEqual([
      ["refs/heads/main", { oid: A, peeled: undefined }],
      ["refs/tags/v1", { oid: B, peeled: A }],
      ["refs/tags/light", { oid: C, peeled: undefined }],
    ]);
  });

  it.each([
    { header: "", fullyPeeled: false },
    { header: "# pack-refs with: peeled \n", fullyPeeled: false },
    { header: "# pack-refs with: peeled fully-peeled \n", fullyPeeled: true },
  ])("returns fullyPeeled $fullyPeeled when the header is $header", ({ header, fullyPeeled }) => {
    expect(parsePackedRefs(`${header}${A} refs/tags/x\n`)).toMatchObject({ fullyPeeled, refs: new Map([["refs/tags/x", { oid: A, peeled: undefined }]]) });
  });

  it("returns names with odd characters verbatim when they are packed", () => {
    const name = "refs/heads/a$(touch${IFS}pwned)b";

    expect(parsePackedRefs(`${A} ${name}\r\n`).refs.get(name)).toEqual({ oid: A, peeled: undefined });
  });
});
