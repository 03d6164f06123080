import { commitTag, type GitSnapshot } from "@imgs/git-helper";
import { isVariableName } from "@imgs/hierarchy";
import { computeRefTagsSync, type RefContext } from "@imgs/taggers";
import { NoBuildTagsError } from "./errors.js";

/** What every image of one build gets: its tags, the commit sha as an environment variable, OCI labels. */
export interface BuildStamp {
  /** Bare tags ("1a2b3c4d5e6f", "latest"), put on every image's repository. */
  readonly tags: readonly string[];
  /** The full commit sha as a variable; undefined when it is turned off. */
  readonly env: { readonly name: string; readonly value: string } | undefined;
  /** OCI labels (`org.opencontainers.image.*`), empty when turned off. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Inputs of buildStamp. */
export interface BuildStampOptions {
  /** HEAD, whose full commit sha is baked in. */
  readonly git: Pick<GitSnapshot, "commit">;
  /** The same context `imgs refs` computes (refContextFrom); gives labels and rule-made tags. */
  readonly refs: RefContext;
  /** Tag rules (metadata-action lines, presets allowed); undefined: the commit tag and `latest`. */
  readonly tags: readonly string[] | undefined;
  readonly flavor?: readonly string[];
  /** Name of the sha variable; undefined for none. */
  readonly shaEnv: string | undefined;
  /** Put the OCI labels on. */
  readonly labels: boolean;
}

/**
 * The tags, sha variable and labels of a build. Labels come from the metadata-action engine
 * (computeRefTagsSync, as `imgs refs` prints them; empty ones dropped); tags are the rules' (as
 * `imgs refs --format tags` prints them), or docker-stacks' 12-character commit tag and `latest`.
 *
 * @throws NoBuildTagsError when rules are given and make no tag
 * @throws the ref engine's errors (RefRuleInvalidError, UnknownPresetError, …) for bad rules
 */
export function buildStamp(options: BuildStampOptions): BuildStamp {
  const refs = computeRefTagsSync({ tags: options.tags ?? [], flavor: options.flavor ?? [], context: options.refs });
  const tags = options.tags === undefined ? [commitTag(options.git), "latest"] : [...refs.tags];
  if (tags.length === 0) throw new NoBuildTagsError(options.tags ?? [], options.refs.ref);
  const labels: Record<string, string> = {};
  if (options.labels) {
    for (const entry of refs.labels) {
      const at = entry.indexOf("=");
      if (at > 0 && at < entry.length - 1) labels[entry.slice(0, at)] = entry.slice(at + 1);
    }
  }
  return { tags, env: options.shaEnv === undefined ? undefined : { name: options.shaEnv, value: options.git.commit }, labels };
}

/**
 * The Dockerfile of the stamp build: FROM the image the user's Dockerfile made (by id), plus the
 * sha variable. The name is a checked variable name and the value a hex commit sha, so neither
 * needs quoting; an ENV adds no layer, only configuration.
 */
export function stampDockerfile(imageId: string, env: BuildStamp["env"]): string {
  if (!/^sha256:[0-9a-f]{64}$/.test(imageId)) throw new RangeError(`not an image id: ${imageId}`);
  const lines = [`FROM ${imageId}`];
  if (env !== undefined) {
    if (!isVariableName(env.name) || !/^[0-9a-f]+$/.test(env.value)) {
      throw new RangeError(`not a variable name and commit sha: ${env.name}=${env.value}`);
    }
    lines.push(`ENV ${env.name}=${env.value}`);
  }
  return `${lines.join("\n")}\n`;
}
