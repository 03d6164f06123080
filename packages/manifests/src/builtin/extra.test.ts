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
