import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { builtinCatalog, loadConfig } from "@imgs/hierarchy";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const CONFIG = join(import.meta.dirname, "imgs.config.ts");
const READER = join(import.meta.dirname, "read_images_hierarchy.py");
/** A docker-stacks checkout; when set, its images_hierarchy.py is checked against the table too. */
const DOCKER_STACKS_DIR = process.env.DOCKER_STACKS_DIR;

interface UpstreamImage {
  readonly parent: string | null;
  readonly taggers: readonly string[];
  readonly manifests: readonly string[];
}

const FOUNDATION_TAGGERS = ["commit_sha_tagger", "date_tagger", "ubuntu_version_tagger", "python_major_minor_tagger", "python_tagger", "mamba_tagger", "conda_tagger"];

/**
 * jupyter/docker-stacks' tagging/hierarchy/images_hierarchy.py (ALL_IMAGES), in file order, with
 * each tagger and manifest named as upstream's function.
 */
const UPSTREAM: Readonly<Record<string, UpstreamImage>> = {
  "docker-stacks-foundation": { parent: null, taggers: FOUNDATION_TAGGERS, manifests: ["conda_environment_manifest", "apt_packages_manifest"] },
  "base-notebook": { parent: "docker-stacks-foundation", taggers: ["jupyter_notebook_tagger", "jupyter_lab_tagger", "jupyter_hub_tagger"], manifests: [] },
  "minimal-notebook": { parent: "base-notebook", taggers: [], manifests: [] },
  "scipy-notebook": { parent: "minimal-notebook", taggers: [], manifests: [] },
  "r-notebook": { parent: "minimal-notebook", taggers: ["r_tagger"], manifests: ["r_packages_manifest"] },
  "julia-notebook": { parent: "minimal-notebook", taggers: ["julia_tagger"], manifests: ["julia_packages_manifest"] },
  "tensorflow-notebook": { parent: "scipy-notebook", taggers: ["tensorflow_tagger"], manifests: [] },
  "pytorch-notebook": { parent: "scipy-notebook", taggers: ["pytorch_tagger"], manifests: [] },
  "datascience-notebook": { parent: "scipy-notebook", taggers: ["r_tagger", "julia_tagger"], manifests: ["r_packages_manifest", "julia_packages_manifest"] },
  "pyspark-notebook": { parent: "scipy-notebook", taggers: ["spark_tagger", "java_tagger"], manifests: ["spark_info_manifest"] },
  "all-spark-notebook": { parent: "pyspark-notebook", taggers: ["r_tagger"], manifests: ["r_packages_manifest"] },
};

/** imgs' built-in name of an upstream function: "python_major_minor_tagger" -> "python-major-minor". */
const imgsName = (upstream: string): string => upstream.replace(/_(tagger|manifest)$/, "").replaceAll("_", "-");

/** A file of images_hierarchy.py's shape that states `table`, in both of the forms upstream uses. */
function hierarchyFile(table: Readonly<Record<string, UpstreamImage>>): string {
  const entries = Object.entries(table).map(([image, { parent, taggers, manifests }]) => {
    const parentText = parent === null ? "None" : JSON.stringify(parent);
    if (taggers.length === 0 && manifests.length === 0) return `    ${JSON.stringify(image)}: ImageDescription(${parentText}),`;
    const list = (names: readonly string[], prefix: string): string => `[${names.map((n) => `${prefix}${n}`).join(", ")}]`;
    return `    ${JSON.stringify(image)}: ImageDescription(\n        parent_image=${parentText},\n        taggers=${list(taggers, "versions.")},\n        manifests=${list(manifests, "")},\n    ),`;
  });
  return `from tagging.taggers import versions\n\n\nALL_IMAGES = {\n${entries.join("\n")}\n}\n`;
}

/** What read_images_hierarchy.py (python3's own parser) finds in an images_hierarchy.py. */
async function readWithPython(path: string): Promise<unknown> {
  const { stdout } = await run("python3", [READER, path], { encoding: "utf8" });
  return JSON.parse(stdout);
}

describe("examples/docker-stacks/imgs.config.ts", () => {
  it("states docker-stacks' hierarchy exactly: every image's parent, taggers and manifests, in order", async () => {
    const { hierarchy } = await loadConfig({ cwd: import.meta.dirname, configPath: CONFIG, catalog: builtinCatalog() });
    const config = Object.fromEntries(
      Object.entries(hierarchy.images).map(([image, node]) => [
        image,
        { parent: node.parent ?? null, taggers: node.taggers.map((t) => t.name), manifests: node.manifests.map((m) => m.name) },
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(UPSTREAM).map(([image, { parent, taggers, manifests }]) => [image, { parent, taggers: taggers.map(imgsName), manifests: manifests.map(imgsName) }]),
    );
    expect(config).toEqual(expected);
    expect(Object.keys(hierarchy.images)).toEqual(Object.keys(UPSTREAM));
    expect([hierarchy.registry, hierarchy.owner, hierarchy.repository]).toEqual(["quay.io", "jupyter", "jupyter/docker-stacks"]);
  });

  it("reads a file of images_hierarchy.py's shape with python3's parser, both forms of ImageDescription", async () => {
    const dir = await mkdtemp(join(tmpdir(), "imgs-ds-hierarchy-"));
    try {
      await writeFile(join(dir, "images_hierarchy.py"), hierarchyFile(UPSTREAM));
      expect(await readWithPython(join(dir, "images_hierarchy.py"))).toEqual(UPSTREAM);
      await writeFile(join(dir, "other.py"), "IMAGES = {}\n");
      await expect(readWithPython(join(dir, "other.py"))).rejects.toThrow("no ALL_IMAGES = {...} assignment");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // With DOCKER_STACKS_DIR (a docker-stacks checkout), its own file is read; without, what the same
  // reader printed for upstream's file at commit 82093869 (recorded, not hand-written).
  it("matches upstream's tagging/hierarchy/images_hierarchy.py, read by python3", async () => {
    const upstream = DOCKER_STACKS_DIR
      ? await readWithPython(join(DOCKER_STACKS_DIR, "tagging/hierarchy/images_hierarchy.py"))
      : (JSON.parse(await readFile(join(import.meta.dirname, "__fixtures__/images_hierarchy.82093869.json"), "utf8")) as unknown);
    expect(upstream).toEqual(UPSTREAM);
  });
});
