import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigNotFoundError, type ConfigIssue } from "../errors.js";
import type { Hierarchy } from "../model.js";
import type { BuildSettings } from "./build-config.js";
import { extendCatalog, type Catalog } from "./catalog.js";
import { CONFIG_FILE_NAMES, findConfigFile } from "./find.js";
import { isRecord, stringList } from "./issues.js";
import { parseConfigOrThrow } from "./parse.js";
import { loadPlugins } from "./plugins.js";
import { readConfigFile } from "./read.js";

/** Options of loadConfig. */
export interface LoadConfigOptions {
  /** Folder to search upward from, and that a relative `configPath` is relative to. */
  readonly cwd: string;
  /** An explicit config file (the CLI's --config). */
  readonly configPath?: string;
  /** Built-in taggers and manifests; plugins listed in the config are added to it. */
  readonly catalog: Catalog;
}

/** A loaded hierarchy with the file it came from and any warnings. */
export interface LoadedConfig {
  readonly file: string;
  readonly hierarchy: Hierarchy;
  /** The config's `build` section, for `imgs build`. */
  readonly build: BuildSettings;
  readonly warnings: readonly ConfigIssue[];
}

/** Finds (or takes) the config file, reads it, loads its plugins, and validates it. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = locate(options);
  const raw = await readConfigFile(file);
  const pluginNames = isRecord(raw) ? (stringList(raw.plugins) ?? []) : [];
  let catalog = options.catalog;
  if (pluginNames.length > 0) {
    catalog = extendCatalog(catalog, await loadPlugins(pluginNames, dirname(file)), file);
  }
  const { hierarchy, build, warnings } = parseConfigOrThrow(raw, { catalog, baseDir: dirname(file), file });
  return { file, hierarchy, build, warnings };
}

function locate({ cwd, configPath }: LoadConfigOptions): string {
  if (configPath !== undefined) {
    const file = resolve(cwd, configPath);
    if (!existsSync(file)) throw new ConfigNotFoundError(file, `config file ${file} does not exist`);
    if (statSync(file).isDirectory()) {
      const inside = CONFIG_FILE_NAMES.map((name) => join(file, name)).find((candidate) => existsSync(candidate));
      const hint = inside ? `; did you mean --config ${inside}?` : `; it holds no imgs.config.* file`;
      throw new ConfigNotFoundError(file, `--config ${file} is a folder, not a config file${hint}`);
    }
    return file;
  }
  const found = findConfigFile(cwd);
  if (!found) {
    throw new ConfigNotFoundError(
      cwd,
      `no imgs.config.{ts,mts,js,mjs,json,yaml,yml} in ${resolve(cwd)} or any folder above it; create one or pass --config`,
    );
  }
  return found;
}
