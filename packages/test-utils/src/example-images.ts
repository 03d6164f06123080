import { fileURLToPath } from "node:url";
import { docker, imageExists } from "./docker-cli.js";

/** The example stack's images, parents first, as examples/debian-stack/images/README.md builds them. */
export const EXAMPLE_IMAGES = ["foundation", "python", "scientific", "r"] as const;

/** Local reference of an example image: imgs.localhost/imgs-example/<name>:latest. */
export const exampleRef = (name: string): string => `imgs.localhost/imgs-example/${name}:latest`;

const EXAMPLES_DIR = fileURLToPath(new URL("../../../examples/debian-stack/images/", import.meta.url));

/**
 * Build the example images that are missing, parents first, with the docker CLI (independent of
 * the imgs code under test). They are kept afterwards under their clearly named tags, so later
 * runs skip them; a cold build takes about a minute.
 */
export async function ensureExampleImages(): Promise<void> {
  for (const name of EXAMPLE_IMAGES) {
    if (!(await imageExists(exampleRef(name)))) await docker("build", "--quiet", "--tag", exampleRef(name), `${EXAMPLES_DIR}${name}`);
  }
}
