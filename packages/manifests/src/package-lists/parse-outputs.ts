import type { PackageRow } from "../types.js";

// Readers of the package lists the built-in manifests quote. Each takes the quoted body (the text
// between the fences: surrounding blank lines gone, each line trimmed at its end) and returns one
// row per package line, keeping the line itself as `source`. Lines that list no package (headers,
// separators, warnings, prompts) are skipped, so a docker-stacks manifest of any year parses.

const words = (line: string): string[] => line.trim().split(/\s+/);

/**
 * `apt list --installed`: `name/suites version arch [flags]`. A name installed for two
 * architectures (libc6 amd64 and i386) is named `name:arch` in both rows, as dpkg names them.
 */
export function parseAptList(body: string): PackageRow[] {
  const found: Array<PackageRow & { arch: string }> = [];
  for (const source of body.split("\n")) {
    const match = /^([^\s/]+)\/\S+ (\S+) (\S+)(?: \[[^\]]*\])?$/.exec(source);
    if (match) found.push({ ecosystem: "apt", name: match[1] ?? "", version: match[2] ?? "", arch: match[3] ?? "", source });
  }
  const count = new Map<string, number>();
  for (const row of found) count.set(row.name, (count.get(row.name) ?? 0) + 1);
  return found.map(({ arch, ...row }) => ((count.get(row.name) ?? 0) > 1 ? { ...row, name: `${row.name}:${arch}` } : row));
}

/**
 * `mamba list` / `conda list`: conda's `# Name Version Build Channel` layout and mamba 2's table
 * (a `List of packages in environment` line, a header row and a rule of `─`).
 */
export function parseCondaList(body: string): PackageRow[] {
  const rows: PackageRow[] = [];
  for (const source of body.split("\n")) {
    const trimmed = source.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith("List of packages in environment") || /^[─-]+$/.test(trimmed)) continue;
    const [name, version, build] = words(source);
    if (name === undefined || version === undefined || build === undefined) continue;
    if (name === "Name" && version === "Version" && build === "Build") continue;
    rows.push({ ecosystem: "conda", name, version, source });
  }
  return rows;
}

/** `pip list`: the rows after the `---------- -------` rule under `Package Version`. */
export function parsePipList(body: string): PackageRow[] {
  const rows: PackageRow[] = [];
  let inTable = false;
  for (const source of body.split("\n")) {
    if (/^-+(?: +-+)*$/.test(source)) {
      inTable = true;
      continue;
    }
    if (!inTable || source.startsWith("[notice]")) continue;
    const [name, version] = words(source);
    if (name && version) rows.push({ ecosystem: "pip", name, version, source });
  }
  return rows;
}

/** `installed.packages(.Library)[, c(1,3)]` printed by R: `rowname "Package" "Version"`. */
export function parseRPackages(body: string): PackageRow[] {
  const rows: PackageRow[] = [];
  for (const source of body.split("\n")) {
    const match = /^\S+\s+"([^"]+)"\s+"([^"]+)"$/.exec(source);
    if (match) rows.push({ ecosystem: "r", name: match[1] ?? "", version: match[2] ?? "", source });
  }
  return rows;
}

/**
 * Julia's `Pkg.status()`: `[uuid8] Name vX.Y.Z`, maybe after an upgrade mark (⌃ ⌅ ↑); a
 * standard library may have no version.
 */
export function parseJuliaStatus(body: string): PackageRow[] {
  const rows: PackageRow[] = [];
  for (const source of body.split("\n")) {
    const match = /^\s*(?:[⌃⌅↑?]\s*)?\[[0-9a-f]{8}\] (\S+)(?: v(\S+))?/u.exec(source);
    if (match) rows.push({ ecosystem: "julia", name: match[1] ?? "", version: match[2] ?? "", source });
  }
  return rows;
}

/** `spark-submit --version`: Spark's version from its banner, and the Scala it runs on. */
export function parseSparkVersion(body: string): PackageRow[] {
  const rows: PackageRow[] = [];
  for (const source of body.split("\n")) {
    const spark = /^(?!Using ).*\bversion (\d\S*)$/.exec(source);
    if (spark && !rows.some((r) => r.name === "spark")) rows.push({ ecosystem: "spark", name: "spark", version: spark[1] ?? "", source });
    const scala = /^Using Scala version ([^,\s]+)/.exec(source);
    if (scala) rows.push({ ecosystem: "spark", name: "scala", version: scala[1] ?? "", source });
  }
  return rows;
}

/** `/etc/os-release`: the distribution (ID) and its VERSION_ID, as one row. */
export function parseOsRelease(body: string): PackageRow[] {
  const fields = new Map<string, { value: string; source: string }>();
  for (const source of body.split("\n")) {
    const match = /^([A-Z_]+)=(?:"([^"]*)"|'([^']*)'|(.*))$/.exec(source);
    if (match?.[1]) fields.set(match[1], { value: match[2] ?? match[3] ?? match[4] ?? "", source });
  }
  const id = fields.get("ID");
  if (!id) return [];
  const version = fields.get("VERSION_ID");
  return [{ ecosystem: "os", name: id.value, version: version?.value ?? "", source: version?.source ?? id.source }];
}
