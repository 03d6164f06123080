import { fakeReplyContext } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { defineTagger } from "./define-tagger.js";
import { InvalidTaggerSpecError } from "./errors.js";
import { run } from "./output.js";

describe("defineTagger", () => {
  it("returns a tagger whose name is the given name", () => {
    const tagger = defineTagger("build-arch", ({ image }) => `arch-${image.info.architecture}`);
    expect(tagger.name).toBe("build-arch");
    expect(tagger(fakeReplyContext().ctx)).toBe("arch-amd64");
  });

  it("accepts an async function that runs commands through ctx.container", async () => {
    const tagger = defineTagger("uname", async (ctx) => `kernel-${await run(ctx, "uname -r")}`);
    await expect(tagger(fakeReplyContext({ "uname -r": { stdout: "6.1.0-18-amd64\n" } }).ctx)).resolves.toBe("kernel-6.1.0-18-amd64");
  });

  it.each(["", " python", 42])("throws InvalidTaggerSpecError for the name %j", (name) => {
    expect(() => defineTagger(name as string, () => "x")).toThrow(InvalidTaggerSpecError);
  });

  it("throws InvalidTaggerSpecError when given no function", () => {
    expect(() => defineTagger("x", "nope" as never)).toThrow('tagger "x" must be a function');
  });
});
