// The README's main job: four Debian images built here, tagged and documented by imgs.
//   imgs -c examples/debian-stack/imgs.config.ts build --all
//   imgs -c examples/debian-stack/imgs.config.ts hook --all
// Only a type is imported, so this file needs no build of imgs to load.
import type { ImgsConfig } from "@imgs/cli";

export default {
  registry: "imgs.localhost",
  owner: "imgs-example",
  repository: "imgs-dev/imgs",
  tagsDir: "out/tags",
  manifestsDir: "out/manifests",
  histLinesDir: "out/hist-lines",
  images: {
    foundation: {
      dockerfile: "images/foundation/Dockerfile",
      taggers: [
        "commit-sha",
        "date",
        "os-version",
        // Git-ref rules sit beside container taggers: the branch name, and X.Y.Z on a release tag.
        { refs: ["type=ref,event=branch", "type=semver,pattern={{version}}"] },
      ],
      manifests: ["apt-packages", "os-release"],
    },
    python: {
      parent: "foundation",
      dockerfile: "images/python/Dockerfile",
      taggers: ["python-major-minor", "python", { "pip-package": "pip" }],
      manifests: ["pip-packages"],
    },
    scientific: {
      parent: "python",
      dockerfile: "images/scientific/Dockerfile",
      taggers: [{ "pip-package": "numpy" }, { "pip-package": "pandas" }],
    },
    r: {
      parent: "python",
      dockerfile: "images/r/Dockerfile",
      taggers: ["r", { "apt-package": "r-base-core", prefix: "r-base" }],
      manifests: ["r-packages"],
    },
  },
} satisfies ImgsConfig;
