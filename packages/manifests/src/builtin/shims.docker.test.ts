import { runManifest } from "../run-manifest.js";
import { inspectImage, quotedOutput, startContainer } from "@imgs/runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineManifest } from "../define-manifest.js";
import { renderManifest } from "../files/render-manifest.js";
import { renderPiece } from "../render-piece.js";
import { buildTestImage, docker, manifestProblems, fakeGit, FIXED_NOW, fakeRefs, testEngine, processDocker } from "@imgs/test-utils";
import type { Manifest, ManifestContext, ManifestPiece } from "../types.js";
import { buildInfoManifest } from "./build-info.js";
import { aptPackagesManifest, condaEnvironmentManifest, juliaPackagesManifest, sparkInfoManifest } from "./docker-stacks.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

// conda, mamba, julia and spark-submit are not in Debian: test-images/shims stands in for them
// with busybox scripts that print docker-stacks-like output and echo their argv, user and env.
const IMAGE = `imgs.localhost/imgs-test/manifests-shims:${process.pid}`;

let ctx: ManifestContext;
let session: AsyncDisposable | undefined;

beforeAll(async () => {
  await buildTestImage(IMAGE, new URL("../../test-images/shims/", import.meta.url));
  const container = await startContainer({ ...testEngine(), image: IMAGE });
  session = container;
  ctx = {
    container,
    git: fakeGit(),
    refs: fakeRefs(),
    now: FIXED_NOW,
    image: { name: "shims", ref: IMAGE, info: await inspectImage(IMAGE, engine) },
    build: { fullImage: "imgs.localhost/imgs-test/shims", repository: "example/debian-stack" },
  };
});

afterAll(async () => {
  await session?.[Symbol.asyncDispose]();
  await docker("rmi", "--force", IMAGE);
});

const run = (manifest: Manifest): Promise<ManifestPiece> => runManifest(manifest, ctx);

describe("built-in manifests on the shim image", () => {
  it("writes conda-environment with the image's user and environment, blank lines and trailing spaces removed", async () => {
    expect(renderPiece(await run(condaEnvironmentManifest))).toMatchInlineSnapshot(`
      "## Python Packages

      Python 3.12.8

      \`conda info\`:

      \`\`\`text
           active environment : base
          active env location : /opt/conda
                      user id : 1000
                conda version : 24.11.3
      \`\`\`

      \`mamba info\`:

      \`\`\`text
             libmamba version : 2.0.5
                mamba version : 2.0.5
      \`\`\`

      \`mamba list\`:

      \`\`\`text
      # packages in environment at /opt/conda:
      #
      # Name                    Version                   Build  Channel
      python                    3.12.8          h9e4cc4f_1_cpython    conda-forge
      \`\`\`"
    `);
  });

  it("passes julia's quoted expression as one argument, with no shell in between", async () => {
    const piece = await run(juliaPackagesManifest);
    expect(piece.sections[0]).toBe(
      "`julia -E 'using InteractiveUtils; versioninfo()'`:\n\n```text\nargc: 2\n[-E]\n[using InteractiveUtils; versioninfo()]\nJulia Version 1.11.2\nnothing\n```",
    );
    expect(piece.sections[1]).toContain("[import Pkg; Pkg.status()]\nStatus `/opt/julia/environments/v1.11/Project.toml`");
  });

  it("quotes spark-submit's stderr, then its stdout, each whole (the runner's fixed order)", async () => {
    expect((await run(sparkInfoManifest)).sections).toEqual([
      "`/usr/local/spark/bin/spark-submit --version`:\n\n```text\nerr: Welcome to Spark version 3.5.3\nout: first\nout: last\n```",
    ]);
  });

  it("renders a whole manifest in docker-stacks' layout", async () => {
    const pieces = [];
    for (const manifest of [buildInfoManifest, condaEnvironmentManifest, juliaPackagesManifest, sparkInfoManifest]) pieces.push(await run(manifest));
    const content = renderManifest({ image: "shims", commit: ctx.git.commit, pieces });
    expect(manifestProblems(content)).toEqual([]);
    const size = (await docker("images", IMAGE, "--format", "{{.Size}}")).trimEnd();
    expect(content).toContain(`\n- Docker image size: ${size}\n`);
  });

  it("throws ManifestFailedError for a program the image lacks", async () => {
    await expect(run(aptPackagesManifest)).rejects.toMatchObject({ code: "MANIFEST_FAILED", manifest: "apt-packages", image: IMAGE });
  });

  it("throws ManifestFailedError for a command that prints nothing", async () => {
    const quiet = defineManifest("quiet", async ({ container }) => ({ title: "Quiet", sections: [await quotedOutput(container, "true")] }));
    await expect(run(quiet)).rejects.toMatchObject({ code: "MANIFEST_FAILED", manifest: "quiet", cause: { code: "EMPTY_OUTPUT" } });
  });
});
