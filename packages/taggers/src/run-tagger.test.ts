import { ExecFailedError } from "@imgs/runner";
import { fakeReplyContext } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { defineTagger } from "./container/define-tagger.js";
import { InvalidTagError, TaggerFailedError } from "./container/errors.js";
import { run } from "./container/output.js";
import { runTagger } from "./run-tagger.js";

const { ctx } = fakeReplyContext();

describe("runTagger", () => {
  it("returns one value as a list, and several as they are", async () => {
    await expect(runTagger(defineTagger("one", () => "a"), ctx)).resolves.toEqual(["a"]);
    await expect(runTagger(defineTagger("many", () => ["a", "b"]), ctx)).resolves.toEqual(["a", "b"]);
    await expect(runTagger(defineTagger("none", () => []), ctx)).resolves.toEqual([]);
  });

  it("wraps a thrown error in TaggerFailedError with tagger, image and cause", async () => {
    const tagger = defineTagger("jq", (c) => run(c, "jq --version"));
    const error: unknown = await runTagger(tagger, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaggerFailedError);
    expect(error).toMatchObject({ name: "TaggerFailedError", code: "TAGGER_FAILED", tagger: "jq", image: "base" });
    expect((error as Error).cause).toBeInstanceOf(ExecFailedError);
  });

  it("names a plain function from a config that throws text", async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- configs are plain JavaScript and do reject with text
    const plain = Object.defineProperty(() => Promise.reject("nope"), "name", { value: "plain" }) as never;
    await expect(runTagger(plain, ctx)).rejects.toThrow('tagger "plain" failed for image base: nope');
  });

  it.each([
    ["a value that is no tag", () => "a b", '"a b"', 'character " " at index 1'],
    ["a number", () => 42, "42", "the tagger returned number, not a string or a list of strings"],
    ["undefined", () => undefined, "undefined", "returned undefined"],
    ["an object", () => ({}), "[object Object]", "returned an object"],
    ["a list with a number", () => ["a", 1], "a,1", "a list holding something other than strings"],
  ])("throws InvalidTagError for %s", async (_, fn, value, reason) => {
    const error: unknown = await runTagger(defineTagger("bad", fn as never), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTagError);
    expect(error).toMatchObject({ code: "INVALID_TAG", tagger: "bad", image: "base" });
    expect((error as Error).message).toContain(reason);
    expect((error as Error).message).toContain(value);
  });

  it("checks each value with the tag prefix too, where Docker's 128 characters may be exceeded", async () => {
    const long = "x".repeat(125);
    await expect(runTagger(defineTagger("long", () => long), ctx)).resolves.toEqual([long]);
    await expect(runTagger(defineTagger("long", () => long), ctx, { prefix: "x86_64" })).rejects.toMatchObject({
      code: "INVALID_TAG",
      value: `x86_64-${long}`,
      reason: "it is 132 characters long; at most 128 are allowed",
    });
  });
});
