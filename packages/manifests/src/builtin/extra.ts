import { quotedOutput } from "@imgs/runner";
import { defineManifest } from "../define-manifest.js";

// Manifests imgs adds to docker-stacks' set, written the same way (a title and quoted outputs),
// for images without conda: Debian's pip and the distribution's release file.

/**
 * "## Pip Packages": `python -m pip list`, with pip's version check off so the output does not
 * depend on PyPI being reachable (the check prints a notice when a newer pip exists).
 */
export const pipPackagesManifest = defineManifest("pip-packages", async ({ container }) => ({
  title: "Pip Packages",
  sections: await Promise.all([
    quotedOutput(container, "python -m pip --version"),
    quotedOutput(container, "python -m pip list --disable-pip-version-check"),
  ]),
}));

/** "## OS Release": `cat /etc/os-release`, the distribution's name and version. */
export const osReleaseManifest = defineManifest("os-release", async ({ container }) => ({
  title: "OS Release",
  sections: [await quotedOutput(container, "cat /etc/os-release")],
}));
