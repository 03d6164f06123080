// An imgs plugin is a package that exports `taggers` and/or `manifests`: lists of named functions.
// This one only imports types, so it has no runtime dependency on imgs and imgs loads it as it is
// (TypeScript included). List it in a config as `plugins: ["imgs-plugin-example"]`.
import type { Manifest, ManifestContext, ManifestPiece } from "@imgs/manifests";
import type { TagContext, Tagger } from "@imgs/taggers";

/** `arch-x86_64`: the machine architecture the image's programs report (uname -m). */
async function machineArch({ container, image }: TagContext): Promise<string> {
  const result = await container.exec(["uname", "-m"]);
  if (result.exitCode !== 0) throw new Error(`uname -m failed in ${image.ref} with exit code ${result.exitCode}: ${result.output}`);
  return `arch-${result.stdout.trim()}`;
}

/** An "Image environment" piece: the image's configured environment variables, sorted. */
function imageEnvironment({ image }: ManifestContext): ManifestPiece {
  const lines = [...image.info.env].sort();
  return { title: "Image environment", sections: ["```text\n" + lines.join("\n") + "\n```"] };
}

export const taggers: readonly Tagger[] = [Object.defineProperty(machineArch, "name", { value: "machine-arch" })];
export const manifests: readonly Manifest[] = [Object.defineProperty(imageEnvironment, "name", { value: "image-environment" })];
