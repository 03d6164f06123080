// jupyter/docker-stacks' image hierarchy (tagging/hierarchy/images_hierarchy.py), with exactly
// its taggers and manifests per image. Build info heads every manifest, as in docker-stacks.
// imgs-config.test.ts states upstream's table and fails when this file drifts from it.
import type { ImgsConfig } from "@imgs/cli";

export default {
  registry: "quay.io",
  owner: "jupyter",
  repository: "jupyter/docker-stacks",
  images: {
    "docker-stacks-foundation": {
      taggers: ["commit-sha", "date", "ubuntu-version", "python-major-minor", "python", "mamba", "conda"],
      manifests: ["conda-environment", "apt-packages"],
    },
    "base-notebook": {
      parent: "docker-stacks-foundation",
      taggers: ["jupyter-notebook", "jupyter-lab", "jupyter-hub"],
    },
    "minimal-notebook": { parent: "base-notebook" },
    "scipy-notebook": { parent: "minimal-notebook" },
    "r-notebook": { parent: "minimal-notebook", taggers: ["r"], manifests: ["r-packages"] },
    "julia-notebook": { parent: "minimal-notebook", taggers: ["julia"], manifests: ["julia-packages"] },
    "tensorflow-notebook": { parent: "scipy-notebook", taggers: ["tensorflow"] },
    "pytorch-notebook": { parent: "scipy-notebook", taggers: ["pytorch"] },
    "datascience-notebook": {
      parent: "scipy-notebook",
      taggers: ["r", "julia"],
      manifests: ["r-packages", "julia-packages"],
    },
    "pyspark-notebook": { parent: "scipy-notebook", taggers: ["spark", "java"], manifests: ["spark-info"] },
    "all-spark-notebook": { parent: "pyspark-notebook", taggers: ["r"], manifests: ["r-packages"] },
  },
} satisfies ImgsConfig;
