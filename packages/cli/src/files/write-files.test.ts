import { execFile, execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
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

  it("replaces the file a symbolic link names and keeps the link", async () => {
    writeFileSync(join(dir, "real.txt"), "old");
    symlinkSync(join(dir, "real.txt"), join(dir, "link.txt"));
    await writeFilesAtomic([{ path: join(dir, "link.txt"), content: "new" }]);
    expect(lstatSync(join(dir, "link.txt")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.txt"), "utf8")).toBe("new");
    expect(readdirSync(dir).sort()).toEqual(["link.txt", "real.txt"]);
  });

  it("writes to a device or a FIFO as it is, never putting a file in its place (-o /dev/stdout as root)", async () => {
    symlinkSync("/dev/null", join(dir, "null-link"));
    await writeFilesAtomic([{ path: join(dir, "null-link"), content: "gone" }]);
    expect(lstatSync(join(dir, "null-link")).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    execFileSync("mkfifo", [join(dir, "fifo")]);
    const reader = new Promise<string>((resolve) => execFile("cat", [join(dir, "fifo")], (_error, stdout) => resolve(stdout)));
    await writeFilesAtomic([{ path: join(dir, "fifo"), content: "through the pipe" }]);
    expect(await reader).toBe("through the pipe");
    expect(lstatSync(join(dir, "fifo")).isFIFO()).toBe(true);
  });

  it("names a dangling symbolic link in a file's place and writes nothing", async () => {
    const before = previousRun();
    symlinkSync(join(dir, "nowhere.txt"), join(dir, "tags/b.txt"));
    const error = await failure(writeFilesAtomic([...newRun(), { path: join(dir, "tags/b.txt"), content: "b" }]));
    expect(error.message).toBe(`cannot write ${join(dir, "tags/b.txt")}: ${join(dir, "tags/b.txt")} is a symbolic link to ${join(dir, "nowhere.txt")}, which does not exist`);
    expect(tree(dir)).toEqual(before);
  });

  it("refuses to replace a folder with a file, keeping the others", async () => {
    const before = previousRun();
    mkdirSync(join(dir, "manifests/b.md"));
    const error = await failure(writeFilesAtomic([...newRun(), { path: join(dir, "manifests/b.md"), content: "z" }]));
    expect(error.message).toBe(`cannot write ${join(dir, "manifests/b.md")}: ${join(dir, "manifests/b.md")} is a folder, not a file`);
    expect(tree(dir)).toEqual(before);
  });
});
