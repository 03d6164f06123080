import { execOrThrow, quotedOutput } from "@imgs/runner";
import { defineManifest } from "../define-manifest.js";
import { quotedPackages } from "../package-lists/package-commands.js";

// The manifests of docker-stacks' tagging/manifests/, with the same titles and commands. The
// commands of one piece run concurrently; Promise.all keeps the sections in docker-stacks' order.
// Beside the Markdown, each piece that quotes a package list carries its rows (`packages`).

/** "## Apt Packages": `apt list --installed`; rows of ecosystem "apt". */
export const aptPackagesManifest = defineManifest("apt-packages", async ({ container }) => {
  const apt = await quotedPackages(container, "apt list --installed");
  return { title: "Apt Packages", sections: [apt.section], packages: apt.packages };
});

/**
 * "## Python Packages": `python --version` as a plain line (not quoted, as docker-stacks does),
 * then `conda info`, `mamba info` and `mamba list` quoted; rows of ecosystem "conda".
 */
export const condaEnvironmentManifest = defineManifest("conda-environment", async ({ container }) => {
  const [python, condaInfo, mambaInfo, list] = await Promise.all([
    execOrThrow(container, "python --version"),
    quotedOutput(container, "conda info"),
    quotedOutput(container, "mamba info"),
    quotedPackages(container, "mamba list"),
  ]);
  return { title: "Python Packages", sections: [python, condaInfo, mambaInfo, list.section], packages: list.packages };
});

/** "## R Packages": `R --version` and the library's packages with their versions; rows of ecosystem "r". */
export const rPackagesManifest = defineManifest("r-packages", async ({ container }) => {
  const [version, list] = await Promise.all([
    quotedOutput(container, "R --version"),
    quotedPackages(container, "R --silent -e 'installed.packages(.Library)[, c(1,3)]'"),
  ]);
  return { title: "R Packages", sections: [version, list.section], packages: list.packages };
});

/** "## Julia Packages": Julia's versioninfo() and Pkg.status(); rows of ecosystem "julia". */
export const juliaPackagesManifest = defineManifest("julia-packages", async ({ container }) => {
  const [info, status] = await Promise.all([
    quotedOutput(container, "julia -E 'using InteractiveUtils; versioninfo()'"),
    quotedPackages(container, "julia -E 'import Pkg; Pkg.status()'"),
  ]);
  return { title: "Julia Packages", sections: [info, status.section], packages: status.packages };
});

/**
 * "## Apache Spark": `spark-submit --version` from /usr/local/spark, where docker-stacks installs
 * it; rows "spark" and "scala" of ecosystem "spark".
 */
export const sparkInfoManifest = defineManifest("spark-info", async ({ container }) => {
  const spark = await quotedPackages(container, "/usr/local/spark/bin/spark-submit --version");
  return { title: "Apache Spark", sections: [spark.section], packages: spark.packages };
});
