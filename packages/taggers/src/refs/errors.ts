import { ImgsError, quotedValue } from "@imgs/errors";

/** A tag rule line cannot be parsed or is missing a required attribute (metadata-action `tags` input). */
export class RefRuleInvalidError extends ImgsError {
  readonly code = "REF_RULE_INVALID";
  readonly category = "usage";
  /** `line`: the offending rule line, as given; `attribute`: the one at fault (`type`, `pattern`, `event`…), when one is. */
  constructor(readonly line: string, readonly reason: string, readonly attribute?: string, cause?: unknown) {
    super(`invalid tag rule ${quotedValue(line)}: ${reason}`, { cause });
  }
}

/** A flavor line is malformed or carries an unknown key or value (metadata-action `flavor` input). */
export class RefFlavorInvalidError extends ImgsError {
  readonly code = "REF_FLAVOR_INVALID";
  readonly category = "usage";
  constructor(readonly line: string, readonly reason: string, readonly attribute?: string) {
    super(`invalid flavor ${quotedValue(line)}: ${reason}`);
  }
}

/** An image line is malformed, names an unknown attribute or has no name (metadata-action `images` input). */
export class RefImageInvalidError extends ImgsError {
  readonly code = "REF_IMAGE_INVALID";
  readonly category = "usage";
  constructor(readonly line: string, readonly reason: string, readonly attribute?: string) {
    super(`invalid image ${quotedValue(line)}: ${reason}`);
  }
}

/** A template (value, enable, prefix, suffix, pattern, label) failed to compile or render. */
export class RefTemplateInvalidError extends ImgsError {
  readonly code = "REF_TEMPLATE_INVALID";
  readonly category = "usage";
  /** `line`: the rule, flavor or label line the template came from, and `attribute` its part, when known. */
  constructor(readonly template: string, readonly reason: string, readonly line: string | undefined, readonly attribute: string | undefined, cause?: unknown) {
    super(`invalid template ${quotedValue(template)}${line === undefined ? "" : ` in ${quotedValue(line)}`}: ${reason}`, { cause });
  }
}

/** A context field has a value the engine cannot use (a date that is not an ISO instant, a bad sha length). */
export class RefContextInvalidError extends ImgsError {
  readonly code = "REF_CONTEXT_INVALID";
  readonly category = "usage";
  constructor(readonly field: string, readonly value: unknown, reason: string) {
    super(`invalid ref context ${field}=${JSON.stringify(value)}: ${reason}`);
  }
}

/** A `preset=<name>` line names no known preset. */
export class UnknownPresetError extends ImgsError {
  readonly code = "UNKNOWN_PRESET";
  readonly category = "usage";
  constructor(readonly preset: string, readonly line: string, readonly known: readonly string[]) {
    super(`unknown preset ${JSON.stringify(preset)} in ${JSON.stringify(line)}; known presets: ${known.join(", ")}`);
  }
}

/** A heredoc delimiter given for GitHub outputs occurs inside an output value. */
export class OutputDelimiterError extends ImgsError {
  readonly code = "OUTPUT_DELIMITER";
  readonly category = "usage";
  constructor(readonly delimiter: string) {
    super(`the output delimiter ${JSON.stringify(delimiter)} occurs in an output name or value`);
  }
}

/** A list input (`tags`, `flavor`, `images`, `labels`, `annotations`) cannot be read as metadata-action reads it. */
export class RefInputInvalidError extends ImgsError {
  readonly code = "REF_INPUT_INVALID";
  readonly category = "usage";
  /** `input`: its metadata-action name, e.g. `tags`. */
  constructor(readonly input: string, readonly reason: string) {
    super(`invalid ${input} input: ${reason}`);
  }
}
