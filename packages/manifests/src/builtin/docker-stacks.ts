import { execOrThrow, quotedOutput } from "@imgs/runner";
import { defineManifest } from "../define-manifest.js";

// The manifests of docker-stacks' tagging/manifests/, with the same titles and commands. The
// commands of one piece run concurrently; Promise.all keeps the sections in docker-stacks' order.

/** "## Apt Packages": `apt list --installed`. */
export const aptPackagesManifest = defineManifest("apt-packages", async ({ container }) => ({
  title: "Apt Packages",
  sections: [await quotedOutput(container, "apt list --installed")],
}));

/**
 * "## Python Packages": `python --version` as a plain line (not quoted, as docker-stacks does),
 * then `conda info`, `mamba info` and `mamba list` quoted.
 */
export const condaEnvironmentManifest = defineManifest("conda-environment", async ({ container }) => ({
  title: "Python Packages",
  sections: await Promise.all([
    execOrThrow(container, "python --version"),
    quotedOutput(container, "conda info"),
    quotedOutput(container, "mamba info"),
    quotedOutput(container, "mamba list"),
  ]),
}));

/** "## R Packages": `R --version` and the library's packages with their versions. */
export const rPackagesManifest = defineManifest("r-packages", async ({ container }) => ({
  title: "R Packages",
  sections: await Promise.all([
    quotedOutput(container, "R --version"),
    quotedOutput(container, "R --silent -e 'installed.packages(.Library)[, c(1,3)]'"),
  ]),
}));

/** "## Julia Packages": Julia's versioninfo() and Pkg.status(). */
export const juliaPackagesManifest = defineManifest("julia-packages", async ({ container }) => ({
  title: "Julia Packages",
  sections: await Promise.all([
    quotedOutput(container, "julia -E 'using InteractiveUtils; versioninfo()'"),
    quotedOutput(container, "julia -E 'import Pkg; Pkg.status()'"),
  ]),
}));

/** "## Apache Spark": `spark-submit --version` from /usr/local/spark, where docker-stacks installs it. */
export const sparkInfoManifest = defineManifest("spark-info", async ({ container }) => ({
  title: "Apache Spark",
  sections: [await quotedOutput(container, "/usr/local/spark/bin/spark-submit --version")],
}));
