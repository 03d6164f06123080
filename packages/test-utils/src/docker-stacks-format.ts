// The shapes docker-stacks' writers give each line, as patterns: a second, independent check of
// the golden files (see __golden__/README.md for which Python line makes which line).

const SHA = "[0-9a-f]{40}";
const TAG = "[0-9a-f]{12}";
const TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
const SIZE = "(?:\\d+(?:\\.\\d+)?(?:e\\+\\d\\d)?)(?:B|kB|MB|GB|TB|PB|EB|ZB|YB)";

/** Problems of a manifest file's layout: header, build info, H2 pieces, fences, final newline. */
export function manifestProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split("\n");
  const expectLine = (i: number, pattern: string): void => {
    if (!new RegExp(`^${pattern}$`).test(lines[i] ?? "")) problems.push(`line ${i + 1} ${JSON.stringify(lines[i])} does not match /${pattern}/`);
  };
  expectLine(0, `# Build manifest for image: [a-z0-9._-]+:${TAG}`);
  expectLine(1, "");
  expectLine(2, "## Build Info");
  expectLine(3, "");
  expectLine(4, `- Build timestamp: ${TIMESTAMP}`);
  expectLine(5, `- Docker image: \`[^\`\\s]+/[^\`\\s]+:${TAG}\``);
  expectLine(6, `- Docker image size: ${SIZE}`);
  expectLine(7, `- Git commit SHA: \\[(${SHA})\\]\\(https://github\\.com/[^/\\s]+/[^/\\s]+/commit/\\1\\)`);
  expectLine(8, "- Git commit message:");
  expectLine(9, "");
  expectLine(10, "```text");
  if (!text.endsWith("```\n") || text.endsWith("\n\n")) problems.push("the file must end with a closing fence and exactly one newline");
  let inFence = false;
  lines.forEach((line, i) => {
    if (line === "```text" || (inFence && line === "```")) inFence = !inFence;
    else if (!inFence && line.startsWith("#") && i > 0 && !line.startsWith("## ")) problems.push(`line ${i + 1}: only the first line is not an H2`);
    if (!inFence && line.startsWith("## ") && (lines[i - 1] !== "" || lines[i + 1] !== "")) problems.push(`line ${i + 1}: an H2 needs a blank line before and after`);
    if (inFence && line !== "```text" && line !== line.trimEnd()) problems.push(`line ${i + 1}: trailing white space in quoted output`);
    if (line === "```text" && lines[i - 1] !== "") problems.push(`line ${i + 1}: a fence needs a blank line before`);
  });
  if (inFence) problems.push("a ```text fence is not closed");
  return problems;
}

/** Problems of a history line: one line, three cells, no final newline. */
export function historyLineProblems(text: string): string[] {
  const cell = "[^|]+";
  const pattern = new RegExp(
    `^\\| \`${TIMESTAMP}\` \\| \`${cell}:${cell}\`(?:<br />\`${cell}\`)* \\| \\[Git diff\\]\\(https://github\\.com/${cell}/commit/${SHA}\\)<br />\\[Dockerfile\\]\\(https://github\\.com/${cell}/blob/${SHA}/images/${cell}/Dockerfile\\)<br />\\[Build manifest\\]\\(\\./${cell}-${TAG}\\) \\|$`,
  );
  return pattern.test(text) ? [] : [`history line does not match docker-stacks' layout: ${JSON.stringify(text)}`];
}

/** Problems of a tags file: full tags, `-latest` first, one prefix, no final newline. */
export function tagsFileProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.endsWith("\n")) problems.push("a tags file has no final newline");
  const tags = text.split("\n");
  const first = /^(.+):(.+)-latest$/.exec(tags[0] ?? "");
  if (!first) return [...problems, `line 1 ${JSON.stringify(tags[0])} is not <image>:<prefix>-latest`];
  const [, image, prefix] = first;
  tags.forEach((tag, i) => {
    if (!tag.startsWith(`${image}:${prefix}-`)) problems.push(`line ${i + 1} ${JSON.stringify(tag)} does not start with ${image}:${prefix}-`);
  });
  return problems;
}
