import { DockerfileParser } from "dockerfile-ast";

/** One FROM instruction of a Dockerfile, as written and with its build arguments substituted. */
export interface FromInstruction {
  /** 1-based line of the instruction. */
  readonly line: number;
  /** The instruction, flags and all, e.g. "FROM --platform=$BUILDPLATFORM ${REG}/fedora:${TAG} AS build". */
  readonly text: string;
  /** The image as written, e.g. "${REG}/fedora:${TAG}" or "$BASE_IMAGE". */
  readonly image: string;
  /** The image with ARG values put in; undefined when a variable it uses has no value. */
  readonly resolved: string | undefined;
  /** Variables the image uses, in order. */
  readonly variables: readonly string[];
  /** Variables the image uses that have no value (no default and no build argument). */
  readonly unresolved: readonly string[];
  /** Variables whose value came from the ARG's default rather than a build argument. */
  readonly defaults: readonly string[];
  /** The stage name (`AS name`), lower-cased, if any. */
  readonly stage: string | undefined;
  /** The `--platform=` value as written, if any. */
  readonly platform: string | undefined;
  /** "stage": an earlier stage of this Dockerfile; "scratch": no base; "image": an image from the engine. */
  readonly source: "stage" | "scratch" | "image";
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Reads every FROM of a Dockerfile with dockerfile-ast (the parser of the Dockerfile language
 * server): multi-stage builds, `--platform=` flags, line continuations and parser directives. Only
 * ARGs declared before the first FROM apply to FROM lines, as in Docker; `buildArgs` override their
 * defaults. `$X`, `${X}`, `${X:-word}` and `${X:+word}` are substituted as Docker does.
 */
export function readFroms(dockerfile: string, buildArgs: Readonly<Record<string, string>> = {}): FromInstruction[] {
  const parsed = DockerfileParser.parse(dockerfile);
  const declared = new Map<string, string | undefined>();
  for (const arg of parsed.getInitialARGs()) {
    const property = arg.getProperty();
    if (property) declared.set(property.getName(), property.getValue() ?? undefined);
  }
  const stages = new Set<string>();
  return parsed.getFROMs().map((from) => {
    const image = from.getImage() ?? "";
    const variables: string[] = [];
    const unresolved: string[] = [];
    const defaults: string[] = [];
    const valueOf = (name: string): string | undefined => {
      if (!declared.has(name)) return undefined;
      const given = buildArgs[name];
      if (given !== undefined) return given;
      const fallback = declared.get(name);
      if (fallback !== undefined && !defaults.includes(name)) defaults.push(name);
      return fallback;
    };
    let missing = false;
    const resolved = image.replace(VARIABLE, (_match: string, braced: string | undefined, operator: string | undefined, alternative: string | undefined, bare: string | undefined) => {
      const word = alternative ?? "";
      const name = braced ?? bare ?? "";
      variables.push(name);
      const value = valueOf(name);
      // ":-"/":+" test for set and non-empty, "-"/"+" for set only.
      const set = operator?.startsWith(":") ? value !== undefined && value !== "" : value !== undefined;
      if (operator?.endsWith("-")) return set ? (value ?? "") : word;
      if (operator?.endsWith("+")) return set ? word : "";
      if (value === undefined) {
        missing = true;
        unresolved.push(name);
      }
      return value ?? "";
    });
    const stageName = from.getBuildStage()?.toLowerCase();
    const target = missing ? undefined : resolved;
    const source = target !== undefined && stages.has(target.toLowerCase()) ? "stage" : target?.toLowerCase() === "scratch" ? "scratch" : "image";
    if (stageName) stages.add(stageName);
    const flags = from.getFlags().map((flag) => flag.toString());
    const args = from.getArguments().map((argument) => argument.getValue());
    return {
      line: (from.getRange().start.line ?? 0) + 1,
      text: ["FROM", ...flags, ...args].join(" "),
      image,
      resolved: target,
      variables,
      unresolved,
      defaults,
      stage: stageName,
      platform: from.getPlatformFlag()?.getValue() ?? undefined,
      source,
    };
  });
}

/** The stages a Dockerfile names (`FROM … AS name`), lower-cased. */
export const stageNames = (froms: readonly FromInstruction[]): string[] => froms.flatMap((from) => (from.stage ? [from.stage] : []));

/**
 * The FROM that the built image (the last stage, or `target`) finally rests on: its stage's FROM,
 * followed through earlier stages to an image or scratch. undefined for a Dockerfile without FROM.
 */
export function rootFromOf(froms: readonly FromInstruction[], target?: string): FromInstruction | undefined {
  let current = target === undefined ? froms.at(-1) : froms.find((from) => from.stage === target.toLowerCase());
  const seen = new Set<FromInstruction>();
  while (current?.source === "stage" && !seen.has(current)) {
    seen.add(current);
    const name = current.resolved?.toLowerCase();
    const index = froms.indexOf(current);
    current = froms.slice(0, index).findLast((from) => from.stage === name);
  }
  return current;
}
