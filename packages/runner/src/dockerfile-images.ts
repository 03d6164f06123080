/** An image a Dockerfile builds on or copies from, and where it says so. */
export interface DockerfileImage {
  readonly image: string;
  /** The instruction, e.g. "FROM imgs.localhost/busybox:latest AS base". */
  readonly instruction: string;
}

const DIRECTIVE = /^#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/;
const VARIABLE = /\$(?:\{([A-Za-z_]\w*)(?::([-+])([^}]*))?\}|([A-Za-z_]\w*))/g;

/** The Dockerfile's instructions, one string each: continuation lines joined, comments dropped. */
function instructionsOf(dockerfile: string): string[] {
  const lines = dockerfile.replace(/^\uFEFF/, "").split(/\r?\n/);
  let escape = "\\";
  // Parser directives (`# escape=``) only count at the very top.
  for (const line of lines) {
    const directive = DIRECTIVE.exec(line);
    if (!directive) break;
    if (directive[1]?.toLowerCase() === "escape") escape = directive[2] ?? escape;
  }
  const instructions: string[] = [];
  let pending = "";
  for (const line of lines) {
    if (/^\s*#/.test(line) || (pending === "" && line.trim() === "")) continue;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith(escape)) {
      pending += `${trimmed.slice(0, -escape.length)} `;
      continue;
    }
    instructions.push((pending + line).trim());
    pending = "";
  }
  if (pending.trim() !== "") instructions.push(pending.trim());
  return instructions;
}

/** `$NAME`, `${NAME}`, `${NAME:-word}` and `${NAME:+word}` replaced; undefined when a variable has no value. */
function substitute(word: string, args: ReadonlyMap<string, string>): string | undefined {
  let unknown = false;
  const result = word.replace(VARIABLE, (...groups: (string | undefined)[]) => {
    const [, braced, operator, alternative = "", bare] = groups;
    const value = args.get(braced ?? bare ?? "");
    if (operator === "-") return value ? value : alternative;
    if (operator === "+") return value ? alternative : "";
    if (value === undefined) unknown = true;
    return value ?? "";
  });
  return unknown ? undefined : result;
}

const unquote = (value: string): string => value.replace(/^(["'])(.*)\1$/, "$2");

/**
 * The images a Dockerfile takes from the engine (FROM and COPY --from), with the ARGs declared
 * before the first FROM substituted (build args override their defaults). Stages, `scratch`, and
 * names that stay unknown until build time are left out.
 */
export function imagesOf(dockerfile: string, buildArgs: Readonly<Record<string, string>> = {}): DockerfileImage[] {
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const images: DockerfileImage[] = [];
  let inStage = false;
  const add = (image: string | undefined, instruction: string): void => {
    if (image === undefined || image === "" || image.includes("$")) return;
    if (image.toLowerCase() === "scratch" || stages.has(image.toLowerCase()) || /^\d+$/.test(image)) return;
    if (!images.some((known) => known.image === image)) images.push({ image, instruction });
  };
  for (const instruction of instructionsOf(dockerfile)) {
    const [keyword = "", ...words] = instruction.split(/\s+/);
    switch (keyword.toUpperCase()) {
      case "ARG":
        // Only ARGs before the first FROM are in scope for FROM lines.
        if (inStage) break;
        for (const word of words) {
          const [name = "", ...rest] = word.split("=");
          const fallback = rest.length > 0 ? substitute(unquote(rest.join("=")), args) : undefined;
          const value = buildArgs[name] ?? fallback;
          if (value !== undefined) args.set(name, value);
        }
        break;
      case "FROM": {
        const [image, as, stage] = words.filter((word) => !word.startsWith("--"));
        add(image === undefined ? undefined : substitute(image, args), instruction);
        if (as?.toLowerCase() === "as" && stage) stages.add(stage.toLowerCase());
        inStage = true;
        break;
      }
      case "COPY": {
        const from = words.find((word) => word.startsWith("--from="));
        if (from) add(from.slice("--from=".length), instruction);
        break;
      }
    }
  }
  return images;
}
