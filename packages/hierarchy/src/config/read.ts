import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { pathToFileURL } from "node:url";
import { createJiti } from "jiti";
import { parseDocument } from "yaml";
import { messageOf } from "@imgs/errors";
import { ConfigInvalidError, ConfigLoadError } from "../errors.js";

/** Reads a config file and returns what it evaluates to (not yet validated). */
export async function readConfigFile(file: string): Promise<unknown> {
  const ext = extname(file);
  if (ext === ".json") return parseJsonFile(file, await readText(file));
  if (ext === ".yaml" || ext === ".yml") return parseDataFile(file, await readText(file));
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
 * A `.json` config is JSON: JSON.parse decides what is valid (no comments, trailing commas or
 * unquoted keys, which YAML would take), and its error names the line and column. The YAML parser
 * then only looks for a key given twice, which JSON.parse would silently keep the last of.
 */
function parseJsonFile(file: string, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigLoadError(file, new Error(`not valid JSON${jsonErrorPlace(text, error)}: ${messageOf(error)}`, { cause: error }));
  }
  parseDataFile(file, text);
  return value;
}

/** " at line L, column C" of a JSON.parse error that gives a position. */
function jsonErrorPlace(text: string, error: unknown): string {
  const position = /at position (\d+)/.exec(messageOf(error))?.[1];
  if (position === undefined) return "";
  const before = text.slice(0, Number(position)).split("\n");
  return ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * YAML goes through the YAML parser with unique keys, which reports a key given twice (e.g. an
 * image defined twice) instead of silently keeping the last.
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
