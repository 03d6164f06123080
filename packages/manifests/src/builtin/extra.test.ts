import { fakeSession, fakeContext } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { renderPiece } from "../render-piece.js";
import { osReleaseManifest, pipPackagesManifest } from "./extra.js";
import { builtinManifests } from "./index.js";

describe("pipPackagesManifest", () => {
  it("quotes pip's version and its package list", async () => {
    const session = fakeSession({
      "python -m pip --version": { stdout: "pip 23.0.1 from /usr/lib/python3/dist-packages/pip (python 3.11)\n" },
      "python -m pip list --disable-pip-version-check": { stdout: "Package Version\n------- -------\nnumpy   1.24.2\n" },
    });
    expect(renderPiece(await pipPackagesManifest(fakeContext(session)))).toMatchInlineSnapshot(`
      "## Pip Packages

      \`python -m pip --version\`:

      \`\`\`text
      pip 23.0.1 from /usr/lib/python3/dist-packages/pip (python 3.11)
      \`\`\`

      \`python -m pip list --disable-pip-version-check\`:

      \`\`\`text
      Package Version
      ------- -------
      numpy   1.24.2
      \`\`\`"
    `);
  });

  it("carries the rows of pip's table and none of its header", async () => {
    const session = fakeSession({
      "python -m pip --version": { stdout: "pip 23.0.1 from /usr/lib/python3/dist-packages/pip (python 3.11)\n" },
      "python -m pip list --disable-pip-version-check": { stdout: "Package Version\n------- -------\nnumpy   1.24.2\npip     23.0.1\n" },
    });
    const piece = await pipPackagesManifest(fakeContext(session));
    expect(piece.packages?.map((p) => [p.ecosystem, p.name, p.version, p.source])).toEqual([
      ["pip", "numpy", "1.24.2", "numpy   1.24.2"],
      ["pip", "pip", "23.0.1", "pip     23.0.1"],
    ]);
  });
});

describe("osReleaseManifest", () => {
  it("quotes /etc/os-release", async () => {
    const session = fakeSession({ "cat /etc/os-release": { stdout: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n' } });
    expect(renderPiece(await osReleaseManifest(fakeContext(session)))).toMatchInlineSnapshot(`
      "## OS Release

      \`cat /etc/os-release\`:

      \`\`\`text
      PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
      ID=debian
      \`\`\`"
    `);
  });

  it("carries the distribution and its version as one row of ecosystem os", async () => {
    const session = fakeSession({ "cat /etc/os-release": { stdout: 'ID=debian\nVERSION_ID="12"\n' } });
    expect((await osReleaseManifest(fakeContext(session))).packages).toEqual([{ ecosystem: "os", name: "debian", version: "12", source: 'VERSION_ID="12"' }]);
  });
});

describe("builtinManifests", () => {
  it("holds every built-in under its config name", () => {
    expect(Object.keys(builtinManifests).sort()).toEqual(
      ["apt-packages", "build-info", "conda-environment", "julia-packages", "os-release", "pip-packages", "r-packages", "spark-info"],
    );
    for (const [name, manifest] of Object.entries(builtinManifests)) expect(manifest.name).toBe(name);
    expect(Object.isFrozen(builtinManifests)).toBe(true);
  });
});
