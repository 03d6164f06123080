/** A version parsed per PEP 440 (the public version scheme of Python packages). */
export interface Pep440Version {
  readonly epoch: number;
  /** Release segment, e.g. [1, 2] for `1.2`. */
  readonly release: readonly number[];
  /** Normalised pre-release label (`a`, `b`, `rc`) and number. */
  readonly pre: readonly [string, number] | undefined;
  readonly post: number | undefined;
  readonly dev: number | undefined;
  /** Normalised local label (`ubuntu.1`), without the `+`. */
  readonly local: string | undefined;
}

// PEP 440's reference pattern (packaging.version.VERSION_PATTERN), matched case-insensitively.
const VERSION = new RegExp(
  "^v?" +
    "(?:(?<epoch>[0-9]+)!)?" +
    "(?<release>[0-9]+(?:\\.[0-9]+)*)" +
    "(?<pre>[-_.]?(?<pre_l>alpha|beta|preview|pre|a|b|c|rc)[-_.]?(?<pre_n>[0-9]+)?)?" +
    "(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?))?" +
    "(?<dev>[-_.]?(?<dev_l>dev)[-_.]?(?<dev_n>[0-9]+)?)?" +
    "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$",
  "i",
);

const PRE_LABELS: Readonly<Record<string, string>> = { alpha: "a", a: "a", beta: "b", b: "b", c: "rc", pre: "rc", preview: "rc", rc: "rc" };

// Number() of a digit string; PEP 440 compares and prints release numbers as integers (`01` is 1).
const int = (digits: string | undefined): number => (digits === undefined ? 0 : Number(digits));

/**
 * Parse a version string per PEP 440 (case-insensitive, optional leading `v`); undefined when it
 * does not conform.
 *
 * @example parsePep440("1.1beta2")?.pre // ["b", 2]
 */
export function parsePep440(text: string): Pep440Version | undefined {
  const groups = VERSION.exec(text)?.groups;
  if (groups === undefined) return undefined;
  const preLabel = groups["pre_l"]?.toLowerCase();
  const hasPost = groups["post"] !== undefined;
  return {
    epoch: int(groups["epoch"]),
    release: (groups["release"] ?? "0").split(".").map((part) => int(part)),
    pre: preLabel === undefined ? undefined : [PRE_LABELS[preLabel] ?? preLabel, int(groups["pre_n"])],
    post: hasPost ? int(groups["post_n1"] ?? groups["post_n2"]) : undefined,
    dev: groups["dev"] !== undefined ? int(groups["dev_n"]) : undefined,
    local: groups["local"]
      ?.toLowerCase()
      .split(/[-_.]/)
      .map((part) => (/^[0-9]+$/.test(part) ? String(Number(part)) : part))
      .join("."),
  };
}

/** The normalised form of a parsed version, e.g. `1!2.0rc1.post3.dev4+local.5`. */
export function formatPep440(version: Pep440Version): string {
  let out = version.epoch !== 0 ? `${version.epoch}!` : "";
  out += version.release.join(".");
  if (version.pre !== undefined) out += `${version.pre[0]}${version.pre[1]}`;
  if (version.post !== undefined) out += `.post${version.post}`;
  if (version.dev !== undefined) out += `.dev${version.dev}`;
  if (version.local !== undefined) out += `+${version.local}`;
  return out;
}

/** True for pre-, post- and dev-releases: the ones metadata-action never renders through a pattern. */
export function isPep440Special(version: Pep440Version): boolean {
  return version.pre !== undefined || version.post !== undefined || version.dev !== undefined;
}

/** The `{{major}}`, `{{minor}}` and `{{patch}}` release components, 0 where missing. */
export function pep440Components(version: Pep440Version): { major: number; minor: number; patch: number } {
  return { major: version.release[0] ?? 0, minor: version.release[1] ?? 0, patch: version.release[2] ?? 0 };
}
