import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileWriteError } from "../errors.js";
import { writeFilesAtomic } from "./write-files.js";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "imgs-write-files-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `root` with its content, temporary files included. */
function tree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(root.length + 1)] = readFileSync(join(entry.parentPath, entry.name), "utf8");
  }
  return files;
}

/** A previous good run's three files. */
function previousRun(): Record<string, string> {
  for (const sub of ["tags", "manifests", "hist-lines"]) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, "tags/a.txt"), "old tags");
  writeFileSync(join(dir, "manifests/a.md"), "old manifest");
  writeFileSync(join(dir, "hist-lines/a.txt"), "old line");
  return tree(dir);
}

const newRun = () => [
  { path: join(dir, "tags/a.txt"), content: "new tags" },
  { path: join(dir, "manifests/a.md"), content: "new manifest" },
  { path: join(dir, "hist-lines/a.txt"), content: "new line" },
];

async function failure(work: Promise<void>): Promise<FileWriteError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FileWriteError)) throw new Error(`expected a FileWriteError, got ${String(error)}`);
  return error;
}

describe("writeFilesAtomic", () => {
  it("replaces every file whole and leaves no temporary file", async () => {
    previousRun();
    await writeFilesAtomic(newRun());
    expect(tree(dir)).toEqual({ "tags/a.txt": "new tags", "manifests/a.md": "new manifest", "hist-lines/a.txt": "new line" });
  });

  it("makes missing folders", async () => {
    await writeFilesAtomic([{ path: join(dir, "deep/er/a.txt"), content: "x" }]);
    expect(tree(dir)).toEqual({ "deep/er/a.txt": "x" });
  });

  it("throws FileWriteError naming the file and the file in the way when a folder is a file; the previous files stay", async () => {
    const before = previousRun();
    rmSync(join(dir, "hist-lines"), { recursive: true });
    writeFileSync(join(dir, "hist-lines"), "a file where a folder should be");
    const error = await failure(writeFilesAtomic(newRun()));
    expect(error.message).toBe(`cannot write ${join(dir, "hist-lines/a.txt")}: ${join(dir, "hist-lines")} is a file, not a folder`);
    expect(error.file).toBe(join(dir, "hist-lines/a.txt"));
    const { "hist-lines/a.txt": _line, ...rest } = before;
    expect(tree(dir)).toEqual({ ...rest, "hist-lines": "a file where a folder should be" });
  });

  it("names a dangling symbolic link where a folder should be; the previous files stay", async () => {
    const before = previousRun();
    rmSync(join(dir, "hist-lines"), { recursive: true });
    symlinkSync(join(dir, "gone"), join(dir, "hist-lines"));
    const error = await failure(writeFilesAtomic(newRun()));
    expect(error.message).toBe(`cannot write ${join(dir, "hist-lines/a.txt")}: ${join(dir, "hist-lines")} is a symbolic link to ${join(dir, "gone")}, which is not an existing folder`);
    const { "hist-lines/a.txt": _line, ...rest } = before;
    expect(tree(dir)).toEqual(rest);
  });

  it("names a file deeper in the path that is in the way", async () => {
    writeFileSync(join(dir, "out"), "x");
    const error = await failure(writeFilesAtomic([{ path: join(dir, "out/tags/a.txt"), content: "y" }]));
    expect(error.message).toBe(`cannot write ${join(dir, "out/tags/a.txt")}: ${join(dir, "out")} is a file, not a folder`);
  });

  it("refuses to replace a folder with a file, keeping the others", async () => {
    const before = previousRun();
    mkdirSync(join(dir, "manifests/b.md"));
    const error = await failure(writeFilesAtomic([...newRun(), { path: join(dir, "manifests/b.md"), content: "z" }]));
    expect(error.message).toBe(`cannot write ${join(dir, "manifests/b.md")}: ${join(dir, "manifests/b.md")} is a folder, not a file`);
    expect(tree(dir)).toEqual(before);
  });
});
