import { parseReference } from "@imgs/reference";
import { readFroms, rootFromOf, type FromInstruction } from "./dockerfile-froms.js";

/** Why a FROM is not pinned. */
export type UnpinnedReason = "no-tag" | "latest" | "unresolved" | "invalid";

/** A FROM whose image can change under the same Dockerfile: builds are not repeatable (seed 004). */
export interface UnpinnedFrom {
  /** The hierarchy's image whose Dockerfile it is. */
  readonly image: string;
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string;
  /** 1-based line. */
  readonly line: number;
  readonly instruction: string;
  /** The image it builds on, ARG values put in; undefined when a variable has no value. */
  readonly reference: string | undefined;
  readonly reason: UnpinnedReason;
  /** ARGs whose defaults made the reference. */
  readonly fromArgDefaults: readonly string[];
  readonly platform: string | undefined;
  /** One sentence for people. */
  readonly message: string;
}

/** One Dockerfile to check. */
export interface PinningInput {
  readonly image: string;
  readonly dockerfile: string;
  /** The Dockerfile's text. */
  readonly text: string;
  /** Build arguments the build passes (the config's). */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The build argument that carries the parent image, when the image has a parent: FROMs using it are imgs' own and pinned. */
  readonly parentArg?: string | undefined;
}

function reasonOf(from: FromInstruction): UnpinnedReason | undefined {
  if (from.resolved === undefined) return "unresolved";
  let tag: string | undefined;
  try {
    const reference = parseReference(from.resolved);
    if (reference.digest !== undefined) return undefined;
    tag = reference.tag;
  } catch {
    return "invalid";
  }
  if (tag === undefined) return "no-tag";
  return tag === "latest" ? "latest" : undefined;
}

function describeUnpinned(from: FromInstruction, reason: UnpinnedReason): string {
  const via = from.defaults.length > 0 ? ` (from the default of ARG ${from.defaults.join(", ")})` : "";
  if (reason === "invalid") return `${from.resolved ?? from.image} is not a valid image reference, so the build fails`;
  if (reason === "unresolved") {
    return `${from.image} uses ARG ${from.unresolved.join(", ")} with no default, so the base image is whatever the build passes`;
  }
  const what = reason === "latest" ? "the moving tag latest" : "no tag (so latest)";
  return `${from.resolved ?? from.image}${via} has ${what}: the build is not repeatable; pin a version tag or a digest`;
}

/**
 * The FROMs of a Dockerfile that are not pinned: no tag, `latest`, or ARGs resolving to either (or
 * to nothing). FROMs of earlier stages, `scratch`, digests, version tags, and FROMs that take the
 * parent through `parentArg` (the image imgs has just built) are pinned.
 */
export function unpinnedFroms(input: PinningInput): UnpinnedFrom[] {
  const found: UnpinnedFrom[] = [];
  for (const from of readFroms(input.text, input.buildArgs)) {
    if (from.source !== "image") continue;
    if (input.parentArg !== undefined && from.variables.includes(input.parentArg)) continue;
    const reason = reasonOf(from);
    if (reason === undefined) continue;
    found.push({
      image: input.image,
      dockerfile: input.dockerfile,
      line: from.line,
      instruction: from.text,
      reference: from.resolved,
      reason,
      fromArgDefaults: from.defaults,
      platform: from.platform,
      message: describeUnpinned(from, reason),
    });
  }
  return found;
}

/** A Dockerfile whose built image does not rest on the parent imgs passes it. */
export interface IgnoredParentArg {
  readonly dockerfile: string;
  readonly line: number;
  readonly instruction: string;
  readonly message: string;
}

/**
 * Whether a child's Dockerfile ignores the build argument that carries its parent: the FROM its
 * built stage (the last, or `target`) rests on does not use it, so the child is not built on the
 * image imgs has just built. undefined when it does use it (or has no FROM at all).
 */
export function ignoredParentArg(dockerfile: string, text: string, parentArg: string, target?: string): IgnoredParentArg | undefined {
  const root = rootFromOf(readFroms(text), target);
  if (root === undefined || root.variables.includes(parentArg)) return undefined;
  return {
    dockerfile,
    line: root.line,
    instruction: root.text,
    message: `${root.text} does not use the build argument ${parentArg}, so this image is not built on the parent image imgs has just built (write ARG ${parentArg} before it and FROM $${parentArg})`,
  };
}
