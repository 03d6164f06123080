import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testCatalog } from "../__fixtures__/catalog.js";
import { ConfigInvalidError, ConfigLoadError, ConfigNotFoundError, PluginLoadError } from "../errors.js";
import { findConfigFile } from "./find.js";
import { loadConfig } from "./load.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temporary folder holding these files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "imgs-config-"));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const catalog = testCatalog();

describe("findConfigFile", () => {
  it("finds the nearest config upward, preferring ts over json in one folder", () => {
    const dir = folder({ "imgs.config.json": "{}", "imgs.config.ts": "", "sub/deeper/x.txt": "" });
    expect(findConfigFile(join(dir, "sub/deeper"))).toBe(join(dir, "imgs.config.ts"));
  });

  it("returns undefined when no folder above has one", () => {
    expect(findConfigFile(folder({}), () => false)).toBeUndefined();
  });
});

describe("loadConfig", () => {
  it.each([
    ["imgs.config.json", `{"owner": "acme", "images": {"base": {"taggers": ["date"]}, "child": {"parent": "base"}}}`],
    ["imgs.config.yaml", "owner: acme\nimages:\n  base:\n    taggers: [date]\n  child:\n    parent: base\n"],
    ["imgs.config.yml", "owner: acme\nimages:\n  base:\n    taggers: [date]\n  child: {parent: base}\n"],
    ["imgs.config.mjs", `export default { owner: "acme", images: { base: { taggers: ["date"] }, child: { parent: "base" } } };`],
    [
      "imgs.config.ts",
      `const tag = async function week(): Promise<string> { return "w1"; };
       export default { owner: "acme", images: { base: { taggers: ["date", tag] }, child: { parent: "base" } } };`,
    ],
  ])("loads %s from a subfolder of its folder", async (name, content) => {
    const dir = folder({ [name]: content, "sub/x.txt": "" });
    const loaded = await loadConfig({ cwd: join(dir, "sub"), catalog });
    expect(loaded.file).toBe(join(dir, name));
    expect(loaded.hierarchy.owner).toBe("acme");
    expect(loaded.hierarchy.images.child?.parent).toBe("base");
    expect(loaded.hierarchy.images.base?.taggers[0]).toHaveProperty("name", "date");
  });

  it("calls a function given in a TS config when the tagger runs", async () => {
    const dir = folder({ "imgs.config.ts": `export default { images: { a: { taggers: [function week() { return "w1"; }] } } };` });
    const tagger = (await loadConfig({ cwd: dir, catalog })).hierarchy.images.a?.taggers[0];
    expect(typeof tagger === "function" && tagger.name).toBe("week");
    expect(typeof tagger === "function" && (tagger as () => string)()).toBe("w1");
  });

  it("uses an explicit --config path relative to cwd", async () => {
    const dir = folder({ "conf/my.yaml": "images: {a: {}}\n" });
    expect((await loadConfig({ cwd: dir, configPath: "conf/my.yaml", catalog })).file).toBe(join(dir, "conf/my.yaml"));
  });

  it("throws ConfigNotFoundError for a missing explicit file and when none is found", async () => {
    const dir = folder({});
    await expect(loadConfig({ cwd: dir, configPath: "nope.yaml", catalog })).rejects.toThrow(ConfigNotFoundError);
    await expect(loadConfig({ cwd: "/", catalog })).rejects.toThrow(/no imgs.config.\{ts,mts,js,mjs,json,yaml,yml\} in \//);
  });

  it("throws ConfigInvalidError naming an image defined twice in JSON and YAML", async () => {
    const json = folder({ "imgs.config.json": `{"images": {"a": {}, "b": {}, "a": {"parent": "b"}}}` });
    await expect(loadConfig({ cwd: json, catalog })).rejects.toThrow(ConfigInvalidError);
    await expect(loadConfig({ cwd: json, catalog })).rejects.toThrow(/line 1: "a" is defined twice/);
    const yaml = folder({ "imgs.config.yaml": "images:\n  a: {}\n  a: {}\n" });
    await expect(loadConfig({ cwd: yaml, catalog })).rejects.toThrow(/line 3: "a" is defined twice/);
  });

  it("throws ConfigLoadError naming the file for a syntax error", async () => {
    const dir = folder({ "imgs.config.json": `{"images": {` });
    await expect(loadConfig({ cwd: dir, catalog })).rejects.toThrow(ConfigLoadError);
    const ts = folder({ "imgs.config.ts": `export default { images: {` });
    await expect(loadConfig({ cwd: ts, catalog })).rejects.toThrow(new RegExp(`cannot load ${join(ts, "imgs.config.ts")}`));
  });

  it("throws ConfigInvalidError for a config that is valid syntax but wrong", async () => {
    const dir = folder({ "imgs.config.yaml": "images:\n  a: {parent: nope, taggers: [pyton]}\n" });
    await expect(loadConfig({ cwd: dir, catalog })).rejects.toThrow(/images.a.taggers\[0\]: unknown tagger "pyton" \(did you mean "python"\?\)/);
  });
});

describe("loadConfig with plugins", () => {
  const plugin = {
    "node_modules/imgs-plugin-demo/package.json": JSON.stringify({ name: "imgs-plugin-demo", type: "module", exports: { ".": { import: "./index.js" } } }),
    "node_modules/imgs-plugin-demo/index.js": [
      "export const taggers = [function weekday() { return 'monday'; }];",
      "export const manifests = [function motd() { return { title: 'MOTD', sections: ['hello'] }; }];",
    ].join("\n"),
  };

  it("adds the taggers and manifests of an installed ESM-only plugin package", async () => {
    const dir = folder({ ...plugin, "imgs.config.yaml": "plugins: [imgs-plugin-demo]\nimages:\n  a: {taggers: [date, weekday], manifests: [motd]}\n" });
    const image = (await loadConfig({ cwd: dir, catalog })).hierarchy.images.a;
    expect(image?.taggers.map((t) => ("name" in t ? t.name : ""))).toEqual(["date", "weekday"]);
    expect(image?.manifests.map((m) => m.name)).toEqual(["motd"]);
  });

  it("throws PluginLoadError for a plugin that is not installed", async () => {
    const dir = folder({ "imgs.config.yaml": "plugins: [imgs-plugin-missing]\nimages: {}\n" });
    await expect(loadConfig({ cwd: dir, catalog })).rejects.toThrow(PluginLoadError);
    await expect(loadConfig({ cwd: dir, catalog })).rejects.toThrow(/plugin "imgs-plugin-missing": cannot be imported/);
  });

  it("throws when a plugin's tagger has the name of a built-in", async () => {
    const clash = { ...plugin, "node_modules/imgs-plugin-demo/index.js": "export const taggers = [function date() { return 'x'; }];" };
    const dir = folder({ ...clash, "imgs.config.yaml": "plugins: [imgs-plugin-demo]\nimages: {}\n" });
    await expect(loadConfig({ cwd: dir, catalog })).rejects.toThrow(/tagger "date" from plugin "imgs-plugin-demo" clashes/);
  });

  it("throws PluginLoadError for a package that exports no taggers or manifests", async () => {
    const empty = { ...plugin, "node_modules/imgs-plugin-demo/index.js": "export const nothing = 1;" };
    const dir = folder({ ...empty, "imgs.config.yaml": "plugins: [imgs-plugin-demo]\nimages: {}\n" });
    await expect(loadConfig({ cwd: dir, catalog })).rejects.toThrow(/exports neither `taggers` nor `manifests`/);
  });
});
