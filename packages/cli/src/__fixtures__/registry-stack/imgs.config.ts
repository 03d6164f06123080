// A two-image stack on busybox for the registry tests: small, so pushes take a second. The
// registry is given with --registry (a test registry on 127.0.0.1); the base image with
// ROOT_IMAGE, so a second engine can build it on its own (arm64) busybox.
import type { ImgsConfig } from "@imgs/cli";

export default {
  registry: "imgs.localhost",
  owner: "imgs-registry-test",
  repository: "imgs-dev/imgs",
  images: {
    base: {
      dockerfile: "images/base/Dockerfile",
      taggers: ["commit-sha", { command: ["cat", "/etc/stack-version"], pattern: "^(\\S+)", template: "stack-$1" }],
    },
    app: {
      parent: "base",
      dockerfile: "images/app/Dockerfile",
      taggers: [{ command: ["cat", "/etc/app-version"], pattern: "^(\\S+)", template: "app-$1" }],
    },
  },
} satisfies ImgsConfig;
