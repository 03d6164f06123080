import { runManifest } from "../run-manifest.js";
import { inspectImage, startContainer } from "@imgs/runner";
import { beforeAll, describe, expect, it } from "vitest";
import { renderManifest } from "../files/render-manifest.js";
import { docker, dockerRun, ensureExampleImages, exampleRef, manifestProblems, fakeGit, FIXED_NOW, fakeRefs, testEngine, processDocker } from "@imgs/test-utils";
import type { Manifest, ManifestContext, ManifestPiece } from "../types.js";
import { buildInfoManifest } from "./build-info.js";
import { aptPackagesManifest, rPackagesManifest } from "./docker-stacks.js";
import { osReleaseManifest, pipPackagesManifest } from "./extra.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

// The example hierarchy foundation -> python -> scientific / r, built from Debian with real
// packages; each built-in manifest's piece is checked against the real programs run apart.
const OWN: Record<string, readonly Manifest[]> = {
  foundation: [aptPackagesManifest, osReleaseManifest],
  python: [pipPackagesManifest],
  scientific: [],
  r: [rPackagesManifest],
};
const LINEAGE: Record<string, readonly string[]> = {
  foundation: ["foundation"],
  python: ["foundation", "python"],
  scientific: ["foundation", "python", "scientific"],
  r: ["foundation", "python", "r"],
};

/** The quoted body of a piece's section for `command`. */
function body(piece: ManifestPiece, command: string): string {
  const section = piece.sections.find((s) => s.startsWith(`\`${command}\`:`));
  if (!section) throw new Error(`no section for ${command} in ${piece.title}`);
  return section.slice(section.indexOf("```text\n") + 8, -4);
}

/** Every piece of an image's manifest, build-info first, from one container. */
async function manifestOf(name: string): Promise<ManifestPiece[]> {
  const ref = exampleRef(name);
  await using container = await startContainer({ ...testEngine(), image: ref });
  const ctx: ManifestContext = {
    container,
    git: fakeGit(),
    refs: fakeRefs(),
    now: FIXED_NOW,
    image: { name, ref, info: await inspectImage(ref, engine) },
    build: { fullImage: `imgs.localhost/imgs-example/${name}`, repository: "example/debian-stack" },
  };
  const manifests = [buildInfoManifest, ...(LINEAGE[name] ?? []).flatMap((n) => OWN[n] ?? [])];
  const pieces: ManifestPiece[] = [];
  for (const manifest of manifests) pieces.push(await runManifest(manifest, ctx));
  return pieces;
}

const pieces = new Map<string, ManifestPiece[]>();
const piece = (image: string, title: string): ManifestPiece => {
  const found = pieces.get(image)?.find((p) => p.title === title);
  if (!found) throw new Error(`${image} has no piece ${title}`);
  return found;
};

beforeAll(async () => {
  await ensureExampleImages();
  for (const name of Object.keys(LINEAGE)) pieces.set(name, await manifestOf(name));
});

describe("built-in manifests on the example Debian stack", () => {
  it.each(Object.keys(LINEAGE))("writes a docker-stacks-shaped manifest for %s", (name) => {
    const content = renderManifest({ image: name, commit: fakeGit().commit, pieces: pieces.get(name) ?? [] });
    expect(manifestProblems(content)).toEqual([]);
  });

  it.each(Object.keys(LINEAGE))("prints the size of %s as `docker images` does", async (name) => {
    const size = (await docker("images", exampleRef(name), "--format", "{{.Size}}")).trimEnd();
    expect(piece(name, "Build Info").sections[0]).toContain(`\n- Docker image size: ${size}\n`);
  });

  it.each([
    ["foundation", "ca-certificates"],
    ["python", "python3-pip"],
    ["scientific", "python3-pandas"],
    ["r", "r-base-core"],
  ])("lists every package dpkg knows in %s's apt list, %s included", async (name, own) => {
    const listed = body(piece(name, "Apt Packages"), "apt list --installed");
    // apt warns on stderr when its output is not a terminal; the runner keeps stderr, as docker-py does.
    expect(listed).toContain("WARNING: apt does not have a stable CLI interface.");
    const installed = (await dockerRun(exampleRef(name), "dpkg-query", "--show", "--showformat=${Package}\n")).trim().split("\n");
    expect(installed).toContain(own);
    for (const pkg of installed) expect(listed).toMatch(new RegExp(`^${pkg.replace(/[.+]/g, "\\$&")}/`, "m"));
  });

  it("quotes /etc/os-release as cat prints it", async () => {
    const expected = (await dockerRun(exampleRef("foundation"), "cat", "/etc/os-release")).trimEnd();
    expect(body(piece("foundation", "OS Release"), "cat /etc/os-release")).toBe(expected);
  });

  it("lists numpy and pandas among scientific's pip packages with their real versions", async () => {
    const versions = await dockerRun(exampleRef("scientific"), "python3", "-c", "import numpy, pandas; print(numpy.__version__, pandas.__version__)");
    const [numpy, pandas] = versions.trim().split(" ");
    const listed = body(piece("scientific", "Pip Packages"), "python -m pip list --disable-pip-version-check");
    expect(listed).toMatch(new RegExp(`^numpy +${numpy}$`, "m"));
    expect(listed).toMatch(new RegExp(`^pandas +${pandas}$`, "m"));
  });

  it("quotes R's version and its library's packages in r", async () => {
    const version = (await dockerRun(exampleRef("r"), "R", "--version")).split("\n")[0];
    const r = piece("r", "R Packages");
    expect(body(r, "R --version").split("\n")[0]).toBe(version);
    const library = body(r, "R --silent -e 'installed.packages(.Library)[, c(1,3)]'");
    expect(library.split("\n")[0]).toBe("> installed.packages(.Library)[, c(1,3)]");
    expect(library).toMatch(/^base +"base" +"\d+\.\d+\.\d+"$/m);
    for (const line of library.split("\n")) expect(line).toBe(line.trimEnd());
  });
});
