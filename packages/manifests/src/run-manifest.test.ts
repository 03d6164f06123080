import { quotedOutput } from "@imgs/runner";
import { fakeContext, fakeSession } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { defineManifest } from "./define-manifest.js";
import { ManifestFailedError } from "./errors.js";
import { runManifest } from "./run-manifest.js";

describe("runManifest", () => {
  it("returns the piece of a manifest", async () => {
    const manifest = defineManifest("hello", () => ({ title: "Hello", sections: ["hi"] }));
    await expect(runManifest(manifest, fakeContext(fakeSession({})))).resolves.toEqual({ title: "Hello", sections: ["hi"] });
  });

  it("throws ManifestFailedError with the manifest, the image and the cause when a command fails", async () => {
    const manifest = defineManifest("broken", async ({ container }) => ({ title: "B", sections: [await quotedOutput(container, "missing")] }));
    const error = await runManifest(manifest, fakeContext(fakeSession({}))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestFailedError);
    expect(error).toMatchObject({ code: "MANIFEST_FAILED", manifest: "broken", image: "quay.io/owner/img:latest" });
    expect((error as ManifestFailedError).cause).toMatchObject({ code: "EXEC_FAILED", exitCode: 127 });
  });

  it("throws ManifestFailedError when a command prints nothing", async () => {
    const manifest = defineManifest("quiet", async ({ container }) => ({ title: "Q", sections: [await quotedOutput(container, "true")] }));
    await expect(runManifest(manifest, fakeContext(fakeSession({ true: { stdout: "\n\n" } })))).rejects.toMatchObject({
      code: "MANIFEST_FAILED",
      cause: { code: "EMPTY_OUTPUT" },
    });
  });

  it("names a plain named function that throws text, as configs may have them", async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- configs are plain JavaScript and do reject with text
    const manifest = Object.defineProperty(() => Promise.reject("no"), "name", { value: "plain" }) as never;
    await expect(runManifest(manifest, fakeContext(fakeSession({})))).rejects.toThrow('manifest "plain" failed for image quay.io/owner/img:latest: no');
  });

  it.each([
    ["undefined", undefined, "a manifest must return { title, sections }, got undefined"],
    ["a string", "## Title", "got string"],
    ["no title", { sections: [] }, "the title must be a non-empty string"],
    ["a title with a line break", { title: "a\nb", sections: [] }, "the title has a line break"],
    ["a title with ##", { title: "## A", sections: [] }, 'give the title without "## "'],
    ["sections that are not strings", { title: "A", sections: [1] }, "sections must be a list of strings"],
  ])("throws ManifestFailedError wrapping InvalidPieceError for %s", async (_, piece, reason) => {
    const manifest = defineManifest("garbage", () => piece as never);
    const error = await runManifest(manifest, fakeContext(fakeSession({}))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "MANIFEST_FAILED", manifest: "garbage", cause: { code: "INVALID_PIECE" } });
    expect((error as Error).message).toContain(reason);
  });
});
