/**
 * The last value of `key` ("section.name" or "section.subsection.name") in git-config text, as git
 * reads it: section and name case-insensitive, `#`/`;` comments, quotes, backslash escapes and line
 * continuations; a name without `=` has the empty value (as `git config --get` prints it).
 * `[include]` files are not followed.
 *
 * @example gitConfigValue('[init]\n\tdefaultBranch = "trunk" # ours', "init.defaultBranch") // "trunk"
 */
export function gitConfigValue(text: string, key: string): string | undefined {
  const first = key.indexOf(".");
  const last = key.lastIndexOf(".");
  const wantedSection = sectionId(key.slice(0, first), first === last ? undefined : key.slice(first + 1, last));
  const wantedName = key.slice(last + 1).toLowerCase();
  let found: string | undefined;
  forEachEntry(text, (section, name, value) => {
    if (section === wantedSection && name === wantedName) found = value;
  });
  return found;
}

/**
 * Every name of a section without subsection (e.g. `extensions`) with its last value, names
 * lower-cased as git compares them.
 *
 * @example gitConfigSection("[extensions]\n\tobjectFormat = sha256", "extensions") // Map { "objectformat" => "sha256" }
 */
export function gitConfigSection(text: string, section: string): Map<string, string> {
  const wanted = sectionId(section, undefined);
  const entries = new Map<string, string>();
  forEachEntry(text, (at, name, value) => {
    if (at === wanted) entries.set(name, value);
  });
  return entries;
}

function forEachEntry(text: string, visit: (section: string | undefined, name: string, value: string) => void): void {
  const scanner = { text, at: 0 };
  let section: string | undefined;
  while (skip(scanner, /[\s]/)) {
    const char = text[scanner.at];
    if (char === "#" || char === ";") skip(scanner, /[^\n]/);
    else if (char === "[") section = readHeader(scanner);
    else {
      const start = scanner.at;
      skip(scanner, /[A-Za-z0-9-]/);
      const name = text.slice(start, scanner.at).toLowerCase();
      if (name === "") {
        skip(scanner, /[^\n]/); // not valid git config; git would refuse the file, we skip the line
        continue;
      }
      skip(scanner, /[ \t]/);
      visit(section, name, text[scanner.at] === "=" ? readValue(scanner) : "");
    }
  }
}

interface Scanner {
  readonly text: string;
  at: number;
}

/** Advance past characters matching `pattern`; true while text remains. */
function skip(scanner: Scanner, pattern: RegExp): boolean {
  while (scanner.at < scanner.text.length && pattern.test(scanner.text[scanner.at] ?? "")) scanner.at++;
  return scanner.at < scanner.text.length;
}

function sectionId(name: string, subsection: string | undefined): string {
  return subsection === undefined ? name.toLowerCase() : `${name.toLowerCase()}\0${subsection}`;
}

/** Parse `[name]`, `[name "sub"]` or the old `[name.sub]`; leaves the scanner after `]`. */
function readHeader(scanner: Scanner): string {
  const end = scanner.text.indexOf("]", scanner.at);
  const close = end === -1 ? scanner.text.length : end;
  const inside = scanner.text.slice(scanner.at + 1, close);
  scanner.at = close + 1;
  const quoted = /^\s*([^\s"]+)\s+"((?:[^"\\]|\\.)*)"\s*$/.exec(inside);
  if (quoted) return sectionId(quoted[1] ?? "", (quoted[2] ?? "").replace(/\\(.)/g, "$1"));
  const dot = inside.indexOf(".");
  // The deprecated dotted form compares its subsection case-insensitively.
  return dot === -1 ? sectionId(inside.trim(), undefined) : sectionId(inside.slice(0, dot), inside.slice(dot + 1).toLowerCase());
}

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", b: "\b", '"': '"', "\\": "\\" };

/** Parse the value after `=` up to the end of the logical line. */
function readValue(scanner: Scanner): string {
  const { text } = scanner;
  let value = "";
  let pendingSpace = "";
  let quoted = false;
  for (scanner.at++; scanner.at < text.length; scanner.at++) {
    const char = text[scanner.at] ?? "";
    if (char === "\n") break;
    if (!quoted && (char === "#" || char === ";")) {
      skip(scanner, /[^\n]/);
      break;
    }
    if (!quoted && /[ \t\r]/.test(char)) {
      // Inner white space is kept, white space around the value is not.
      if (value !== "") pendingSpace += " ";
      continue;
    }
    value += pendingSpace;
    pendingSpace = "";
    if (char === '"') quoted = !quoted;
    else if (char === "\\") {
      scanner.at++;
      const next = text[scanner.at] ?? "";
      if (next === "\r" && text[scanner.at + 1] === "\n") scanner.at++;
      else if (next !== "\n") value += ESCAPES[next] ?? next;
    } else value += char;
  }
  return value;
}
