import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Run the docker CLI with an argument array (no shell) and return its stdout. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run("docker", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The example stack's images, parents first, as examples/debian-stack/images/README.md builds them. */
export const EXAMPLE_IMAGES = ["foundation", "python", "scientific", "r"] as const;

/** Local reference of an example image: imgs.localhost/imgs-example/<name>:latest. */
export const exampleRef = (name: string): string => `imgs.localhost/imgs-example/${name}:latest`;

const EXAMPLES_DIR = fileURLToPath(new URL("../../../../examples/debian-stack/images/", import.meta.url));

/**
 * Build the example images in order with the docker CLI. They are kept afterwards under their
 * clearly named tags, so later runs reuse the build cache and take seconds.
 */
export async function buildExampleImages(): Promise<void> {
  for (const name of EXAMPLE_IMAGES) await docker("build", "--quiet", "--tag", exampleRef(name), `${EXAMPLES_DIR}${name}`);
}

/** Build a test-only image from a folder; remove it with `docker rmi` when done. */
export async function buildTestImage(tag: string, folder: URL): Promise<void> {
  await docker("build", "--quiet", "--tag", tag, fileURLToPath(folder));
}

/**
 * Run a program in a fresh container of `image` with the docker CLI (`docker run --rm`), as an
 * independent check of what the runner's session reports; returns stdout. The container carries
 * this test run's labels (IMGS_CONTAINER_LABELS), so a test run beside this one leaves it alone.
 */
export function dockerRun(image: string, ...argv: string[]): Promise<string> {
  const labels = (process.env.IMGS_CONTAINER_LABELS ?? "").split(",").filter(Boolean).flatMap((label) => ["--label", label]);
  return docker("run", "--rm", "--network", "none", ...labels, image, ...argv);
}
