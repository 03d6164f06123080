import { UnparsableOutputError } from "./errors.js";
import { defineTagger } from "./define-tagger.js";
import { parseOsRelease, run } from "./output.js";

// Both taggers ask the same command, so a caching session runs it once.
const OS_RELEASE = "cat /etc/os-release";

/**
 * "ubuntu-version": "ubuntu-" + VERSION_ID of /etc/os-release, e.g. "ubuntu-24.04". Like
 * docker-stacks it does not look at ID, so a Debian 12 image gives "ubuntu-12"; see os-version.
 */
export const ubuntuVersionTagger = defineTagger("ubuntu-version", async (ctx) => {
  const output = await run(ctx, OS_RELEASE);
  const version = parseOsRelease(output).VERSION_ID;
  if (!version) throw new UnparsableOutputError(OS_RELEASE, output, "a VERSION_ID line");
  return `ubuntu-${version}`;
});

/** "os-version": ID-VERSION_ID of /etc/os-release, e.g. "debian-12", "ubuntu-24.04", "alpine-3.20.3". */
export const osVersionTagger = defineTagger("os-version", async (ctx) => {
  const output = await run(ctx, OS_RELEASE);
  const { ID: id, VERSION_ID: version } = parseOsRelease(output);
  if (!id || !version) throw new UnparsableOutputError(OS_RELEASE, output, "ID and VERSION_ID lines");
  return `${id}-${version}`;
});
