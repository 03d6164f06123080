import type * as nodeFs from "node:fs";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { gitConfigValue } from "./git-config-value.js";

/** Where git's configuration files are looked for, besides the repository's own. */
export interface ConfigFilesOptions {
  readonly fs: typeof nodeFs;
  readonly env: NodeJS.ProcessEnv;
  /** The user's home folder; undefined: no ~/.gitconfig (and no ~/.config/git/config without XDG_CONFIG_HOME). */
  readonly homeDir: string | undefined;
}

/**
 * The configuration files git reads, highest precedence first: the repository's, the user's
 * (~/.gitconfig before the XDG file, or only $GIT_CONFIG_GLOBAL), then the system's.
 */
function configFiles(commonDir: string, { env, homeDir }: ConfigFilesOptions): ConfigFile[] {
  const files: ConfigFile[] = [{ path: join(commonDir, "config"), user: false }];
  const global = env.GIT_CONFIG_GLOBAL;
  if (global !== undefined) files.push({ path: global, user: true });
  else {
    const xdgHome = env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME : homeDir === undefined ? undefined : join(homeDir, ".config");
    if (homeDir !== undefined) files.push({ path: join(homeDir, ".gitconfig"), user: true });
    if (xdgHome !== undefined) files.push({ path: join(xdgHome, "git", "config"), user: true });
  }
  if (!isTrue(env.GIT_CONFIG_NOSYSTEM)) files.push({ path: env.GIT_CONFIG_SYSTEM ?? "/etc/gitconfig", user: false });
  // An empty path (GIT_CONFIG_GLOBAL=) means "no such file" to git too.
  return files.filter((file) => file.path !== "");
}

/** One configuration file; `user` marks the user's own (global) files. */
interface ConfigFile {
  readonly path: string;
  readonly user: boolean;
}

/** Read `key` from git's configuration files as git would: the most specific file that sets it wins. */
export async function readConfigValue(commonDir: string, key: string, options: ConfigFilesOptions): Promise<string | undefined> {
  const texts = await Promise.all(configFiles(commonDir, options).map((file) => readOptional(options.fs, file)));
  for (const text of texts) {
    const value = text === undefined ? undefined : gitConfigValue(text, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

async function readOptional(fs: typeof nodeFs, { path, user }: ConfigFile): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(path, "utf8");
  } catch (error) {
    // Missing files are the normal case. Like git, skip a user file that may not be read: CI
    // containers often run as a user whose $HOME is someone else's (e.g. /root).
    if (hasErrorCode(error, "ENOENT", "ENOTDIR")) return undefined;
    if (user && hasErrorCode(error, "EACCES")) return undefined;
    throw error;
  }
}

/** git's reading of a boolean environment variable. */
function isTrue(value: string | undefined): boolean {
  if (value === undefined) return false;
  const normalised = value.trim().toLowerCase();
  if (normalised === "" || normalised === "false" || normalised === "no" || normalised === "off") return false;
  return normalised === "true" || normalised === "yes" || normalised === "on" || Number(normalised) !== 0;
}
