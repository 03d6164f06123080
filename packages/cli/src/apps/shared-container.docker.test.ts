import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeImage } from "@imgs/runner";
import { makeGitRepo, type GitRepoFixture, processDocker } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestImage, containersWithLabel, labelNewContainers, recordContainerEvents, testRunLabel, type ContainerEvent } from "@imgs/test-utils";
import { engineDeps } from "../__fixtures__/engine.js";
import { runCli } from "../cli.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

// Two images built from __fixtures__/probe-image with different flavours; `probe` counts its own
// runs in a container. Two taggers and a manifest all ask for `probe` (once as a string, once as
// an argv array, once through the session directly): if any of them ran it again, a tag would say
// runs-2. The child inherits the parent's taggers and must compute them in its own container.
const OWNER = `imgs-test-${process.pid}`;
const ref = (image: string): string => `imgs.localhost/${OWNER}/${image}:latest`;

const CONFIG = `
async function probeManifest({ container }) {
  const { output } = await container.exec("probe");
  return { title: "Probe", sections: ["\`\`\`text\\n" + output.trim() + "\\n\`\`\`"] };
}

export default {
  registry: "imgs.localhost",
  owner: "${OWNER}",
  repository: "imgs-dev/imgs",
  images: {
    parent: {
      taggers: [
        { name: "probe-flavour", command: "probe", pattern: "flavour=(\\\\w+)", template: "flavour-$1" },
        { name: "probe-runs", command: ["probe"], pattern: "runs=(\\\\d+)", template: "runs-$1" },
      ],
      manifests: [probeManifest],
    },
    child: { parent: "parent" },
  },
};
`;

let repo: GitRepoFixture;
let out: string;

beforeAll(async () => {
  const folder = new URL("../__fixtures__/probe-image/", import.meta.url);
  await buildTestImage(ref("parent"), folder, { FLAVOUR: "parent" });
  await buildTestImage(ref("child"), folder, { FLAVOUR: "child" });
  repo = makeGitRepo({ "README.md": "probe\n" });
  writeFileSync(join(repo.dir, "imgs.config.mjs"), CONFIG);
  out = await mkdtemp(join(tmpdir(), "imgs-shared-container-"));
});

afterAll(async () => {
  repo.remove();
  await rm(out, { recursive: true, force: true });
  for (const image of ["child", "parent"]) await removeImage(ref(image), { ...engine, force: true });
});

interface HookJson {
  images: Record<string, { tags: string[]; manifest: { pieces: Array<{ title: string; sections: string[] }> } }>;
  failures: unknown[];
}

describe("imgs hook", () => {
  it.each([1, 4])("runs a command asked twice once, in one container per image, with --jobs %i", async (jobs) => {
    const deps = engineDeps({ cwd: repo.dir });
    const marker = labelNewContainers();
    const log = await recordContainerEvents([testRunLabel(), marker.label]);
    const dirs = ["--tags-dir", join(out, `tags-${jobs}`), "--manifests-dir", join(out, `m-${jobs}`), "--hist-lines-dir", join(out, `h-${jobs}`)];
    let events: ContainerEvent[];
    try {
      await runCli(["hook", "--all", "--json", "--jobs", String(jobs), "--platform", "x86_64", ...dirs], deps);
    } finally {
      marker.restore();
      events = await log.settle();
    }

    const result = JSON.parse(deps.out()) as HookJson;
    expect(result.failures).toEqual([]);
    const suffixes = (image: string): string[] | undefined => result.images[image]?.tags.map((t) => t.slice(t.indexOf(":") + 1));
    expect(suffixes("parent")).toEqual(["x86_64-latest", "x86_64-flavour-parent", "x86_64-runs-1"]);
    // Inherited taggers, recomputed in the child's own container (its flavour, its own count).
    expect(suffixes("child")).toEqual(["x86_64-latest", "x86_64-flavour-child", "x86_64-runs-1"]);
    expect(result.images.parent?.manifest.pieces.find((p) => p.title === "Probe")?.sections).toEqual(["```text\nflavour=parent runs=1\n```"]);
    expect(result.images.child?.manifest.pieces.find((p) => p.title === "Probe")?.sections).toEqual(["```text\nflavour=child runs=1\n```"]);

    const creates = events.filter((e) => e.action === "create");
    expect(creates.map((c) => c.image).sort()).toEqual([ref("child"), ref("parent")]);
    expect(events.filter((e) => e.action === "destroy")).toHaveLength(2);
    expect(await containersWithLabel(marker.label)).toEqual([]);
  });
});
