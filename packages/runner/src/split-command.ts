import { BadCommandError } from "./errors/exec.js";
import type { Command } from "./types.js";

/** Characters a shell would treat as an operator or an expansion when unquoted. */
const SHELL_SPECIAL = new Set(["|", "&", ";", "<", ">", "(", ")", "`", "$"]);
/** Inside double quotes a shell still expands these; a backslash before them is an escape. */
const DOUBLE_QUOTE_ESCAPABLE = new Set(["$", "`", '"', "\\", "\n"]);
const BLANK = /[ \t\n]/;

const shellOnly = (input: string, char: string, at: number): BadCommandError =>
  new BadCommandError(input, `${JSON.stringify(char)} at index ${at} means something to a shell; quote it, or run shell(script)`);

/**
 * Split a command line into words as a POSIX shell does: blanks separate words, single quotes keep
 * everything, double quotes keep everything but `\"`, `\\`, `\$`, `` \` ``, and a backslash escapes
 * the next character. Nothing is expanded or globbed (`*` stays `*`). Characters a shell would act
 * on (`| & ; < > ( ) $`, backquotes, a `#` that starts a word) must be quoted, so a string never silently means something
 * else than it would in a shell; unbalanced quotes and a trailing backslash throw BadCommandError.
 *
 * @example splitCommand(`python -c 'print("hi")'`) // ["python", "-c", 'print("hi")']
 */
export function splitCommand(input: string): string[] {
  const words: string[] = [];
  let word = "";
  // A word exists once any character or quote of it was seen, so '' gives an empty word.
  let inWord = false;
  let i = 0;
  while (i < input.length) {
    const c = input.charAt(i);
    if (BLANK.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i += 1;
    } else if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) throw new BadCommandError(input, `unbalanced single quote at index ${i}`);
      word += input.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      const start = i;
      i += 1;
      for (;;) {
        if (i >= input.length) throw new BadCommandError(input, `unbalanced double quote at index ${start}`);
        const d = input.charAt(i);
        if (d === '"') break;
        if (d === "\\" && DOUBLE_QUOTE_ESCAPABLE.has(input.charAt(i + 1))) {
          // A backslash-newline is a line continuation: both characters vanish.
          if (input.charAt(i + 1) !== "\n") word += input.charAt(i + 1);
          i += 2;
        } else if (d === "$" || d === "`") {
          throw shellOnly(input, d, i);
        } else {
          word += d;
          i += 1;
        }
      }
      inWord = true;
      i += 1;
    } else if (c === "\\") {
      if (i + 1 >= input.length) throw new BadCommandError(input, "it ends with a backslash that escapes nothing");
      if (input.charAt(i + 1) !== "\n") {
        word += input.charAt(i + 1);
        inWord = true;
      }
      i += 2;
    } else if (SHELL_SPECIAL.has(c) || (c === "#" && !inWord)) {
      // A "#" that starts a word starts a comment in a shell.
      throw shellOnly(input, c, i);
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * The argv that runs `script` with the container's /bin/sh, for pipes, redirections and expansions.
 *
 * @example session.exec(shell("ls /usr/bin | wc -l"))
 */
export function shell(script: string): string[] {
  return ["/bin/sh", "-c", script];
}

/** The argv of a Command: a string is split with splitCommand; an empty argv is a BadCommandError. */
export function toArgv(command: Command): string[] {
  const argv = typeof command === "string" ? splitCommand(command) : [...command];
  if (argv.length === 0) throw new BadCommandError(command, "it has no program to run");
  if (argv[0] === "") throw new BadCommandError(command, "its program name is empty");
  return argv;
}
