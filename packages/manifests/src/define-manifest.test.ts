import { fakeSession } from "@imgs/test-utils";
import { quotedOutput } from "@imgs/runner";
import { describe, expect, it } from "vitest";
import { defineManifest } from "./define-manifest.js";
import { ManifestFailedError } from "./errors.js";
import { fakeContext } from "./testing/fake-context.js";

describe("defineManifest", () => {
  it("names the manifest and returns its piece", async () => {
    const manifest = defineManifest("hello", () => ({ title: "Hello", sections: ["hi"] }));
    expect(manifest.name).toBe("hello");
    await expect(manifest(fakeContext(fakeSession({})))).resolves.toEqual({ title: "Hello", sections: ["hi"] });
  });

  it("throws ManifestFailedError with the manifest, the image and the cause when a command fails", async () => {
    const manifest = defineManifest("broken", async ({ container }) => ({ title: "B", sections: [await quotedOutput(container, "missing")] }));
    const error = await Promise.resolve(manifest(fakeContext(fakeSession({})))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestFailedError);
    expect(error).toMatchObject({ code: "MANIFEST_FAILED", manifest: "broken", image: "quay.io/owner/img:latest" });
    expect((error as ManifestFailedError).cause).toMatchObject({ code: "EXEC_FAILED", exitCode: 127 });
  });

  it("throws ManifestFailedError when a command prints nothing", async () => {
    const manifest = defineManifest("quiet", async ({ container }) => ({ title: "Q", sections: [await quotedOutput(container, "true")] }));
    const error = await Promise.resolve(manifest(fakeContext(fakeSession({ true: { stdout: "\n\n" } })))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "MANIFEST_FAILED", cause: { code: "EMPTY_OUTPUT" } });
  });

  it("does not wrap a ManifestFailedError twice", async () => {
    const inner = new ManifestFailedError("inner", "x:latest", new Error("boom"));
    const manifest = defineManifest("outer", () => {
      throw inner;
    });
    await expect(manifest(fakeContext(fakeSession({})))).rejects.toBe(inner);
  });
});
