import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { pathToFileURL } from "node:url";
import { createJiti } from "jiti";
import { parseDocument } from "yaml";
import { ConfigInvalidError, ConfigLoadError } from "../errors.js";

/** Reads a config file and returns what it evaluates to (not yet validated). */
export async function readConfigFile(file: string): Promise<unknown> {
  const ext = extname(file);
  if (ext === ".json" || ext === ".yaml" || ext === ".yml") return parseDataFile(file, await readText(file));
  try {
    const jiti = createJiti(pathToFileURL(file).href, { moduleCache: false, fsCache: false, interopDefault: true });
    const module = await jiti.import<Record<string, unknown>>(file);
    // `export default defineConfig(...)`, or a named `config` export.
    return module.default ?? module.config ?? module;
  } catch (error) {
    throw new ConfigLoadError(file, error);
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new ConfigLoadError(file, error);
  }
}

/**
 * JSON and YAML both go through the YAML parser (JSON is YAML 1.2), which, unlike JSON.parse,
 * reports a key given twice (e.g. an image defined twice) instead of silently keeping the last.
 */
function parseDataFile(file: string, text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const duplicates = doc.errors.filter((e) => e.code === "DUPLICATE_KEY");
  if (duplicates.length > 0) {
    throw new ConfigInvalidError(
      file,
      duplicates.map((e) => {
        const key = keyAt(text, e.pos[0]);
        const line = e.linePos?.[0];
        return { code: "DUPLICATE_KEY", path: line ? `line ${line.line}` : "?", message: `"${key}" is defined twice (an image or key may appear only once)` };
      }),
    );
  }
  const first = doc.errors[0];
  if (first) throw new ConfigLoadError(file, first);
  return doc.toJS() as unknown;
}

/** The key written at `offset`: a quoted string (the error's range covers only its first character) or a plain scalar. */
function keyAt(text: string, offset: number): string {
  const match = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^:,{}\s]+))/.exec(text.slice(offset));
  return match?.[1] ?? match?.[2] ?? match?.[3] ?? "?";
}
