import { runManifest } from "../run-manifest.js";
import { fakeSession, fakeContext } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { renderPiece } from "../render-piece.js";
import {
  aptPackagesManifest,
  condaEnvironmentManifest,
  juliaPackagesManifest,
  rPackagesManifest,
  sparkInfoManifest,
} from "./docker-stacks.js";

describe("aptPackagesManifest", () => {
  it("quotes `apt list --installed` with its stderr warning first, as docker-stacks' manifests have it", async () => {
    const session = fakeSession({
      "apt list --installed": {
        stderr: "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n",
        stdout: "Listing...\nbash/stable,now 5.2.15-2+b7 amd64 [installed]\n",
      },
    });
    // Quoted output is stderr then stdout, each whole (the runner's rule, which fakeSession follows).
    expect(renderPiece(await aptPackagesManifest(fakeContext(session)))).toMatchInlineSnapshot(`
      "## Apt Packages

      \`apt list --installed\`:

      \`\`\`text
      WARNING: apt does not have a stable CLI interface. Use with caution in scripts.

      Listing...
      bash/stable,now 5.2.15-2+b7 amd64 [installed]
      \`\`\`"
    `);
  });

  it("carries one row per listed package, read from the quoted lines", async () => {
    const session = fakeSession({
      "apt list --installed": { stdout: "Listing...\nbash/stable,now 5.2.15-2+b7 amd64 [installed]\nless/stable,now 590-2.1~deb12u2 amd64 [installed]\n" },
    });
    expect((await aptPackagesManifest(fakeContext(session))).packages).toEqual([
      { ecosystem: "apt", name: "bash", version: "5.2.15-2+b7", source: "bash/stable,now 5.2.15-2+b7 amd64 [installed]" },
      { ecosystem: "apt", name: "less", version: "590-2.1~deb12u2", source: "less/stable,now 590-2.1~deb12u2 amd64 [installed]" },
    ]);
  });
});

describe("condaEnvironmentManifest", () => {
  it("writes python --version as a plain line, then conda info, mamba info and mamba list quoted", async () => {
    const session = fakeSession({
      "python --version": { stdout: "Python 3.12.4\n" },
      "conda info": { stdout: "\n     active environment : base   \n" },
      "mamba info": { stdout: "\n\n       libmamba version : 2.0.5\n\n" },
      "mamba list": { stdout: "# Name  Version\npython  3.12.4\n" },
    });
    expect(renderPiece(await condaEnvironmentManifest(fakeContext(session)))).toMatchInlineSnapshot(`
      "## Python Packages

      Python 3.12.4

      \`conda info\`:

      \`\`\`text
           active environment : base
      \`\`\`

      \`mamba info\`:

      \`\`\`text
             libmamba version : 2.0.5
      \`\`\`

      \`mamba list\`:

      \`\`\`text
      # Name  Version
      python  3.12.4
      \`\`\`"
    `);
  });

  it("fails with ManifestFailedError naming conda-environment when mamba is missing", async () => {
    const session = fakeSession({ "python --version": { stdout: "Python 3.12.4" }, "conda info": { stdout: "x" }, "mamba list": { stdout: "x" } });
    await expect(runManifest(condaEnvironmentManifest, fakeContext(session))).rejects.toMatchObject({
      code: "MANIFEST_FAILED",
      manifest: "conda-environment",
      cause: { code: "EXEC_FAILED", command: ["mamba", "info"] },
    });
  });
});

describe("rPackagesManifest", () => {
  it("trims the trailing spaces R prints and keeps the quoted command as written", async () => {
    const command = "R --silent -e 'installed.packages(.Library)[, c(1,3)]'";
    const session = fakeSession({
      "R --version": { stdout: "R version 4.2.2 (2022-10-31) -- \"Innocent and Trusting\"\n" },
      [command]: { stdout: "> installed.packages(.Library)[, c(1,3)]\n     Package    Version  \nbase \"base\"     \"4.2.2\"  \n> \n> \n" },
    });
    const text = renderPiece(await rPackagesManifest(fakeContext(session)));
    expect(text).toContain("`R --silent -e 'installed.packages(.Library)[, c(1,3)]'`:");
    expect(text).toContain('     Package    Version\nbase "base"     "4.2.2"\n>\n>\n```');
  });
});

describe("juliaPackagesManifest and sparkInfoManifest", () => {
  it("run docker-stacks' commands under docker-stacks' titles", async () => {
    const session = fakeSession({
      "julia -E 'using InteractiveUtils; versioninfo()'": { stdout: "Julia Version 1.11.2\nnothing\n" },
      "julia -E 'import Pkg; Pkg.status()'": { stdout: "Status `~/.julia/environments/v1.11/Project.toml`\nnothing\n" },
      "/usr/local/spark/bin/spark-submit --version": { stderr: "version 3.5.3\n" },
    });
    const julia = await juliaPackagesManifest(fakeContext(session));
    const spark = await sparkInfoManifest(fakeContext(session));
    expect(julia.title).toBe("Julia Packages");
    expect(julia.sections).toHaveLength(2);
    expect(renderPiece(spark)).toBe("## Apache Spark\n\n`/usr/local/spark/bin/spark-submit --version`:\n\n```text\nversion 3.5.3\n```");
  });
});
