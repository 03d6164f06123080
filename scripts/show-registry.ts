// Prints what a registry holds: every repository, tag, digest and platform, read with
// @imgs/registry. The README's example ends with it:
//   tsx scripts/show-registry.ts 127.0.0.1:PORT
import { anonymous, formatPlatform, isAttestation, RegistryClient, type Platform } from "@imgs/registry";

const registry = process.argv[2];
if (!registry) {
  process.stderr.write("usage: tsx scripts/show-registry.ts REGISTRY_HOST:PORT\n");
  process.exit(2);
}
const client = new RegistryClient({ credentials: anonymous, clock: { now: () => new Date() } });
const out: string[] = [];
for (const repository of (await client.listRepositories(registry)).sort()) {
  out.push(`${registry}/${repository}`);
  for (const tag of (await client.listTags(`${registry}/${repository}`)).sort()) {
    const fetched = await client.getManifest(`${registry}/${repository}:${tag}`);
    let platforms: string;
    if (fetched.kind === "index") {
      platforms = `index of ${fetched.index.manifests.filter((m) => !isAttestation(m) && m.platform).map((m) => formatPlatform(m.platform as Platform)).join(", ")}`;
    } else {
      const config = await client.getImageConfig(`${registry}/${repository}`, fetched.manifest.config.digest);
      platforms = formatPlatform(config);
    }
    out.push(`  ${tag.padEnd(28)} ${fetched.digest}  ${platforms}`);
  }
}
process.stdout.write(`${out.join("\n")}\n`);
