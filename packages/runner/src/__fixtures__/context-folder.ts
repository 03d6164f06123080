import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A temporary folder that `using` removes. */
export interface TempFolder extends Disposable {
  readonly dir: string;
}

/** A temporary folder holding `files` (relative path with "/" -> content). */
export function makeFolder(files: Readonly<Record<string, string>> = {}): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), "imgs-build-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One entry of a tar archive. */
export interface TarEntry {
  readonly type: "file" | "directory" | "symlink" | "other";
  readonly mode: number;
  readonly uid: number;
  readonly content: string;
  readonly linkname: string;
}

const TYPES: Readonly<Record<string, TarEntry["type"]>> = { "0": "file", "\0": "file", "5": "directory", "2": "symlink" };

/** The entries of a ustar archive (as tar-fs writes it), by name; enough to check what a build sends. */
export function readTar(archive: Buffer): Map<string, TarEntry> {
  const entries = new Map<string, TarEntry>();
  const field = (header: Buffer, start: number, length: number): string => header.toString("utf8", start, start + length).replace(/\0.*$/s, "");
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || "0", 8);
    const prefix = field(header, 345, 155);
    const name = (prefix ? `${prefix}/` : "") + field(header, 0, 100);
    entries.set(name.replace(/\/$/, ""), {
      type: TYPES[header.toString("latin1", 156, 157)] ?? "other",
      mode: Number.parseInt(field(header, 100, 8).trim(), 8),
      uid: Number.parseInt(field(header, 108, 8).trim() || "0", 8),
      content: archive.toString("utf8", offset + 512, offset + 512 + size),
      linkname: field(header, 157, 100),
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}
