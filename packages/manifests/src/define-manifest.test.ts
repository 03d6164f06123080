import { fakeContext, fakeSession } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { defineManifest } from "./define-manifest.js";
import { InvalidManifestSpecError } from "./errors.js";

describe("defineManifest", () => {
  it("names the manifest and returns its piece", async () => {
    const manifest = defineManifest("hello", () => ({ title: "Hello", sections: ["hi"] }));
    expect(manifest.name).toBe("hello");
    await expect(Promise.resolve(manifest(fakeContext(fakeSession({}))))).resolves.toEqual({ title: "Hello", sections: ["hi"] });
  });

  it.each(["", " spaced", 42])("throws InvalidManifestSpecError for the name %j", (name) => {
    expect(() => defineManifest(name as string, () => ({ title: "t", sections: [] }))).toThrow(InvalidManifestSpecError);
  });

  it("throws InvalidManifestSpecError when given no function", () => {
    expect(() => defineManifest("x", "nope" as never)).toThrow("it must be a function");
  });
});
