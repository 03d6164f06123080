import { ExecFailedError } from "@imgs/runner";
import { describe, expect, it } from "vitest";
import { defineTagger } from "./define-tagger.js";
import { InvalidTagError, InvalidTaggerSpecError, TaggerFailedError } from "./errors.js";
import { run } from "./output.js";
import { fakeContext } from "./test-context.js";

describe("defineTagger", () => {
  it("returns a tagger whose name is the given name", async () => {
    const tagger = defineTagger("build-arch", ({ image }) => `arch-${image.info.architecture}`);
    expect(tagger.name).toBe("build-arch");
    await expect(tagger(fakeContext().ctx)).resolves.toBe("arch-amd64");
  });

  it("accepts an async function that runs commands through ctx.container", async () => {
    const tagger = defineTagger("uname", async (ctx) => `kernel-${await run(ctx, "uname -r")}`);
    await expect(tagger(fakeContext({ "uname -r": { stdout: "6.1.0-18-amd64\n" } }).ctx)).resolves.toBe("kernel-6.1.0-18-amd64");
  });

  it("wraps a thrown error in TaggerFailedError with tagger, image and cause", async () => {
    const tagger = defineTagger("jq", (ctx) => run(ctx, "jq --version"));
    const error: unknown = await Promise.resolve(tagger(fakeContext().ctx)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaggerFailedError);
    expect(error).toMatchObject({ name: "TaggerFailedError", code: "TAGGER_FAILED", tagger: "jq", image: "base" });
    expect((error as Error).cause).toBeInstanceOf(ExecFailedError);
  });

  it("does not wrap again the error of a tagger it calls", async () => {
    const inner = defineTagger("inner", () => {
      throw new Error("boom");
    });
    const outer = defineTagger("outer", (ctx) => inner(ctx));
    await expect(outer(fakeContext().ctx)).rejects.toMatchObject({ tagger: "inner", message: 'tagger "inner" failed for image base: boom' });
  });

  it("throws InvalidTagError when the value is not a valid tag", async () => {
    const tagger = defineTagger("spaced", () => "a b");
    await expect(tagger(fakeContext().ctx)).rejects.toMatchObject({ code: "INVALID_TAG", tagger: "spaced", image: "base", value: "a b" });
  });

  it("throws InvalidTagError when a plain-JS tagger returns no string", async () => {
    const tagger = defineTagger("number", (() => 42) as unknown as () => string);
    await expect(tagger(fakeContext().ctx)).rejects.toThrow(InvalidTagError);
    await expect(tagger(fakeContext().ctx)).rejects.toThrow("the tagger returned number, not a string");
  });

  it.each(["", " python", 42])("throws InvalidTaggerSpecError for the name %j", (name) => {
    expect(() => defineTagger(name as string, () => "x")).toThrow(InvalidTaggerSpecError);
  });
});
