import type { Tagger } from "../types.js";
import { InvalidTaggerSpecError, UnparsableOutputError } from "./errors.js";
import { defineTagger } from "./define-tagger.js";
import { run } from "./output.js";
import { packagePrefix } from "./package-prefix.js";
import type { PackageTaggerOptions } from "./package-prefix.js";

/** A Debian package name, optionally with an architecture (libc6:amd64), as dpkg accepts it. */
const DEB_NAME = /^[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?$/;

/**
 * The upstream part of a Debian version, fit for a tag: epoch ("1:"), Debian revision ("-2") and
 * any "+suffix" (repacks like "+dfsg", "+deb12u5") dropped, "~" (pre-release) made "-".
 *
 * @example upstreamVersion("1:2.39.5-0+deb12u2") // "2.39.5"
 */
export function upstreamVersion(version: string): string {
  let upstream = version.replace(/^\d+:/, "");
  const dash = upstream.lastIndexOf("-");
  if (dash > 0) upstream = upstream.slice(0, dash);
  return (upstream.split("+")[0] ?? upstream).replaceAll("~", "-");
}

/**
 * "apt-package(<name>)": "<name>-<upstream version>" of an installed Debian package, read with
 * dpkg-query, e.g. aptPackageTagger("curl") -> "curl-7.88.1" for version "7.88.1-10+deb12u8".
 */
export function aptPackageTagger(name: string, options: PackageTaggerOptions = {}): Tagger {
  if (typeof name !== "string" || !DEB_NAME.test(name)) {
    throw new InvalidTaggerSpecError(name, "apt-package needs a Debian package name (a-z 0-9 + . -, optionally :arch)");
  }
  const prefix = packagePrefix(name, { prefix: options.prefix ?? name.replace(/:.*$/, "") });
  // dpkg-query expands the \t and \n escapes itself; no shell is involved.
  const command = ["dpkg-query", "--showformat=${db:Status-Status}\\t${Version}\\n", "--show", name];
  return defineTagger(`apt-package(${name})`, async (ctx) => {
    const output = await run(ctx, command);
    // dpkg also lists removed packages whose configuration files remain; only "installed" counts.
    const version = output
      .split("\n")
      .map((line) => line.split("\t"))
      .find(([status, v]) => status === "installed" && v)?.[1];
    if (!version) throw new UnparsableOutputError(command, output, `an installed version of ${name}`);
    return `${prefix}-${upstreamVersion(version)}`;
  });
}
