import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { messageOf } from "@imgs/errors";
import { createJiti } from "jiti";
import { PluginLoadError } from "../errors.js";
import type { CatalogSource } from "./catalog.js";

/**
 * Imports plugin packages, resolved from `fromDir` the way Node resolves a package imported by a
 * file in that folder. A plugin module exports `taggers` and/or `manifests`: lists of named functions.
 */
export async function loadPlugins(names: readonly string[], fromDir: string): Promise<CatalogSource[]> {
  const jiti = createJiti(pathToFileURL(join(fromDir, "imgs.config.js")).href, { moduleCache: false, fsCache: false });
  return Promise.all(names.map(async (name) => pluginSource(name, await importPlugin(jiti, name, fromDir))));
}

async function importPlugin(jiti: ReturnType<typeof createJiti>, name: string, fromDir: string): Promise<unknown> {
  try {
    return await jiti.import(name);
  } catch (error) {
    const reason = messageOf(error).split("\n")[0];
    throw new PluginLoadError(name, `cannot be imported from ${fromDir}: ${reason} (is it installed?)`, error);
  }
}

function pluginSource(name: string, module: unknown): CatalogSource {
  const exports = (module ?? {}) as { taggers?: unknown; manifests?: unknown };
  const taggers = functions(name, "taggers", exports.taggers);
  const manifests = functions(name, "manifests", exports.manifests);
  if (taggers.length === 0 && manifests.length === 0) {
    throw new PluginLoadError(name, "exports neither `taggers` nor `manifests` (lists of named functions)");
  }
  return { origin: `plugin "${name}"`, taggers, manifests } as unknown as CatalogSource;
}

function functions(plugin: string, key: string, value: unknown): Array<(...args: never[]) => unknown> {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((f: unknown) => typeof f === "function" && f.name)) {
    throw new PluginLoadError(plugin, `its \`${key}\` export must be a list of named functions (defineTagger / defineManifest)`);
  }
  return value as Array<(...args: never[]) => unknown>;
}
