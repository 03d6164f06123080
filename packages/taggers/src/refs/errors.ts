/** A tag rule line cannot be parsed or is missing a required attribute (metadata-action `tags` input). */
export class RefRuleInvalidError extends Error {
  static readonly code = "REF_RULE_INVALID";
  readonly code = RefRuleInvalidError.code;
  override readonly name = "RefRuleInvalidError";
  /** The offending rule line, as given. */
  readonly line: string;
  /** The attribute at fault (`type`, `pattern`, `event`, …), when one is. */
  readonly attribute: string | undefined;
  readonly reason: string;

  constructor(line: string, reason: string, attribute?: string, cause?: unknown) {
    super(`invalid tag rule ${JSON.stringify(line)}: ${reason}`, cause === undefined ? undefined : { cause });
    this.line = line;
    this.reason = reason;
    this.attribute = attribute;
  }
}

/** A flavor line is malformed or carries an unknown key or value (metadata-action `flavor` input). */
export class RefFlavorInvalidError extends Error {
  static readonly code = "REF_FLAVOR_INVALID";
  readonly code = RefFlavorInvalidError.code;
  override readonly name = "RefFlavorInvalidError";
  readonly line: string;
  readonly attribute: string | undefined;
  readonly reason: string;

  constructor(line: string, reason: string, attribute?: string) {
    super(`invalid flavor ${JSON.stringify(line)}: ${reason}`);
    this.line = line;
    this.reason = reason;
    this.attribute = attribute;
  }
}

/** An image line is malformed, names an unknown attribute or has no name (metadata-action `images` input). */
export class RefImageInvalidError extends Error {
  static readonly code = "REF_IMAGE_INVALID";
  readonly code = RefImageInvalidError.code;
  override readonly name = "RefImageInvalidError";
  readonly line: string;
  readonly attribute: string | undefined;
  readonly reason: string;

  constructor(line: string, reason: string, attribute?: string) {
    super(`invalid image ${JSON.stringify(line)}: ${reason}`);
    this.line = line;
    this.reason = reason;
    this.attribute = attribute;
  }
}

/** A template (value, enable, prefix, suffix, pattern, label) failed to compile or render. */
export class RefTemplateInvalidError extends Error {
  static readonly code = "REF_TEMPLATE_INVALID";
  readonly code = RefTemplateInvalidError.code;
  override readonly name = "RefTemplateInvalidError";
  readonly template: string;
  /** The rule, flavor or label line the template came from, when known. */
  readonly line: string | undefined;
  readonly attribute: string | undefined;
  readonly reason: string;

  constructor(template: string, reason: string, where: { line?: string; attribute?: string } = {}, cause?: unknown) {
    const origin = where.line === undefined ? "" : ` in ${JSON.stringify(where.line)}`;
    super(`invalid template ${JSON.stringify(template)}${origin}: ${reason}`, cause === undefined ? undefined : { cause });
    this.template = template;
    this.reason = reason;
    this.line = where.line;
    this.attribute = where.attribute;
  }
}

/** A context field has a value the engine cannot use (a date that is not an ISO instant, a bad sha length). */
export class RefContextInvalidError extends Error {
  static readonly code = "REF_CONTEXT_INVALID";
  readonly code = RefContextInvalidError.code;
  override readonly name = "RefContextInvalidError";
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown, reason: string) {
    super(`invalid ref context ${field}=${JSON.stringify(value)}: ${reason}`);
    this.field = field;
    this.value = value;
  }
}

/** A `preset=<name>` line names no known preset. */
export class UnknownPresetError extends Error {
  static readonly code = "UNKNOWN_PRESET";
  readonly code = UnknownPresetError.code;
  override readonly name = "UnknownPresetError";
  readonly preset: string;
  readonly line: string;
  readonly known: readonly string[];

  constructor(preset: string, line: string, known: readonly string[]) {
    super(`unknown preset ${JSON.stringify(preset)} in ${JSON.stringify(line)}; known presets: ${known.join(", ")}`);
    this.preset = preset;
    this.line = line;
    this.known = known;
  }
}

/** A heredoc delimiter given for GitHub outputs occurs inside an output value. */
export class OutputDelimiterError extends Error {
  static readonly code = "REF_OUTPUT_DELIMITER";
  readonly code = OutputDelimiterError.code;
  override readonly name = "OutputDelimiterError";
  readonly delimiter: string;

  constructor(delimiter: string) {
    super(`the output delimiter ${JSON.stringify(delimiter)} occurs in an output name or value`);
    this.delimiter = delimiter;
  }
}
