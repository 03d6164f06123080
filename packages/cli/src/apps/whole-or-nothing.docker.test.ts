import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { removeImage, tagImage } from "@imgs/runner";
import { BUSYBOX, makeGitRepo, processDocker, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runImgs } from "../__fixtures__/imgs-process.js";

// Issue 12, section 2: an image that fails leaves its previous files exactly as they were, and the
// error names the file. A good `imgs hook` run writes the three files first; each case then breaks
// something and runs again. Files are compared with their inode numbers: imgs replaces a file by
// renaming a new one over it, so even a rewrite with the same content would show.

const engine = { docker: processDocker().docker };
const OWNER = `imgs-test-whole-${process.pid}`;
const IMAGE = `imgs.localhost/${OWNER}/box:latest`;

let repo: GitRepoFixture;
let dir: string;
const mounts: string[] = [];

beforeAll(async () => {
  await tagImage(BUSYBOX, IMAGE, engine);
  repo = makeGitRepo({ "README.md": "whole or nothing\n" });
  dir = mkdtempSync(join(tmpdir(), "imgs-whole-"));
  writeFileSync(
    join(dir, "good.mjs"),
    `export default { registry: "imgs.localhost", owner: ${JSON.stringify(OWNER)}, repository: "acme/box", images: { box: { taggers: ["commit-sha"], manifests: [] } } };\n`,
  );
  writeFileSync(
    join(dir, "garbage.mjs"),
    `const junk = Object.defineProperty(async () => ({ title: 42, sections: "not a list" }), "name", { value: "junk" });\n` +
      `export default { registry: "imgs.localhost", owner: ${JSON.stringify(OWNER)}, repository: "acme/box", images: { box: { taggers: ["commit-sha"], manifests: [junk] } } };\n`,
  );
});

afterEach(() => {
  // A failed test must not leave a mount behind.
  for (const mount of mounts.splice(0)) execFileSync("umount", [mount]);
});

afterAll(async () => {
  await removeImage(IMAGE, engine).catch(() => undefined);
  repo?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `imgs hook box` writing to the three folders under `out`. */
function hook(config: string, out: string) {
  const argv = ["-c", join(dir, config), "hook", "box", "--tags-dir", join(out, "tags"), "--manifests-dir", join(out, "manifests"), "--hist-lines-dir", join(out, "hist-lines")];
  return runImgs(argv, { cwd: repo.dir });
}

/** Every file under `root` (relative path → inode and content), links and temporary files included. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files[relative(root, path)] = `inode ${statSync(path).ino}: ${readFileSync(path, "utf8")}`;
    else if (entry.isSymbolicLink()) files[relative(root, path)] = "(link)";
  }
  return files;
}

/** A previous good run's output in a new folder `out` (optionally a fresh tmpfs of `size`). */
async function previousRun(size?: string): Promise<{ out: string; before: Record<string, string>; file: (kind: string) => string }> {
  const out = mkdtempSync(join(dir, "out-"));
  if (size !== undefined) {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", out]);
    mounts.push(out);
  }
  const good = await hook("good.mjs", out);
  expect(good.stderr).not.toContain("FAILED");
  expect(good.status).toBe(0);
  const before = snapshot(out);
  expect(Object.keys(before).sort()).toEqual([expect.stringMatching(/^hist-lines\/x86_64-default-box-[0-9a-f]{12}\.txt$/), expect.stringMatching(/^manifests\/x86_64-default-box-[0-9a-f]{12}\.md$/), "tags/x86_64-default-box.txt"]);
  const file = (kind: string): string => join(out, Object.keys(before).find((f) => f.startsWith(`${kind}/`)) ?? "?");
  return { out, before, file };
}

describe("a failed image leaves its previous files exactly as they were", { timeout: 120_000 }, () => {
  it("(a run that works replaces every file, so the comparisons below can fail)", async () => {
    const { out, before } = await previousRun();
    const again = await hook("good.mjs", out);
    expect(again.status).toBe(0);
    const after = snapshot(out);
    for (const file of Object.keys(before)) expect(after[file], file).not.toBe(before[file]);
  });

  it("when a manifest returns garbage: the manifest is named, the three files stay", async () => {
    const { out, before } = await previousRun();
    const result = await hook("garbage.mjs", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('box: manifest "junk" failed for image');
    expect(snapshot(out)).toEqual(before);
  });

  it("when the manifests folder is a file: that file is named, the tags file and history line stay", async () => {
    const { out, before, file } = await previousRun();
    const manifest = file("manifests");
    rmSync(join(out, "manifests"), { recursive: true });
    writeFileSync(join(out, "manifests"), "a file where the folder was\n");
    const result = await hook("good.mjs", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`box: cannot write ${manifest}: ${join(out, "manifests")} is a file, not a folder`);
    const { [relative(out, manifest)]: _gone, ...rest } = before;
    const { manifests, ...after } = snapshot(out);
    expect(after).toEqual(rest);
    expect(manifests).toMatch(/: a file where the folder was\n$/);
  });

  it("when the history lines folder is a dangling link: the link and its target are named, the other files stay", async () => {
    const { out, before, file } = await previousRun();
    const line = file("hist-lines");
    rmSync(join(out, "hist-lines"), { recursive: true });
    symlinkSync(join(dir, "moved-away"), join(out, "hist-lines"));
    const result = await hook("good.mjs", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`box: cannot write ${line}: ${join(out, "hist-lines")} is a symbolic link to ${join(dir, "moved-away")}, which is not an existing folder`);
    const { [relative(out, line)]: _gone, ...rest } = before;
    expect(snapshot(out)).toEqual({ ...rest, "hist-lines": "(link)" });
  });

  it("on a full disk: ENOSPC is named with the file, the three previous files stay whole", async () => {
    const { out, before, file } = await previousRun("64k");
    // Fill what is left of the 64 KiB file system.
    try {
      execFileSync("dd", ["if=/dev/zero", `of=${join(out, "filler")}`, "bs=4k"], { stdio: "ignore" });
    } catch {
      // dd ends with "No space left on device": the disk is full, as wanted.
    }
    const result = await hook("good.mjs", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`box: cannot write ${file("tags")}: the disk is full (ENOSPC: no space left on device`);
    const { filler: _filler, ...after } = snapshot(out);
    expect(after).toEqual(before);
  });

  it("on a read-only file system: EROFS, not ENOENT, named with the file, also where a folder is still to be made", async () => {
    const { out, before, file } = await previousRun("1m");
    execFileSync("mount", ["-o", "remount,ro", out]);
    const result = await hook("good.mjs", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`box: cannot write ${file("tags")}: the file system is read-only (EROFS: read-only file system`);
    expect(snapshot(out)).toEqual(before);
    // A folder that does not exist yet: Node's recursive mkdir says ENOENT there; imgs says why.
    const fresh = join(out, "new");
    const argv = ["-c", join(dir, "good.mjs"), "tag", "box", "--tags-dir", join(fresh, "tags")];
    const nested = await runImgs(argv, { cwd: repo.dir });
    expect(nested.status).toBe(1);
    expect(nested.stderr).toContain(`cannot write ${join(fresh, "tags/x86_64-default-box.txt")}: the file system is read-only (EROFS: read-only file system, mkdir '${fresh}')`);
    expect(nested.stderr).not.toContain("ENOENT");
  });

  it("a refs output file on a read-only file system: EROFS named with the file, exit 1", async () => {
    const out = mkdtempSync(join(dir, "refs-ro-"));
    mkdirSync(join(out, "sub"));
    cpSync(join(dir, "good.mjs"), join(out, "sub", "keep.mjs"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", join(out, "sub")]);
    mounts.push(join(out, "sub"));
    const result = await runImgs(["refs", "-o", join(out, "sub", "refs.txt")], { cwd: repo.dir });
    expect(result).toMatchObject({ status: 1, stdout: "" });
    expect(result.stderr).toMatch(new RegExp(`^imgs: cannot write ${join(out, "sub", "refs.txt")}: the file system is read-only \\(EROFS: read-only file system, open '\\S+'\\) \\[FILE_WRITE\\]\\n$`));
  });
});
