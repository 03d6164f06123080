import { quotedOutput } from "@imgs/runner";
import { defineManifest } from "../define-manifest.js";
import { quotedPackages } from "../package-lists/package-commands.js";

// Manifests imgs adds to docker-stacks' set, written the same way (a title and quoted outputs),
// for images without conda: Debian's pip and the distribution's release file.

/**
 * "## Pip Packages": `python -m pip list`, with pip's version check off so the output does not
 * depend on PyPI being reachable (the check prints a notice when a newer pip exists); rows of
 * ecosystem "pip".
 */
export const pipPackagesManifest = defineManifest("pip-packages", async ({ container }) => {
  const [version, list] = await Promise.all([
    quotedOutput(container, "python -m pip --version"),
    quotedPackages(container, "python -m pip list --disable-pip-version-check"),
  ]);
  return { title: "Pip Packages", sections: [version, list.section], packages: list.packages };
});

/** "## OS Release": `cat /etc/os-release`; one row of ecosystem "os" (ID and VERSION_ID). */
export const osReleaseManifest = defineManifest("os-release", async ({ container }) => {
  const release = await quotedPackages(container, "cat /etc/os-release");
  return { title: "OS Release", sections: [release.section], packages: release.packages };
});
