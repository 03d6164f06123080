import { chmodSync, mkdirSync, symlinkSync } from "node:fs";
import { buffer } from "node:stream/consumers";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeFolder, readTar } from "./__fixtures__/context-folder.js";
import { packBuildContext, readBuildContext } from "./build-context.js";
import { BuildContextInvalidError } from "./errors/build.js";

const FROM = "FROM imgs.localhost/busybox:latest\n";

describe("readBuildContext", () => {
  it.each([
    ["the context folder does not exist", "missing", undefined],
    ["the context is not a folder", "Dockerfile", undefined],
    ["the Dockerfile does not exist", ".", "other.Dockerfile"],
    ["the Dockerfile is not a file", ".", "sub"],
  ])("throws BuildContextInvalidError when %s", async (reason, context, dockerfile) => {
    using folder = makeFolder({ Dockerfile: FROM, "sub/x": "" });
    const attempt = readBuildContext(join(folder.dir, context), dockerfile);
    await expect(attempt).rejects.toBeInstanceOf(BuildContextInvalidError);
    await expect(attempt).rejects.toMatchObject({ code: "BUILD_CONTEXT_INVALID", reason });
  });

  it("lists what .dockerignore keeps, walking into an excluded folder only for an exception, and always the Dockerfile", async () => {
    using folder = makeFolder({
      ".dockerignore": "# build output\nnode_modules\nsecret\n!secret/public\n*.log\nDockerfile\n.dockerignore\n",
      Dockerfile: FROM,
      "app.js": "",
      "debug.log": "",
      "node_modules/x/index.js": "",
      "secret/key": "",
      "secret/public": "",
      "src/main.js": "",
      "src/deep.log": "",
    });
    const context = await readBuildContext(folder.dir);
    expect(context).toMatchObject({ dir: folder.dir, dockerfile: join(folder.dir, "Dockerfile"), dockerfileName: "Dockerfile", outside: false });
    expect(context.entries).toEqual([".dockerignore", "Dockerfile", "app.js", "secret/public", "src", "src/deep.log", "src/main.js"]);
  });

  it("takes a Dockerfile relative to the context, or an absolute one inside it, under its path in the context", async () => {
    using folder = makeFolder({ "docker/app.Dockerfile": FROM });
    expect((await readBuildContext(folder.dir, "docker/app.Dockerfile")).dockerfileName).toBe("docker/app.Dockerfile");
    expect((await readBuildContext(folder.dir, join(folder.dir, "docker/app.Dockerfile"))).dockerfileName).toBe("docker/app.Dockerfile");
  });

  it("gives a Dockerfile outside the context a generated name and leaves the context's .dockerignore to the archive", async () => {
    using folder = makeFolder({ "context/.dockerignore": "*.tmp\n", "context/a": "", "context/b.tmp": "", "elsewhere/Dockerfile": FROM });
    const context = await readBuildContext(join(folder.dir, "context"), "../elsewhere/Dockerfile");
    expect(context.outside).toBe(true);
    expect(context.dockerfileName).toMatch(/^\.dockerfile\.[0-9a-f]{20}$/);
    expect(context.dockerfile).toBe(join(folder.dir, "elsewhere/Dockerfile"));
    expect(context.entries).toEqual(["a"]);
  });
});

describe("packBuildContext", () => {
  it("sends the kept entries with their modes, owned by root, and links as links", async () => {
    using folder = makeFolder({ Dockerfile: FROM, "run.sh": "#!/bin/sh\n", "data/a.txt": "a", ".dockerignore": "skip\n", skip: "" });
    chmodSync(join(folder.dir, "run.sh"), 0o754);
    symlinkSync("data/a.txt", join(folder.dir, "link"));
    const tar = readTar(await buffer(packBuildContext(await readBuildContext(folder.dir))));
    expect([...tar.keys()]).toEqual([".dockerignore", "Dockerfile", "data", "data/a.txt", "link", "run.sh"]);
    expect(tar.get("run.sh")).toMatchObject({ type: "file", mode: 0o754, uid: 0, content: "#!/bin/sh\n" });
    expect(tar.get("data")).toMatchObject({ type: "directory" });
    expect(tar.get("link")).toMatchObject({ type: "symlink", linkname: "data/a.txt" });
  });

  it("adds a Dockerfile from outside and lists it in .dockerignore, so that the engine drops it after reading it", async () => {
    using folder = makeFolder({ "context/.dockerignore": "*.tmp", "context/a": "a", "Dockerfile.outside": FROM });
    mkdirSync(join(folder.dir, "context/empty"));
    const context = await readBuildContext(join(folder.dir, "context"), join(folder.dir, "Dockerfile.outside"));
    const tar = readTar(await buffer(packBuildContext(context)));
    expect([...tar.keys()]).toEqual(["a", "empty", context.dockerfileName, ".dockerignore"]);
    expect(tar.get(context.dockerfileName)?.content).toBe(FROM);
    expect(tar.get(".dockerignore")?.content).toBe(`*.tmp\n${context.dockerfileName}\n`);
  });
});
